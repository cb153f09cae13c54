import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventBus, OutgoingMessage } from '../event-bus';
import { sleep } from '../sleep';

export interface OutboxRelayOptions {
  /** For the LISTEN connection that wakes the relay when events commit. */
  connectionString: string;
  batchSize?: number;
  /** Safety net if a notification is missed (e.g. the LISTEN connection dropped). */
  pollIntervalMs?: number;
  /** Published rows are deleted after this long. */
  retentionMs?: number;
  onPublished?: (count: number, topics: string[]) => void;
  onError?: (error: unknown) => void;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

/**
 * Rows published per transaction. Large enough that a backlog (after downtime: a burst of SLA
 * breaches) drains at Kafka's pace, not at one round trip per few hundred events.
 */
export const OUTBOX_RELAY_BATCH_SIZE = 2_000;

/** Any constant works; it only has to be the same in every relay of every service. */
const RELAY_LOCK_KEY = 7_318_225_001;

/**
 * Publishes the outbox to the bus in `seq` order and marks rows sent. One relay drains at a
 * time (a transaction-scoped advisory lock; the others skip and poll), which keeps that order
 * across replicas. `seq` is taken at insert, so events of one key keep their order only if
 * their writers serialize (conversations lock the conversation row); unrelated keys may
 * publish in either order, which per-key consumers never notice.
 * A crash after publishing but before marking republishes the batch: at-least-once, and
 * consumers dedupe by event id.
 */
export class OutboxRelay {
  private listener: Client | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: AbortController = new AbortController();
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly options: OutboxRelayOptions,
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake.abort();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** Publishes everything pending now; returns how many events went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < (this.options.batchSize ?? OUTBOX_RELAY_BATCH_SIZE)) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.drain();
        await this.cleanup();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!this.running) break;
      await sleep(this.options.pollIntervalMs ?? 1_000, this.wake.signal);
      if (this.wake.signal.aborted) this.wake = new AbortController();
    }
  }

  private async publishBatch(): Promise<number> {
    const batchSize = this.options.batchSize ?? OUTBOX_RELAY_BATCH_SIZE;
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        RELAY_LOCK_KEY,
      ]);
      if (!locked) return 0;
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, topic, message_key, payload, headers FROM outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [batchSize],
      );
      if (rows.length === 0) return 0;
      // Consecutive rows of one topic go out as one request; order is kept across topics.
      for (const run of consecutiveByTopic(rows)) {
        await this.bus.publish(run.topic, run.messages);
      }
      await manager.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [
        rows.map((row) => row.seq),
      ]);
      this.options.onPublished?.(rows.length, [...new Set(rows.map((row) => row.topic))]);
      return rows.length;
    });
  }

  private async cleanup(): Promise<void> {
    const retentionMs = this.options.retentionMs ?? 3_600_000;
    if (Date.now() - this.lastCleanup < Math.min(retentionMs, 60_000)) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL
         AND published_at < now() - ($1::bigint * interval '1 millisecond')`,
      [retentionMs],
    );
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.connectionString });
    client.on('notification', () => this.wake.abort());
    // A dropped LISTEN connection only costs latency: polling still drains the outbox.
    client.on('error', (error) => this.options.onError?.(error));
    await client.connect();
    await client.query('LISTEN switchboard_outbox');
    this.listener = client;
  }
}

function consecutiveByTopic(
  rows: OutboxRow[],
): Array<{ topic: string; messages: OutgoingMessage[] }> {
  const runs: Array<{ topic: string; messages: OutgoingMessage[] }> = [];
  for (const row of rows) {
    const message = { key: row.message_key, value: row.payload, headers: row.headers };
    const last = runs[runs.length - 1];
    if (last?.topic === row.topic) last.messages.push(message);
    else runs.push({ topic: row.topic, messages: [message] });
  }
  return runs;
}
