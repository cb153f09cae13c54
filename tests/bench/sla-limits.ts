/**
 * The physical limits the SLA bench compares the service with, measured in the same run on the
 * same broker and database:
 *
 *   kafka      `KafkaBus.publish` of `sla.breached`-shaped messages (same bytes, keys and headers
 *              as the outbox relay sends) in batches of the relay's size, one batch at a time as
 *              the relay does, with a KafkaBus consumer reading them concurrently: produce rate
 *              (last acknowledgement) and produce → consume rate (last message handled).
 *   postgres   a scratch copy of `sla_clocks` (same columns, constraints, indexes and foreign
 *              keys) and of `outbox` in the bench database:
 *                insert        rows/s of one INSERT … SELECT generate_series (how the timers load);
 *                update        `UPDATE … FROM unnest` of 1,000-row batches setting the columns the
 *                              scheduler sets, on as many connections as scheduler workers;
 *                fire floor    per transaction what firing must write at least: claim 1,000 due
 *                              rows (the scheduler's SELECT … FOR UPDATE SKIP LOCKED), update them
 *                              and insert one breach-sized outbox row each, on as many
 *                              connections as workers. No reads of the policy, no JavaScript.
 */
import { type KafkaBus, type OutgoingMessage } from '@switchboard/bus';
import { createEnvelope, encodeEnvelope } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { CpuFigures, CpuMeter } from './sla-cpu';

/** What the outbox relay would send for one breach of the bench's policy. */
export function breachMessage(tenantId: string, policyId: string): OutgoingMessage {
  const conversationId = randomUUID();
  const dueAt = new Date();
  const envelope = createEnvelope(
    'sla.breached',
    {
      clockId: randomUUID(),
      conversationId,
      metric: 'first_response',
      policyId,
      policyVersion: 1,
      targetSeconds: 60,
      businessHours: false,
      dueAt: dueAt.toISOString(),
      remainingSeconds: 0,
      overdueSeconds: 0.012,
      conversationDueAt: dueAt.toISOString(),
      at: new Date(dueAt.getTime() + 12).toISOString(),
      lateByMs: 12,
      escalations: [{ type: 'raise_priority', priority: 10 }],
    },
    { tenantId, correlationId: conversationId, causationId: null },
  );
  return {
    key: conversationId,
    value: encodeEnvelope(envelope),
    headers: {
      'event-id': envelope.id,
      'event-type': envelope.type,
      'correlation-id': envelope.correlationId,
    },
  };
}

export interface RawKafkaFigures {
  readonly messages: number;
  readonly valueBytes: number;
  readonly batch: number;
  readonly produceMsgsPerSec: number;
  readonly produceConsumeMsgsPerSec: number;
  /** CPU per message over the measured produce and consume, per process (µs). */
  readonly cpuMicrosPerMessage: Record<string, number>;
}

function perUnit(cpu: CpuFigures, units: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(cpu.seconds).map(([name, sec]) => [
      name,
      Number(((sec * 1e6) / units).toFixed(1)),
    ]),
  );
}

export async function measureRawKafka(options: {
  bus: KafkaBus;
  topic: string;
  groupId: string;
  messages: number;
  warmup: number;
  batch: number;
  sample: () => OutgoingMessage;
  timeoutMs: number;
  meter: CpuMeter;
}): Promise<RawKafkaFigures> {
  const pool = Array.from({ length: 1_000 }, options.sample);
  const total = options.warmup + options.messages;
  let consumed = 0;
  let lastConsumedAt = 0;
  let allConsumed!: () => void;
  const done = new Promise<void>((resolve) => (allConsumed = resolve));
  const subscription = await options.bus.subscribe({
    groupId: options.groupId,
    topics: [options.topic],
    fromBeginning: true,
    handler: async () => {
      consumed += 1;
      if (consumed === total) {
        lastConsumedAt = performance.now();
        allConsumed();
      }
    },
  });
  try {
    const send = async (count: number) => {
      for (let start = 0; start < count; start += options.batch) {
        const batch: OutgoingMessage[] = [];
        for (let i = start; i < Math.min(start + options.batch, count); i++)
          batch.push(pool[i % pool.length]!);
        await options.bus.publish(options.topic, batch);
      }
    };
    await send(options.warmup);
    while (consumed < options.warmup) await new Promise((resolve) => setTimeout(resolve, 20));
    const metering = await options.meter.start();
    const measuredFrom = performance.now();
    await send(options.messages);
    const produced = performance.now() - measuredFrom;
    await Promise.race([
      done,
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`raw kafka: ${consumed}/${total} consumed in time`)),
          options.timeoutMs,
        ).unref(),
      ),
    ]);
    const cpu = await metering.stop();
    return {
      messages: options.messages,
      valueBytes: pool[0]!.value.length,
      batch: options.batch,
      produceMsgsPerSec: Math.round((options.messages * 1_000) / produced),
      produceConsumeMsgsPerSec: Math.round(
        (options.messages * 1_000) / (lastConsumedAt - measuredFrom),
      ),
      cpuMicrosPerMessage: perUnit(cpu, options.messages),
    };
  } finally {
    await subscription.stop();
  }
}

export interface RawPostgresFigures {
  readonly rows: number;
  readonly connections: number;
  readonly insertRowsPerSec: number;
  readonly updateRowsPerSec: number;
  readonly fireFloorRowsPerSec: number;
  /** CPU per row of the fire floor, per process (µs). */
  readonly fireFloorCpuMicrosPerRow: Record<string, number>;
}

const BATCH = 1_000;

/** Runs `work(client, index)` on each client at once; returns the wall time in ms. */
async function timed(clients: Client[], work: (client: Client, index: number) => Promise<void>) {
  const started = performance.now();
  await Promise.all(clients.map((client, index) => work(client, index)));
  return performance.now() - started;
}

export async function measureRawPostgres(options: {
  databaseUrl: string;
  tenantId: string;
  policyId: string;
  rows: number;
  connections: number;
  payload: OutgoingMessage;
  meter: CpuMeter;
}): Promise<RawPostgresFigures> {
  const clients = Array.from(
    { length: options.connections },
    () => new Client({ connectionString: options.databaseUrl, application_name: 'bench-raw' }),
  );
  await Promise.all(clients.map((client) => client.connect()));
  const [main] = clients as [Client];
  try {
    await main.query(`
      DROP TABLE IF EXISTS bench_raw_clocks; DROP TABLE IF EXISTS bench_raw_outbox;
      CREATE TABLE bench_raw_clocks (LIKE sla_clocks INCLUDING ALL);
      ALTER TABLE bench_raw_clocks ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id),
        ADD FOREIGN KEY (policy_id, policy_version) REFERENCES sla_policy_versions (policy_id, version);
      CREATE TABLE bench_raw_outbox (LIKE outbox INCLUDING ALL);`);

    // Insert: twice the rows (half for the update, half for the fire floor), all due already.
    const insertMs = await timed([main], (client) =>
      client
        .query(
          `INSERT INTO bench_raw_clocks (id, tenant_id, conversation_id, metric, cycle, ordinal,
            policy_id, policy_version, target_seconds, business_hours, status, started_at,
            running_since, due_at, next_fire_at)
         SELECT gen_random_uuid(), $1, gen_random_uuid(), 'first_response', 1, 1, $2, 1, 60, false,
                'running', d - interval '60 seconds', d - interval '60 seconds', d, d
           FROM (SELECT now() - interval '1 hour' + i * interval '1 millisecond' AS d
                   FROM generate_series(0, $3 - 1) AS i) AS due`,
          [options.tenantId, options.policyId, options.rows * 2],
        )
        .then(() => undefined),
    );
    await main.query('VACUUM ANALYZE bench_raw_clocks');

    // Update: the first half, in due order, split between the connections.
    const ids: string[] = (
      await main.query('SELECT id FROM bench_raw_clocks ORDER BY next_fire_at LIMIT $1', [
        options.rows,
      ])
    ).rows.map((row: { id: string }) => row.id);
    const batches: string[][] = [];
    for (let start = 0; start < ids.length; start += BATCH)
      batches.push(ids.slice(start, start + BATCH));
    let nextBatch = 0;
    const updateMs = await timed(clients, async (client) => {
      for (let batch = batches[nextBatch++]; batch; batch = batches[nextBatch++]) {
        const breachedAt = new Date().toISOString();
        await client.query(
          `UPDATE bench_raw_clocks c
              SET warn_at = u.warn_at, warned_at = u.warned_at, breached_at = u.breached_at,
                  next_fire_at = u.next_fire_at
             FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[],
                         $5::timestamptz[]) AS u(id, warn_at, warned_at, breached_at, next_fire_at)
            WHERE c.id = u.id`,
          [
            batch,
            batch.map(() => null),
            batch.map(() => null),
            batch.map(() => breachedAt),
            batch.map(() => null),
          ],
        );
      }
    });

    // Fire floor: claim, update and write the outbox rows, per transaction, until none is due.
    const payload = options.payload;
    const headers = JSON.stringify(payload.headers);
    let fired = 0;
    const metering = await options.meter.start();
    const fireMs = await timed(clients, async (client) => {
      for (;;) {
        await client.query('BEGIN');
        const claimed: string[] = (
          await client.query(
            `SELECT id FROM bench_raw_clocks WHERE next_fire_at <= now()
              ORDER BY next_fire_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
            [BATCH],
          )
        ).rows.map((row: { id: string }) => row.id);
        if (claimed.length === 0) {
          await client.query('COMMIT');
          return;
        }
        const at = new Date().toISOString();
        await client.query(
          `UPDATE bench_raw_clocks c SET breached_at = $2, next_fire_at = NULL
             FROM unnest($1::uuid[]) AS u(id) WHERE c.id = u.id`,
          [claimed, at],
        );
        await client.query(
          `INSERT INTO bench_raw_outbox (event_id, topic, message_key, payload, headers)
           SELECT gen_random_uuid(), 'switchboard.sla.events', k, $2::bytea, $3::jsonb
             FROM unnest($1::text[]) AS k`,
          [claimed, payload.value, headers],
        );
        await client.query('COMMIT');
        fired += claimed.length;
      }
    });
    const cpu = await metering.stop();
    if (fired !== options.rows) throw new Error(`raw fire floor fired ${fired}/${options.rows}`);
    return {
      rows: options.rows,
      connections: options.connections,
      insertRowsPerSec: Math.round((options.rows * 2 * 1_000) / insertMs),
      updateRowsPerSec: Math.round((options.rows * 1_000) / updateMs),
      fireFloorRowsPerSec: Math.round((options.rows * 1_000) / fireMs),
      fireFloorCpuMicrosPerRow: perUnit(cpu, options.rows),
    };
  } finally {
    await main
      .query('DROP TABLE IF EXISTS bench_raw_clocks; DROP TABLE IF EXISTS bench_raw_outbox')
      .catch(() => undefined);
    await Promise.allSettled(clients.map((client) => client.end()));
  }
}
