/**
 * Ingest throughput on the real broker and database: Twilio-signed SMS webhooks per second
 * through gateway → Kafka → conversations → PostgreSQL, with each message's latency from the
 * start of its HTTP request to (a) its row being stored and (b) its `message.received` event being
 * on Kafka (published by the outbox relay), next to raw limits measured in the same run:
 * plain kafkajs producing and consuming the same envelopes the same way the gateway does, and
 * plain `pg` INSERTs of message-like rows.
 *
 *   npm run bench:ingest         (= bash scripts/bench ingest: starts Kafka if needed, builds, runs)
 *
 * The gateway and conversations run as their own processes, started as deployed
 * (`node dist/apps/<service>/src/main.js`), on a fresh database cloned from the migrated template
 * and under a unique topic prefix. This process is the load generator and the observer: it
 * provisions a tenant and a Twilio SMS number (secrets encrypted with the gateway's key), posts
 * pre-signed webhooks over keep-alive HTTP with a bounded number in flight, watches the messages
 * table (LISTEN on the outbox's NOTIFY, then a lookup of the ids still pending) and subscribes to
 * the conversation events with a KafkaBus.
 *
 * Per round (fresh senders every trial; the order of the four trials reverses every other round):
 *   pipeline     N webhooks from N / BENCH_MESSAGES_PER_SENDER senders, round-robin, so every
 *                sender's first message creates a contact and a conversation and the rest join
 *                it. At most BENCH_CONCURRENCY webhooks in flight END TO END: a worker posts one,
 *                waits until it is stored and announced, then posts the next. This is the rate
 *                the whole chain sustains and its latencies with a bounded queue (the headline).
 *   burst        the same, but BENCH_CONCURRENCY HTTP requests in flight without waiting for
 *                anything after the 200: the gateway's own capacity, and how fast conversations
 *                drains the backlog it builds. Stores are not timed here (they would only measure
 *                the backlog), so the observer's lookups do not load the database.
 *   raw kafka    the same inbound envelopes (bytes, keys, headers) through plain kafkajs with the
 *                bus's settings: one message per send, BENCH_CONCURRENCY sends in flight (what the
 *                gateway asks of kafkajs), a consumer with conversations' partition concurrency;
 *                and once more in batches of BENCH_KAFKA_BATCH (the batching the gateway lacks).
 *   raw insert   message-like rows into a copy of the messages table (same columns, indexes and
 *                constraints, no foreign keys): BENCH_INSERT_BATCH rows per INSERT on one
 *                connection; and one row per transaction on as many connections as conversations
 *                handles partitions at once (every inbound message is its own transaction there).
 * Rates are the median of the rounds; latency percentiles pool every measured message. CPU time
 * per webhook is read from /proc for each process involved (services, their PostgreSQL backends,
 * the broker, this process), because wall-clock rates move with whatever else the machine does.
 * Progress goes to stderr; the figures are ONE JSON object on the last line of stdout.
 *
 * Once, after the warm-up, BENCH_SINGLE_MESSAGES webhooks go one at a time end to end (`single`):
 * the latency of one message through an otherwise idle chain, without queueing.
 *
 * BENCH_PREFILL_CONTACTS=N first gives the tenant N existing customers (a contact, a phone identity
 * and a conversation each, every other one resolved) and ANALYZEs, to see how ingest holds up
 * on a tenant with history rather than an empty database.
 *
 * Environment (all optional): BENCH_MESSAGES (5000), BENCH_WARMUP_MESSAGES (500),
 * BENCH_SINGLE_MESSAGES (200), BENCH_PREFILL_CONTACTS (0),
 * BENCH_ROUNDS (3), BENCH_CONCURRENCY (32), BENCH_MESSAGES_PER_SENDER (5), BENCH_PARTITIONS (6),
 * BENCH_KAFKA_BATCH (100), BENCH_INSERT_ROWS (20000), BENCH_INSERT_BATCH (100),
 * BENCH_STORED_POLL_MS (10), BENCH_ROUND_TIMEOUT_MS (180000), BENCH_TIMEOUT_MS (540000),
 * BENCH_SERVICE_NODE_ARGS (node flags for both services, e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof`; profiles are written when they stop), KAFKA_PORT (9092; the host
 * is always 127.0.0.1), KAFKA_STATE_DIR (where scripts/kafka keeps the broker's pid, to read its
 * CPU time), TEST_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/postgres). Rounds that would
 * not fit in BENCH_TIMEOUT_MS are skipped, and `roundsCompleted` says so.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel as KafkaLogLevel, type Admin, type LogEntry } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { deadLetterTopicOf, KafkaBus, type OutgoingMessage } from '@switchboard/bus';
import { twilioAdapter } from '@switchboard/channels';
import { createEnvelope, encodeEnvelope, Topics } from '@switchboard/contracts';
import {
  createDataSource,
  provisionTenant,
  registerChannelAccount,
  SecretsCipher,
} from '@switchboard/db';
// The webhooks module alone: what the SDK's getExpectedTwilioSignature is, without its REST client.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { freePort, waitUntilReady, type ServiceProcess } from '../support/service-process';
import { TEST_SECRETS_KEY } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { kafkaPid, machineTicks, processCpuMicros } from './process-cpu';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got '${raw}'`);
  }
  return value;
}

const MESSAGES = positiveInt('BENCH_MESSAGES', 5_000);
const WARMUP_MESSAGES = positiveInt('BENCH_WARMUP_MESSAGES', 500);
const SINGLE_MESSAGES = positiveInt('BENCH_SINGLE_MESSAGES', 200);
const PREFILL_CONTACTS = Number(process.env.BENCH_PREFILL_CONTACTS ?? 0) || 0;
const ROUNDS = positiveInt('BENCH_ROUNDS', 3);
const CONCURRENCY = positiveInt('BENCH_CONCURRENCY', 32);
const MESSAGES_PER_SENDER = positiveInt('BENCH_MESSAGES_PER_SENDER', 5);
const PARTITIONS = positiveInt('BENCH_PARTITIONS', 6);
const KAFKA_BATCH = positiveInt('BENCH_KAFKA_BATCH', 100);
const INSERT_ROWS = positiveInt('BENCH_INSERT_ROWS', 20_000);
const INSERT_BATCH = positiveInt('BENCH_INSERT_BATCH', 100);
const STORED_POLL_MS = positiveInt('BENCH_STORED_POLL_MS', 10);
const ROUND_TIMEOUT_MS = positiveInt('BENCH_ROUND_TIMEOUT_MS', 180_000);
/** Kept back from BENCH_TIMEOUT_MS for stopping the services and dropping the database. */
const CLEANUP_RESERVE_MS = 30_000;
const TOTAL_TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 540_000);
const SERVICE_NODE_ARGS = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const KAFKA_PORT = positiveInt('KAFKA_PORT', 9_092);
const BROKERS = [`127.0.0.1:${KAFKA_PORT}`];
/** conversations' BusTransport handles this many partitions at once (its default). */
const CONVERSATIONS_PARTITION_CONCURRENCY = 3;

const RUN_ID = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const TOPIC_PREFIX = `bench-ingest-${RUN_ID}.`;
const PUBLIC_BASE_URL = 'https://switchboard.bench';
const WEBHOOK_PATH = '/v1/webhooks/twilio';
const AUTH_TOKEN = 'twilio-auth-token-for-the-ingest-bench';
const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const OUR_NUMBER = '+14155550100';
const REPO_ROOT = resolve(__dirname, '../../..');

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
const isNoise = (message: string) =>
  message.startsWith('Limiting retries for the idempotent producer');
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Webhooks: Twilio SMS form bodies, signed with the real SDK's algorithm over the public URL.

const BODIES = [
  'Hi, where is my order? It was supposed to arrive yesterday.',
  'Can I change the delivery address for order 4471 please',
  'Thanks, that worked!',
  'My card was charged twice this month, can someone look into it?',
  'Is the store on Market Street open on Sunday?',
  'I need to return the blue jacket, it is too small.',
  'Still waiting for an answer about my refund.',
  'ok',
];

interface Webhook {
  sid: string;
  body: Buffer;
  signature: string;
}

let senderSerial = 0;

/** `count` webhooks from fresh senders, each sending MESSAGES_PER_SENDER, round-robin. */
function buildWebhooks(count: number): Webhook[] {
  const senders = Array.from(
    { length: Math.ceil(count / MESSAGES_PER_SENDER) },
    () => `+1415${String(2_000_000 + senderSerial++).padStart(7, '0')}`,
  );
  const url = `${PUBLIC_BASE_URL}${WEBHOOK_PATH}`;
  return Array.from({ length: count }, (_, i) => {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const params: Record<string, string> = {
      ToCountry: 'US',
      ToState: 'CA',
      SmsMessageSid: sid,
      NumMedia: '0',
      ToCity: 'SAN FRANCISCO',
      FromZip: '94103',
      SmsSid: sid,
      FromState: 'CA',
      SmsStatus: 'received',
      FromCity: 'SAN FRANCISCO',
      Body: BODIES[i % BODIES.length]!,
      FromCountry: 'US',
      To: OUR_NUMBER,
      ToZip: '94105',
      NumSegments: '1',
      MessageSid: sid,
      AccountSid: ACCOUNT_SID,
      From: senders[i % senders.length]!,
      ApiVersion: '2010-04-01',
    };
    return {
      sid,
      body: Buffer.from(new URLSearchParams(params).toString()),
      signature: getExpectedTwilioSignature(AUTH_TOKEN, url, params),
    };
  });
}

/** The gateway's publish of one webhook, built by the same code (adapter → envelope). */
function inboundMessageOf(webhook: Webhook, tenantId: string, accountId: string): OutgoingMessage {
  const request = {
    method: 'POST' as const,
    url: `${PUBLIC_BASE_URL}${WEBHOOK_PATH}`,
    headers: {},
    query: {},
    rawBody: webhook.body,
    routeKey: null,
  };
  const now = new Date();
  const [event] = twilioAdapter.parse(request, now).events;
  if (event?.type !== 'inbound.message_received') throw new Error('not an inbound message');
  const envelope = createEnvelope(
    'inbound.message_received',
    { ...event.data, channelAccountId: accountId, receivedAt: now.toISOString() },
    { tenantId, correlationId: randomUUID() },
  );
  return {
    key: `${tenantId}:${event.data.channel}:${event.data.sender.externalId}`,
    value: encodeEnvelope(envelope),
    headers: {
      'event-id': envelope.id,
      'event-type': envelope.type,
      'correlation-id': envelope.correlationId,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CPU time per process, from /proc (the services, their PostgreSQL backends, the broker, us).

type CpuBook = Map<string, number>;

class CpuMeter {
  constructor(
    private readonly admin: Client,
    private readonly databaseName: string,
    private readonly processes: () => Array<{ name: string; pid: number | undefined }>,
  ) {}

  /** PostgreSQL backends of the bench database, named by their application. */
  private async backends(): Promise<Array<{ name: string; pid: number }>> {
    const rows: Array<{ pid: number; name: string }> = (
      await this.admin.query(
        `SELECT pid, CASE WHEN backend_type = 'walwriter' THEN 'walwriter'
                          ELSE coalesce(nullif(application_name, ''), 'other') END AS name
           FROM pg_stat_activity WHERE datname = $1 OR backend_type = 'walwriter'`,
        [this.databaseName],
      )
    ).rows;
    return rows.map((row) => ({
      name: `pg:${row.name.replace(/^switchboard-/, '')}`,
      pid: row.pid,
    }));
  }

  /**
   * Starts measuring: samples every process and backend twice a second, so a database connection
   * that closes during the window (pools drop idle ones) still counts up to its last sample.
   */
  async start(): Promise<{ stop(): Promise<{ book: CpuBook; machineBusy: number }> }> {
    const seen = new Map<number, { name: string; first: number; last: number }>();
    const sample = async (initial: boolean) => {
      for (const { name, pid } of [...this.processes(), ...(await this.backends())]) {
        if (pid === undefined) continue;
        const cpu = pid === process.pid ? cpuOfThisProcess() : processCpuMicros(pid);
        if (cpu === null) continue;
        const known = seen.get(pid);
        // A backend first seen later connected during the window: all its CPU is in it.
        if (known) known.last = cpu;
        else seen.set(pid, { name, first: initial ? cpu : 0, last: cpu });
      }
    };
    const machineBefore = machineTicks();
    await sample(true);
    let sampling: Promise<void> = Promise.resolve();
    const timer = setInterval(() => {
      sampling = sampling.then(() => sample(false)).catch(() => undefined);
    }, 500);
    return {
      stop: async () => {
        clearInterval(timer);
        await sampling;
        await sample(false);
        const machineAfter = machineTicks();
        const book: CpuBook = new Map();
        for (const { name, first, last } of seen.values()) {
          book.set(name, (book.get(name) ?? 0) + (last - first));
        }
        const busy = machineAfter.busy - machineBefore.busy;
        const total = machineAfter.total - machineBefore.total;
        return { book, machineBusy: total > 0 ? busy / total : NaN };
      },
    };
  }
}

function cpuOfThisProcess(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** The load generator and the observers: this process and its own database sessions. */
const isBench = (name: string) => name === 'bench' || name.startsWith('pg:bench');

function perUnit(book: CpuBook, units: number): Record<string, number> {
  const entries = [...book.entries()]
    .filter(([, micros]) => micros > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, micros]) => [name, round(micros / units, 1)] as const);
  const sum = (names: (name: string) => boolean) =>
    [...book.entries()].reduce((total, [name, micros]) => total + (names(name) ? micros : 0), 0);
  return {
    ...Object.fromEntries(entries),
    // Services, their PostgreSQL sessions and the broker; without the bench and its observers.
    systemUnderTest: round(sum((name) => !isBench(name)) / units, 1),
    total: round(sum(() => true) / units, 1),
  };
}

// ---------------------------------------------------------------------------------------------
// Observers: when each message is stored (messages table) and announced (conversation events).

interface Sample {
  startAt: number;
  acceptedAt: number;
  /** 0 until seen; stays 0 in burst mode, where stores are not timed. */
  storedAt: number;
  publishedAt: number;
  /** Set by a pipeline worker waiting for this message to be stored and announced. */
  settled?: () => void;
}

function settle(sample: Sample): void {
  if (sample.storedAt > 0 && sample.publishedAt > 0) sample.settled?.();
}

/**
 * Finds stored messages soon after they commit: every commit of conversations' transaction fires
 * the outbox's NOTIFY, which makes this look up the provider ids still pending. A message's
 * stored time is the start of the first lookup that saw it: an upper bound, late by at most the
 * gap between lookups (at least STORED_POLL_MS apart; their mean is reported).
 */
class StoredWatcher {
  private readonly pending = new Map<string, Sample>();
  private dirty = false;
  private loop: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastStart = 0;
  lookups = 0;
  lookupMs = 0;

  constructor(
    private readonly client: Client,
    private readonly tenantId: string,
  ) {}

  async start(): Promise<void> {
    this.client.on('notification', () => this.kick());
    await this.client.query('LISTEN switchboard_outbox');
    // Safety net for a notification that arrives between a lookup's start and its end.
    this.timer = setInterval(() => this.pending.size > 0 && this.kick(), 200);
  }

  track(sid: string, sample: Sample): void {
    this.pending.set(sid, sample);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.loop;
  }

  private kick(): void {
    this.dirty = true;
    this.loop ??= this.run().finally(() => (this.loop = null));
  }

  private async run(): Promise<void> {
    while (this.dirty && this.pending.size > 0) {
      this.dirty = false;
      const wait = this.lastStart + STORED_POLL_MS - performance.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      const startedAt = performance.now();
      this.lastStart = startedAt;
      // One equality lookup per id, so each is a probe of the unique index whatever the
      // statistics say. (`= ANY($2)` on a never-analyzed table was planned as a scan of all the
      // tenant's messages: ~10 ms a lookup, on the machine being measured.)
      const ids = [...this.pending.keys()];
      const { rows } = await this.client.query<{ sid: string }>(
        ids
          .map(
            (_, i) =>
              `SELECT provider_message_id AS sid FROM messages
                WHERE tenant_id = $1 AND channel = 'sms' AND provider_message_id = $${i + 2}`,
          )
          .join(' UNION ALL '),
        [this.tenantId, ...ids],
      );
      this.lookups++;
      this.lookupMs += performance.now() - startedAt;
      for (const { sid } of rows) {
        const sample = this.pending.get(sid);
        if (!sample) continue;
        sample.storedAt = startedAt;
        this.pending.delete(sid);
        settle(sample);
      }
    }
  }
}

/** What the current ingest trial expects to see announced. */
interface TrialWatch {
  bySid: Map<string, Sample>;
  published: number;
  contactsCreated: number;
  conversationsOpened: number;
  others: number;
}

let watching: TrialWatch | null = null;

function onConversationEvent(value: Buffer): void {
  if (!watching) return;
  const event = JSON.parse(value.toString('utf8')) as {
    type: string;
    data: { providerMessageId?: string };
  };
  switch (event.type) {
    case 'message.received': {
      const sample = watching.bySid.get(event.data.providerMessageId ?? '');
      if (sample && sample.publishedAt === 0) {
        sample.publishedAt = performance.now();
        watching.published++;
        settle(sample);
      }
      break;
    }
    case 'contact.created':
      watching.contactsCreated++;
      break;
    case 'conversation.opened':
      watching.conversationsOpened++;
      break;
    default:
      watching.others++;
  }
}

// ---------------------------------------------------------------------------------------------
// The ingest trials.

/**
 * pipeline  at most CONCURRENCY webhooks in flight end to end: a worker posts one, waits until it
 *           is stored and announced, then posts the next. The rate the whole chain sustains, and
 *           its latencies with a bounded queue.
 * burst     at most CONCURRENCY HTTP requests in flight, without waiting for what follows: the
 *           gateway's own capacity, and how fast conversations drains the backlog it builds.
 *           Stores are not timed (their latency would only measure the backlog).
 */
type IngestMode = 'pipeline' | 'burst';

interface IngestResult {
  label: string;
  mode: IngestMode;
  messages: number;
  /** Every message stored and announced. */
  webhooksPerSec: number;
  /** Every HTTP response received. */
  acceptedPerSec: number;
  seconds: number;
  samples: Sample[];
  cpu: CpuBook;
  machineBusy: number;
  /** Outbox relay transactions that published something (rows marked with one `now()`). */
  relayBatches: number;
  /** Events the relay published. */
  relayEvents: number;
}

interface Context {
  gatewayUrl: URL;
  agent: Agent;
  watcher: StoredWatcher;
  meter: CpuMeter;
  dataSource: DataSource;
  tenantId: string;
  accountId: string;
  cleanupAdmin: Admin;
  kafka: Kafka;
  rawPg: Client[];
}

function post(context: Context, webhook: Webhook): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        host: context.gatewayUrl.hostname,
        port: context.gatewayUrl.port,
        path: WEBHOOK_PATH,
        method: 'POST',
        agent: context.agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(webhook.body.length),
          'x-twilio-signature': webhook.signature,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode ?? 0));
        response.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(webhook.body);
  });
}

/** Connection-level retries: counted and reported, never silent. */
let connectionRetries = 0;

/**
 * A keep-alive connection can be closed by the server just as a request goes out on it. Like
 * Twilio, retry the webhook then (at most twice): the gateway accepts a MessageSid once, so a
 * request that did get through is not stored twice.
 */
async function postWithRetries(context: Context, webhook: Webhook): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await post(context, webhook);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const retriable = code === 'ECONNRESET' || code === 'EPIPE';
      if (!retriable || attempt >= 3) throw error;
      connectionRetries++;
      log(`retrying ${webhook.sid} after ${code}`);
    }
  }
}

async function ingestTrial(
  context: Context,
  label: string,
  mode: IngestMode,
  count: number,
  concurrency = CONCURRENCY,
): Promise<IngestResult> {
  const webhooks = buildWebhooks(count);
  const samples: Sample[] = webhooks.map(() => ({
    startAt: 0,
    acceptedAt: 0,
    storedAt: 0,
    publishedAt: 0,
  }));
  const watch: TrialWatch = {
    bySid: new Map(webhooks.map((webhook, i) => [webhook.sid, samples[i]!])),
    published: 0,
    contactsCreated: 0,
    conversationsOpened: 0,
    others: 0,
  };
  watching = watch;
  let accepted = 0;
  const failures: string[] = [];
  const name = `${label.padEnd(7)} ${mode.padEnd(8)}`;
  const relayBefore = await relayCounts(context.dataSource);
  const cpu = await context.meter.start();
  const progress = setInterval(() => {
    log(`${name} ${accepted}/${count} accepted, ${watch.published} stored and announced`);
  }, 5_000);
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count && failures.length === 0) {
      const i = next++;
      const webhook = webhooks[i]!;
      const sample = samples[i]!;
      const settled =
        mode === 'pipeline'
          ? new Promise<void>((done) => (sample.settled = done))
          : Promise.resolve();
      sample.startAt = performance.now();
      if (mode === 'pipeline') context.watcher.track(webhook.sid, sample);
      const status = await postWithRetries(context, webhook).catch((error: unknown) => {
        failures.push(String(error));
        return 0;
      });
      sample.acceptedAt = performance.now();
      if (status === 200) accepted++;
      else if (status !== 0) failures.push(`HTTP ${status} for ${webhook.sid}`);
      if (status === 200) await settled;
    }
  };
  try {
    await withTimeout(
      (async () => {
        await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
        if (failures.length > 0) {
          throw new Error(`${failures.length} webhooks failed, first: ${failures[0]}`);
        }
        while (watch.published < count) await new Promise((done) => setTimeout(done, 10));
      })(),
      ROUND_TIMEOUT_MS,
      `${label} ${mode}: ${count} webhooks stored and announced`,
    );
  } finally {
    clearInterval(progress);
    watching = null;
  }
  const { book, machineBusy } = await cpu.stop();
  const relayAfter = await relayCounts(context.dataSource);
  const senders = Math.ceil(count / MESSAGES_PER_SENDER);
  const [{ n }] = await context.dataSource.query(
    `SELECT count(*)::int AS n FROM messages WHERE provider_message_id = ANY($1::text[])`,
    [webhooks.map((webhook) => webhook.sid)],
  );
  if (n !== count || watch.contactsCreated !== senders || watch.conversationsOpened !== senders) {
    throw new Error(
      `${label} ${mode}: expected ${count} messages, ${senders} contacts and conversations; got ${n} ` +
        `rows, ${watch.contactsCreated} contact.created, ${watch.conversationsOpened} conversation.opened`,
    );
  }
  const last = (field: keyof Sample) => Math.max(...samples.map((sample) => Number(sample[field])));
  const ended = Math.max(last('storedAt'), last('publishedAt'));
  const rate = (end: number) => round((count * 1_000) / (end - started));
  const result: IngestResult = {
    label,
    mode,
    messages: count,
    webhooksPerSec: rate(ended),
    acceptedPerSec: rate(last('acceptedAt')),
    seconds: round((ended - started) / 1_000, 2),
    samples,
    cpu: book,
    machineBusy,
    relayBatches: relayAfter.batches - relayBefore.batches,
    relayEvents: relayAfter.events - relayBefore.events,
  };
  const lat = latencies([result]);
  const timed =
    mode === 'pipeline'
      ? `p50/p99 accepted ${lat.accepted.p50}/${lat.accepted.p99} ms, stored ${lat.stored.p50}/${lat.stored.p99} ms, ` +
        `announced ${lat.published.p50}/${lat.published.p99} ms`
      : `p50/p99 accepted ${lat.accepted.p50}/${lat.accepted.p99} ms`;
  log(
    `${name} ${String(result.webhooksPerSec).padStart(6)} webhooks/s stored and announced ` +
      `(accepted ${result.acceptedPerSec}/s), ${timed}; ` +
      `${round(perUnit(book, count).systemUnderTest!)} µs CPU/webhook in the services, broker and database, ${round(result.relayEvents / Math.max(result.relayBatches, 1), 1)} ` +
      `events per relay batch, machine ${round(machineBusy * 100)}% busy ` +
      `(${result.seconds} s)`,
  );
  return result;
}

/** The relay marks each batch with its transaction's `now()`, so distinct stamps count batches. */
async function relayCounts(dataSource: DataSource): Promise<{ batches: number; events: number }> {
  const [row] = await dataSource.query(
    `SELECT count(DISTINCT published_at)::int AS batches, count(*)::int AS events
       FROM outbox WHERE published_at IS NOT NULL`,
  );
  return row as { batches: number; events: number };
}

type Percentiles = { p50: number; p90: number; p99: number; max: number };

function latencies(
  results: IngestResult[],
): Record<'accepted' | 'stored' | 'published', Percentiles> {
  const samples = results.flatMap((result) => result.samples);
  const of = (field: 'acceptedAt' | 'storedAt' | 'publishedAt') => {
    const sorted = samples
      .filter((sample) => sample[field] > 0)
      .map((sample) => sample[field] - sample.startAt)
      .sort((a, b) => a - b);
    return {
      p50: round(percentile(sorted, 50), 1),
      p90: round(percentile(sorted, 90), 1),
      p99: round(percentile(sorted, 99), 1),
      max: round(sorted[sorted.length - 1] ?? NaN, 1),
    };
  };
  return { accepted: of('acceptedAt'), stored: of('storedAt'), published: of('publishedAt') };
}

// ---------------------------------------------------------------------------------------------
// Raw kafkajs: KafkaBus's client, producer and consumer settings (libs/bus/src/kafka/kafka-bus.ts,
// with the bus's defaults for the options it leaves unset), as in tests/bench/bus.bench.ts.

const CLIENT_SETTINGS = {
  connectionTimeout: 3_000,
  retry: { initialRetryTime: 100, retries: 8 },
  logLevel: KafkaLogLevel.WARN,
  logCreator: () => (entry: LogEntry) => {
    if (isNoise(entry.log.message)) return;
    const level = entry.level === KafkaLogLevel.ERROR ? 'error' : 'warn';
    log(`kafkajs ${level} ${entry.namespace}: ${entry.log.message}`);
  },
};
const PRODUCER_SETTINGS = {
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  retry: { initialRetryTime: 100, retries: 10 },
};
const CONSUMER_SETTINGS = {
  sessionTimeout: 10_000,
  heartbeatInterval: 1_000,
  rebalanceTimeout: 30_000,
  maxWaitTimeInMs: 250,
  allowAutoTopicCreation: false,
  retry: { initialRetryTime: 100, retries: 8 },
};

interface RawKafkaResult {
  msgsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  batchMsgsPerSec: number;
  cpu: CpuBook;
  messages: number;
}

/**
 * The gateway's Kafka pattern without the gateway: `CONCURRENCY` callers each sending one
 * message and awaiting its acknowledgement, a consumer handling CONVERSATIONS_PARTITION_CONCURRENCY
 * partitions at once; then the same messages in batches of KAFKA_BATCH from one caller.
 */
async function rawKafkaTrial(
  context: Context,
  label: string,
  count: number,
): Promise<RawKafkaResult> {
  const messages = buildWebhooks(count).map((webhook) =>
    inboundMessageOf(webhook, context.tenantId, context.accountId),
  );
  const producer = context.kafka.producer(PRODUCER_SETTINGS);
  const consumers: Array<{ disconnect(): Promise<void> }> = [];
  const topics = [`${TOPIC_PREFIX}raw.${label}.single`, `${TOPIC_PREFIX}raw.${label}.batch`];
  try {
    await producer.connect();
    await context.cleanupAdmin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })),
    });
    const consume = async (topic: string, onMessage: (eventId: string) => void) => {
      const consumer = context.kafka.consumer({ groupId: `${topic}.group`, ...CONSUMER_SETTINGS });
      consumers.push(consumer);
      const joined = new Promise<void>((done) =>
        consumer.on(consumer.events.GROUP_JOIN, () => done()),
      );
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: CONVERSATIONS_PARTITION_CONCURRENCY,
        eachBatchAutoResolve: false,
        autoCommit: true,
        eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
          for (const message of batch.messages) {
            onMessage(String(message.headers?.['event-id'] ?? ''));
            resolveOffset(message.offset);
          }
          await heartbeat();
        },
      });
      await joined;
    };

    // One message per send, CONCURRENCY sends in flight: what the gateway asks of kafkajs.
    const startAt = new Map<string, number>();
    const latency: number[] = [];
    let lastAt = 0;
    let done: () => void = () => undefined;
    const all = new Promise<void>((resolveAll) => (done = resolveAll));
    await consume(topics[0]!, (eventId) => {
      const now = performance.now();
      const start = startAt.get(eventId);
      if (start === undefined) return;
      startAt.delete(eventId);
      latency.push(now - start);
      if (latency.length === count) {
        lastAt = now;
        done();
      }
    });
    const cpu = await context.meter.start();
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const message = messages[next++]!;
        startAt.set(message.headers!['event-id']!, performance.now());
        await producer.send({ topic: topics[0]!, acks: -1, messages: [message] });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
    await withTimeout(all, ROUND_TIMEOUT_MS, `${label}: raw kafka`);
    const { book } = await cpu.stop();
    const msgsPerSec = round((count * 1_000) / (lastAt - started));
    latency.sort((a, b) => a - b);

    // Batches of KAFKA_BATCH from one caller: the ceiling if the gateway batched its publishes.
    let batchCount = 0;
    let batchLastAt = 0;
    let batchDone: () => void = () => undefined;
    const batchAll = new Promise<void>((resolveAll) => (batchDone = resolveAll));
    await consume(topics[1]!, () => {
      if (++batchCount === count) {
        batchLastAt = performance.now();
        batchDone();
      }
    });
    const batchStarted = performance.now();
    for (let start = 0; start < count; start += KAFKA_BATCH) {
      await producer.send({
        topic: topics[1]!,
        acks: -1,
        messages: messages.slice(start, start + KAFKA_BATCH),
      });
    }
    await withTimeout(batchAll, ROUND_TIMEOUT_MS, `${label}: raw kafka batches`);
    const result: RawKafkaResult = {
      msgsPerSec,
      p50Ms: round(percentile(latency, 50), 1),
      p99Ms: round(percentile(latency, 99), 1),
      batchMsgsPerSec: round((count * 1_000) / (batchLastAt - batchStarted)),
      cpu: book,
      messages: count,
    };
    log(
      `${label.padEnd(7)} raw kafka  ${String(msgsPerSec).padStart(6)} msg/s one per send ` +
        `(p50/p99 ${result.p50Ms}/${result.p99Ms} ms, ${round(perUnit(book, count).total!)} µs CPU/msg), ` +
        `${result.batchMsgsPerSec} msg/s in batches of ${KAFKA_BATCH}`,
    );
    return result;
  } finally {
    await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
    await producer.disconnect().catch(() => undefined);
    await context.cleanupAdmin.deleteTopics({ topics }).catch((error: unknown) => {
      log(`could not delete ${topics.join(', ')}: ${String(error)}`);
    });
    await context.cleanupAdmin
      .deleteGroups(topics.map((topic) => `${topic}.group`))
      .catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Raw pg: message-like rows into a copy of the messages table.

interface RawInsertResult {
  rowsPerSec: number;
  txnRowsPerSec: number;
  cpu: CpuBook;
  rows: number;
}

const ROW_COLUMNS = [
  'id',
  'tenant_id',
  'conversation_id',
  'contact_id',
  'channel',
  'direction',
  'provider_message_id',
  'text',
  'received_at',
  'raw',
  'channel_account_id',
  'attachments',
  'language',
];

function rowValues(context: Context, webhook: Webhook): unknown[] {
  const params = Object.fromEntries(new URLSearchParams(webhook.body.toString('utf8')));
  return [
    randomUUID(),
    context.tenantId,
    randomUUID(),
    randomUUID(),
    'sms',
    'inbound',
    webhook.sid,
    params.Body,
    new Date(),
    JSON.stringify(params),
    context.accountId,
    '[]',
    'en',
  ];
}

function insertSql(table: string, rows: number): string {
  const width = ROW_COLUMNS.length;
  const tuples = Array.from(
    { length: rows },
    (_, row) => `(${ROW_COLUMNS.map((_, column) => `$${row * width + column + 1}`).join(', ')})`,
  );
  return `INSERT INTO ${table} (${ROW_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`;
}

async function rawInsertTrial(
  context: Context,
  label: string,
  rows: number,
): Promise<RawInsertResult> {
  const table = `bench_raw_${label}`;
  const [first, ...others] = context.rawPg;
  await first!.query(`CREATE TABLE ${table} (LIKE messages INCLUDING ALL)`);
  try {
    // Batches of INSERT_BATCH rows per statement (each its own transaction), one connection.
    const webhooks = buildWebhooks(rows);
    const cpu = await context.meter.start();
    let started = performance.now();
    for (let start = 0; start < rows; start += INSERT_BATCH) {
      const batch = webhooks.slice(start, start + INSERT_BATCH);
      await first!.query(
        insertSql(table, batch.length),
        batch.flatMap((webhook) => rowValues(context, webhook)),
      );
    }
    const rowsPerSec = round((rows * 1_000) / (performance.now() - started));
    const { book } = await cpu.stop();

    // One row per transaction, as conversations commits every message on its own.
    const single = buildWebhooks(Math.min(rows, MESSAGES));
    const sql = insertSql(table, 1);
    let next = 0;
    started = performance.now();
    await Promise.all(
      [first!, ...others].map(async (client) => {
        while (next < single.length) {
          const webhook = single[next++]!;
          await client.query('BEGIN');
          await client.query(sql, rowValues(context, webhook));
          await client.query('COMMIT');
        }
      }),
    );
    const txnRowsPerSec = round((single.length * 1_000) / (performance.now() - started));
    log(
      `${label.padEnd(7)} raw insert ${String(rowsPerSec).padStart(6)} rows/s in batches of ${INSERT_BATCH} ` +
        `(${round(perUnit(book, rows).total!)} µs CPU/row), ${txnRowsPerSec} rows/s one per transaction ` +
        `on ${context.rawPg.length} connections`,
    );
    return { rowsPerSec, txnRowsPerSec, cpu: book, rows };
  } finally {
    await first!.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Setup, rounds, summary, cleanup.

/** N earlier customers of the tenant (numbers the bench's senders never use), then statistics. */
async function prefill(dataSource: DataSource, tenantId: string, contacts: number): Promise<void> {
  const started = performance.now();
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `CREATE TEMP TABLE prefill ON COMMIT DROP AS
         SELECT i, gen_random_uuid() AS contact_id FROM generate_series(1, $1::int) AS i`,
      [contacts],
    );
    await manager.query(
      `INSERT INTO contacts (id, tenant_id, display_name) SELECT contact_id, $1, 'Customer ' || i FROM prefill`,
      [tenantId],
    );
    await manager.query(
      `INSERT INTO contact_identities (id, tenant_id, contact_id, kind, address)
         SELECT gen_random_uuid(), $1, contact_id, 'phone', '+1628' || (2000000 + i) FROM prefill`,
      [tenantId],
    );
    await manager.query(
      `INSERT INTO conversations (id, tenant_id, contact_id, channel, thread_key, status,
                                  opened_at, last_message_at, resolved_at)
         SELECT gen_random_uuid(), $1, contact_id, 'sms', '',
                CASE WHEN i % 2 = 0 THEN 'resolved' ELSE 'open' END,
                now() - interval '30 days', now() - interval '29 days',
                CASE WHEN i % 2 = 0 THEN now() - interval '28 days' END
           FROM prefill`,
      [tenantId],
    );
  });
  // What autovacuum would have done by now (it may be off on a test cluster).
  await dataSource.query('ANALYZE contacts, contact_identities, conversations');
  log(
    `prefilled ${contacts} contacts with identities and conversations in ${round((performance.now() - started) / 1_000, 1)} s`,
  );
}

/**
 * `node dist/apps/<service>/src/main.js`, as deployed. (tests/support's spawnService finds
 * `dist/` relative to the TypeScript sources, which is not where this compiled file runs.)
 */
function spawnBuiltService(service: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_ARGS, join(REPO_ROOT, `dist/apps/${service}/src/main.js`)],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    // Only the tail matters if it fails; warnings must not grow without bound.
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    child,
    output: () => output,
    stop: (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve(child.exitCode);
      }
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      child.kill(signal);
      return exited;
    },
  };
}

async function startServices(
  database: TestDatabase,
): Promise<{ gateway: ServiceProcess; conversations: ServiceProcess; gatewayUrl: URL }> {
  const common = {
    DATABASE_URL: database.url,
    KAFKA_BROKERS: BROKERS.join(','),
    KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
    KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  };
  const conversationsPort = await freePort();
  const conversations = spawnBuiltService('conversations', {
    ...common,
    PORT: String(conversationsPort),
  });
  const gatewayPort = await freePort();
  const gateway = spawnBuiltService('gateway', {
    ...common,
    PORT: String(gatewayPort),
    PUBLIC_BASE_URL,
    SWITCHBOARD_SECRETS_KEY: TEST_SECRETS_KEY,
  });
  await Promise.all([
    waitUntilReady(`http://127.0.0.1:${conversationsPort}`, conversations),
    waitUntilReady(`http://127.0.0.1:${gatewayPort}`, gateway),
  ]);
  return { gateway, conversations, gatewayUrl: new URL(`http://127.0.0.1:${gatewayPort}`) };
}

interface Results {
  single: IngestResult[];
  pipeline: IngestResult[];
  burst: IngestResult[];
  kafka: RawKafkaResult[];
  insert: RawInsertResult[];
}

function mergedCpu(books: CpuBook[]): CpuBook {
  const all: CpuBook = new Map();
  for (const book of books) {
    for (const [name, micros] of book) all.set(name, (all.get(name) ?? 0) + micros);
  }
  return all;
}

function summarise(
  results: Results,
  startedAt: Date,
  began: number,
  loadBefore: number[],
  extra: { envelopeBytes: number; watcher: StoredWatcher; kafkaPidFound: boolean },
): object {
  const med = (values: number[], digits = 0) => round(median(values), digits);
  const webhooks = med(results.pipeline.map((r) => r.webhooksPerSec));
  const gateway = med(results.burst.map((r) => r.acceptedPerSec));
  const kafka = med(results.kafka.map((r) => r.msgsPerSec));
  const insert = med(results.insert.map((r) => r.rowsPerSec));
  const pipeline = latencies(results.pipeline);
  const burst = latencies(results.burst);
  const count = (list: Array<{ messages?: number; rows?: number }>) =>
    list.reduce((sum, r) => sum + (r.messages ?? r.rows ?? 0), 0);
  return {
    bench: 'ingest',
    at: startedAt.toISOString(),
    mode: 'gateway and conversations as separate node processes (dist/apps/*/src/main.js)',
    statistic:
      `rates: median of ${results.pipeline.length} rounds; latencies: percentiles of every ` +
      `measured message (${count(results.pipeline)} in pipeline trials)`,
    messages: MESSAGES,
    warmupMessages: WARMUP_MESSAGES,
    rounds: ROUNDS,
    roundsCompleted: results.pipeline.length,
    concurrency: CONCURRENCY,
    sendersPerRound: Math.ceil(MESSAGES / MESSAGES_PER_SENDER),
    messagesPerSender: MESSAGES_PER_SENDER,
    prefilledContacts: PREFILL_CONTACTS,
    partitions: PARTITIONS,
    envelopeBytes: extra.envelopeBytes,
    // Pipeline: at most CONCURRENCY webhooks in flight end to end.
    webhooksPerSec: webhooks,
    storedP50Ms: pipeline.stored.p50,
    storedP99Ms: pipeline.stored.p99,
    publishedP50Ms: pipeline.published.p50,
    publishedP99Ms: pipeline.published.p99,
    acceptedP50Ms: pipeline.accepted.p50,
    acceptedP99Ms: pipeline.accepted.p99,
    latencyMs: pipeline,
    // One webhook at a time end to end: latency without queueing.
    singleWebhooksPerSec: med(results.single.map((r) => r.webhooksPerSec)),
    singleLatencyMs: latencies(results.single),
    // Burst: at most CONCURRENCY HTTP requests in flight, nothing else waited for.
    gatewayAcceptedPerSec: gateway,
    burstAcceptedP50Ms: burst.accepted.p50,
    burstAcceptedP99Ms: burst.accepted.p99,
    burstDrainedPerSec: med(results.burst.map((r) => r.webhooksPerSec)),
    // Raw limits, same run.
    rawKafkaMsgsPerSec: kafka,
    rawKafkaP50Ms: med(
      results.kafka.map((r) => r.p50Ms),
      1,
    ),
    rawKafkaP99Ms: med(
      results.kafka.map((r) => r.p99Ms),
      1,
    ),
    rawKafkaBatchMsgsPerSec: med(results.kafka.map((r) => r.batchMsgsPerSec)),
    rawKafkaBatch: KAFKA_BATCH,
    rawInsertRowsPerSec: insert,
    rawInsertBatch: INSERT_BATCH,
    rawTxnRowsPerSec: med(results.insert.map((r) => r.txnRowsPerSec)),
    rawTxnConnections: CONVERSATIONS_PARTITION_CONCURRENCY,
    ratioToKafka: round(webhooks / kafka, 3),
    ratioToInsert: round(webhooks / insert, 3),
    gatewayRatioToKafka: round(gateway / kafka, 3),
    cpuUsPerWebhook: perUnit(
      mergedCpu(results.pipeline.map((r) => r.cpu)),
      count(results.pipeline),
    ),
    cpuUsPerWebhookBurst: perUnit(mergedCpu(results.burst.map((r) => r.cpu)), count(results.burst)),
    cpuUsPerRawKafkaMsg: perUnit(mergedCpu(results.kafka.map((r) => r.cpu)), count(results.kafka)),
    cpuUsPerRawInsertRow: perUnit(
      mergedCpu(results.insert.map((r) => r.cpu)),
      count(results.insert),
    ),
    outboxRelay: Object.fromEntries(
      (['pipeline', 'burst'] as const).map((mode) => {
        const batches = results[mode].reduce((sum, r) => sum + r.relayBatches, 0);
        const events = results[mode].reduce((sum, r) => sum + r.relayEvents, 0);
        return [
          mode,
          {
            batchesPerWebhook: round(batches / count(results[mode]), 2),
            eventsPerBatch: round(events / Math.max(batches, 1), 2),
          },
        ];
      }),
    ),
    connectionRetries,
    kafkaBrokerCpuMeasured: extra.kafkaPidFound,
    machineBusy: {
      pipeline: results.pipeline.map((r) => round(r.machineBusy, 2)),
      burst: results.burst.map((r) => round(r.machineBusy, 2)),
    },
    storedLookups: {
      count: extra.watcher.lookups,
      meanMs: round(extra.watcher.lookupMs / Math.max(extra.watcher.lookups, 1), 2),
      minGapMs: STORED_POLL_MS,
      meanGapMs: round(
        results.pipeline.reduce((sum, r) => sum + r.seconds * 1_000, 0) /
          Math.max(extra.watcher.lookups, 1),
        1,
      ),
    },
    samples: {
      webhooksPerSec: results.pipeline.map((r) => r.webhooksPerSec),
      gatewayAcceptedPerSec: results.burst.map((r) => r.acceptedPerSec),
      burstDrainedPerSec: results.burst.map((r) => r.webhooksPerSec),
      rawKafkaMsgsPerSec: results.kafka.map((r) => r.msgsPerSec),
      rawKafkaBatchMsgsPerSec: results.kafka.map((r) => r.batchMsgsPerSec),
      rawInsertRowsPerSec: results.insert.map((r) => r.rowsPerSec),
      rawTxnRowsPerSec: results.insert.map((r) => r.txnRowsPerSec),
    },
    loadAvg1m: { before: round(loadBefore[0]!, 2), after: round(loadavg()[0]!, 2) },
    durationSec: round((performance.now() - began) / 1_000, 1),
  };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const began = performance.now();
  const loadBefore = loadavg();
  const watchdog = setTimeout(() => {
    log(`gave up after ${TOTAL_TIMEOUT_MS} ms (BENCH_TIMEOUT_MS)`);
    process.exit(2);
  }, TOTAL_TIMEOUT_MS);
  watchdog.unref();

  log(
    `ingest on ${BROKERS[0]}: ${ROUNDS} rounds of ${MESSAGES} Twilio SMS webhooks after ${WARMUP_MESSAGES} ` +
      `warm-up, ${CONCURRENCY} in flight, ${MESSAGES_PER_SENDER} per sender, ${PARTITIONS} partitions, ` +
      `topic prefix ${TOPIC_PREFIX}`,
  );
  const database = await createTestDatabase();
  log(`database ${database.name}`);
  const kafka = new Kafka({ clientId: 'bench-ingest', brokers: BROKERS, ...CLIENT_SETTINGS });
  const cleanupAdmin = kafka.admin();
  const observerBus = new KafkaBus({
    brokers: BROKERS,
    clientId: 'bench-ingest-observer',
    partitions: PARTITIONS,
    replicationFactor: 1,
    topicPrefix: TOPIC_PREFIX,
    log: (level, message) => {
      if (!isNoise(message.replace(/^kafkajs [^:]*: /, ''))) log(`observer ${level} ${message}`);
    },
  });
  const pgClient = (application: string) =>
    new Client({ connectionString: database.url, application_name: application });
  const admin = pgClient('bench-meter');
  const watchClient = pgClient('bench-stored-watch');
  const rawPg = Array.from({ length: CONVERSATIONS_PARTITION_CONCURRENCY }, () =>
    pgClient('bench-raw-insert'),
  );
  let dataSource: DataSource | null = null;
  let services: Awaited<ReturnType<typeof startServices>> | null = null;
  let watcher: StoredWatcher | null = null;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const results: Results = { single: [], pipeline: [], burst: [], kafka: [], insert: [] };
  let summary: object | undefined;
  try {
    await cleanupAdmin.connect();
    await Promise.all([admin, watchClient, ...rawPg].map((client) => client.connect()));
    dataSource = await createDataSource({
      url: database.url,
      applicationName: 'bench-setup',
      poolSize: 2,
    }).initialize();
    const { tenantId } = await provisionTenant(dataSource, { slug: 'bench', name: 'Bench' });
    const accountId = await registerChannelAccount(
      dataSource,
      new SecretsCipher(TEST_SECRETS_KEY),
      {
        tenantId,
        channel: 'sms',
        externalId: OUR_NUMBER,
        displayName: `sms ${OUR_NUMBER}`,
        secrets: { authToken: AUTH_TOKEN },
      },
    );
    if (PREFILL_CONTACTS > 0) await prefill(dataSource, tenantId, PREFILL_CONTACTS);
    // Created here, so the partition count is ours whichever service starts first.
    await observerBus.ensureTopics([Topics.inboundMessages, Topics.conversationEvents]);
    services = await startServices(database);
    log(
      `gateway pid ${services.gateway.child.pid} on ${services.gatewayUrl.href}, ` +
        `conversations pid ${services.conversations.child.pid}`,
    );
    const subscription = await observerBus.subscribe({
      groupId: 'bench-observer',
      topics: [Topics.conversationEvents],
      fromBeginning: true,
      handler: async (message) => onConversationEvent(message.value),
    });
    watcher = new StoredWatcher(watchClient, tenantId);
    await watcher.start();
    const broker = kafkaPid(REPO_ROOT, KAFKA_PORT);
    if (!broker)
      log('broker pid not found (not started by scripts/kafka here): its CPU is not measured');
    const running = services;
    const meter = new CpuMeter(admin, database.name, () => [
      { name: 'gateway', pid: running.gateway.child.pid },
      { name: 'conversations', pid: running.conversations.child.pid },
      { name: 'kafka', pid: broker },
      { name: 'bench', pid: process.pid },
    ]);
    const context: Context = {
      gatewayUrl: services.gatewayUrl,
      agent,
      watcher,
      meter,
      dataSource,
      tenantId,
      accountId,
      cleanupAdmin,
      kafka,
      rawPg,
    };
    const envelopeBytes = inboundMessageOf(buildWebhooks(1)[0]!, tenantId, accountId).value.length;
    log(`inbound envelope ${envelopeBytes} B`);

    // Warm-up: not recorded.
    await ingestTrial(context, 'warmup', 'pipeline', WARMUP_MESSAGES);
    await ingestTrial(context, 'warmup', 'burst', WARMUP_MESSAGES);
    await rawKafkaTrial(context, 'warmup', WARMUP_MESSAGES);
    await rawInsertTrial(context, 'warmup', Math.min(INSERT_ROWS, 2_000));
    results.single.push(await ingestTrial(context, 'single', 'pipeline', SINGLE_MESSAGES, 1));

    let lastRoundMs = 0;
    for (let r = 1; r <= ROUNDS; r++) {
      // A round that would not fit in the budget is skipped (the JSON says how many ran).
      const left = TOTAL_TIMEOUT_MS - (performance.now() - began);
      if (r > 1 && lastRoundMs * 1.25 + CLEANUP_RESERVE_MS > left) {
        log(
          `skipping rounds ${r}-${ROUNDS}: one takes ~${round(lastRoundMs / 1_000)} s, ${round(left / 1_000)} s left`,
        );
        break;
      }
      const roundStarted = performance.now();
      const label = `round${r}`;
      const trials = [
        async () => results.pipeline.push(await ingestTrial(context, label, 'pipeline', MESSAGES)),
        async () => results.burst.push(await ingestTrial(context, label, 'burst', MESSAGES)),
        async () => results.kafka.push(await rawKafkaTrial(context, label, MESSAGES)),
        async () => results.insert.push(await rawInsertTrial(context, label, INSERT_ROWS)),
      ];
      if (r % 2 === 0) trials.reverse();
      for (const trial of trials) await trial();
      lastRoundMs = performance.now() - roundStarted;
    }
    await subscription.stop();
    summary = summarise(results, startedAt, began, loadBefore, {
      envelopeBytes,
      watcher,
      kafkaPidFound: broker !== undefined,
    });
  } finally {
    await watcher?.stop();
    if (services) {
      const codes = await Promise.all([
        services.gateway.stop('SIGTERM'),
        services.conversations.stop('SIGTERM'),
      ]);
      if (codes.some((code) => code !== 0)) {
        log(
          `a service exited with ${codes.join(', ')}:\n${services.gateway.output()}\n${services.conversations.output()}`,
        );
      }
    }
    agent.destroy();
    await observerBus.close().catch(() => undefined);
    await Promise.allSettled([admin, watchClient, ...rawPg].map((client) => client.end()));
    await dataSource?.destroy().catch(() => undefined);
    const topics = [Topics.inboundMessages, Topics.conversationEvents].flatMap((topic) => [
      `${TOPIC_PREFIX}${topic}`,
      `${TOPIC_PREFIX}${deadLetterTopicOf(topic)}`,
    ]);
    await cleanupAdmin.deleteTopics({ topics }).catch((error: unknown) => {
      log(`could not delete ${topics.join(', ')}: ${String(error)}`);
    });
    await cleanupAdmin
      .deleteGroups([`${TOPIC_PREFIX}conversations`, `${TOPIC_PREFIX}bench-observer`])
      .catch(() => undefined);
    await cleanupAdmin.disconnect().catch(() => undefined);
    await database
      .drop()
      .catch((error: unknown) => log(`could not drop ${database.name}: ${String(error)}`));
    log(`dropped database ${database.name}`);
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);

  // Everything is closed: the process should now exit on its own. If something still holds the
  // event loop, say so instead of hanging (this timer does not keep the process alive).
  setTimeout(() => {
    log('still running 15 s after finishing: a client was left connected');
    process.exit(1);
  }, 15_000).unref();
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 5_000).unref();
});
