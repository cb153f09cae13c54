/**
 * Bus throughput on the real broker: messages/s through libs/bus (KafkaBus.publish in batches →
 * KafkaBus.subscribe handler) next to plain kafkajs with the very same producer and consumer
 * settings, message size, batch size and partition count, in the same process and run.
 *
 *   npm run bench:bus            (= bash scripts/bench bus: starts Kafka if needed, builds, runs)
 *
 * Per round and side (fresh topics and groups every time):
 *   e2e      consumer already in its group, then publish N messages in batches while it consumes;
 *            from the first publish to the last message handled.
 *   produce  the same publishes to a topic nobody reads; first publish to last acknowledgement.
 *   consume  a new group then reads those N messages from the beginning; first message handled to
 *            the last (the consumer path alone, without a producer competing for the CPU).
 * Sides alternate (bus first in odd rounds, raw first in even ones); the figures reported are the
 * median of the rounds (best and every sample are in the JSON too). Process CPU time per message
 * is reported next to wall-clock rates because it is far less sensitive to a busy machine.
 * Progress goes to stderr; the figures are ONE JSON object on the last line of stdout.
 *
 * Environment (all optional): BENCH_MESSAGES (200000), BENCH_WARMUP_MESSAGES (50000),
 * BENCH_ROUNDS (5), BENCH_BATCH (500), BENCH_PARTITIONS (6), BENCH_MESSAGE_BYTES (1024),
 * BENCH_TRIAL_TIMEOUT_MS (120000), BENCH_TIMEOUT_MS (540000), KAFKA_PORT (9092; host is always
 * 127.0.0.1).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel as KafkaLogLevel, type Admin, type LogEntry } from 'kafkajs';
import { deadLetterTopicOf, KafkaBus, type OutgoingMessage } from '@switchboard/bus';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got '${raw}'`);
  }
  return value;
}

const MESSAGES = positiveInt('BENCH_MESSAGES', 200_000);
const WARMUP_MESSAGES = positiveInt('BENCH_WARMUP_MESSAGES', 50_000);
const ROUNDS = positiveInt('BENCH_ROUNDS', 5);
const BATCH = positiveInt('BENCH_BATCH', 500);
const PARTITIONS = positiveInt('BENCH_PARTITIONS', 6);
const MESSAGE_BYTES = positiveInt('BENCH_MESSAGE_BYTES', 1_024);
const TRIAL_TIMEOUT_MS = positiveInt('BENCH_TRIAL_TIMEOUT_MS', 120_000);
const TOTAL_TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 540_000);
const BROKERS = [`127.0.0.1:${positiveInt('KAFKA_PORT', 9_092)}`];
const TARGET_RATIO = 0.8;

const RUN_ID = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

// One-time kafkajs notices, identical for both sides: not worth a line per trial.
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
const isNoise = (message: string) =>
  message.startsWith('Limiting retries for the idempotent producer');
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

// ---------------------------------------------------------------------------------------------
// The raw side copies KafkaBus's settings (libs/bus/src/kafka/kafka-bus.ts, with the bus's
// defaults for the options left unset), so the two sides differ only in the code in between.

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
const ACKS = -1;
const CONSUMER_SETTINGS = {
  sessionTimeout: 10_000,
  heartbeatInterval: 1_000,
  rebalanceTimeout: 30_000,
  maxWaitTimeInMs: 250,
  allowAutoTopicCreation: false,
  retry: { initialRetryTime: 100, retries: 8 },
};
const PARTITIONS_CONSUMED_CONCURRENTLY = 1;

// ---------------------------------------------------------------------------------------------
// Messages: envelope-shaped JSON padded with random text to MESSAGE_BYTES, keyed by conversation.

const POOL_SIZE = 1_000;

function buildPool(): OutgoingMessage[] {
  const tenantId = randomUUID();
  const conversations = Array.from({ length: 200 }, () => randomUUID());
  return Array.from({ length: POOL_SIZE }, (_, i) => {
    const conversationId = conversations[i % conversations.length]!;
    const envelope = {
      id: randomUUID(),
      type: 'conversation.message-received',
      schemaVersion: 1,
      tenantId,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      data: { conversationId, channel: 'whatsapp', from: '+15550000000', text: '' },
    };
    const room = Math.max(MESSAGE_BYTES - Buffer.byteLength(JSON.stringify(envelope)), 0);
    envelope.data.text = randomBytes(Math.ceil(room * 0.75) + 3)
      .toString('base64')
      .slice(0, room);
    return {
      key: conversationId,
      value: Buffer.from(JSON.stringify(envelope)),
      headers: {
        'event-type': envelope.type,
        'schema-version': '1',
        'correlation-id': envelope.correlationId,
      },
    };
  });
}

const POOL = buildPool();
const VALUE_BYTES = POOL[0]!.value.length;

/** The same batches (same message objects) for both sides. */
function batchesOf(count: number): OutgoingMessage[][] {
  const batches: OutgoingMessage[][] = [];
  for (let start = 0; start < count; start += BATCH) {
    const batch: OutgoingMessage[] = [];
    for (let i = start; i < Math.min(start + BATCH, count); i++) batch.push(POOL[i % POOL_SIZE]!);
    batches.push(batch);
  }
  return batches;
}

// ---------------------------------------------------------------------------------------------
// The two sides behind one small interface.

class Counter {
  count = 0;
  firstAt = 0;
  lastAt = 0;
  readonly all: Promise<void>;
  private resolve!: () => void;
  constructor(readonly target: number) {
    this.all = new Promise<void>((resolve) => (this.resolve = resolve));
  }
  add(): void {
    const count = ++this.count;
    if (count === 1) this.firstAt = performance.now();
    if (count === this.target) {
      this.lastAt = performance.now();
      this.resolve();
    }
  }
}

interface Side {
  /** Connects and creates the topic; returns every topic it created, for cleanup. */
  setup(topic: string): Promise<string[]>;
  /** Resolves once the consumer has joined its group; returns its stop. */
  consume(topic: string, groupId: string, counter: Counter): Promise<() => Promise<void>>;
  publish(topic: string, batch: OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

type SideName = 'bus' | 'raw';

function busSide(): Side {
  const bus = new KafkaBus({
    brokers: BROKERS,
    clientId: 'bench-bus',
    partitions: PARTITIONS,
    replicationFactor: 1,
    log: (level, message) => {
      if (!isNoise(message.replace(/^kafkajs [^:]*: /, ''))) log(`bus ${level} ${message}`);
    },
  });
  return {
    setup: async (topic) => {
      await bus.ensureTopics([topic]);
      return [topic, deadLetterTopicOf(topic)];
    },
    consume: async (topic, groupId, counter) => {
      const subscription = await bus.subscribe({
        groupId,
        topics: [topic],
        fromBeginning: true,
        handler: async () => counter.add(),
      });
      return () => subscription.stop();
    },
    publish: (topic, batch) => bus.publish(topic, batch),
    close: () => bus.close(),
  };
}

function rawSide(): Side {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: BROKERS, ...CLIENT_SETTINGS });
  const producer = kafka.producer(PRODUCER_SETTINGS);
  const admin = kafka.admin();
  const consumers = new Set<{ disconnect(): Promise<void> }>();
  return {
    setup: async (topic) => {
      await Promise.all([producer.connect(), admin.connect()]);
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
      });
      return [topic];
    },
    consume: async (topic, groupId, counter) => {
      const consumer = kafka.consumer({ groupId, ...CONSUMER_SETTINGS });
      consumers.add(consumer);
      const joined = new Promise<void>((resolve) =>
        consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
      );
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY,
        eachBatchAutoResolve: false,
        autoCommit: true,
        eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
          for (const message of batch.messages) {
            counter.add();
            resolveOffset(message.offset);
          }
          await heartbeat();
        },
      });
      await joined;
      return async () => {
        consumers.delete(consumer);
        await consumer.disconnect();
      };
    },
    publish: async (topic, batch) => {
      await producer.send({ topic, acks: ACKS, messages: batch });
    },
    close: async () => {
      await Promise.all([...consumers].map((consumer) => consumer.disconnect()));
      await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
    },
  };
}

const SIDES: Record<SideName, () => Side> = { bus: busSide, raw: rawSide };

// ---------------------------------------------------------------------------------------------
// Trials.

type Kind = 'e2e' | 'produce' | 'consume';

interface Measurement {
  side: SideName;
  kind: Kind;
  round: string;
  msgsPerSec: number;
  seconds: number;
  /** Process CPU (user + system) per message over the measured span, in microseconds. */
  cpuUsPerMsg: number;
}

let cleanupAdmin: Admin;
const measurements: Measurement[] = [];

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const MB = 1_000_000;
const round = (value: number, digits = 0): number => Number(value.toFixed(digits));
const toMb = (msgsPerSec: number): number => round((msgsPerSec * VALUE_BYTES) / MB, 1);
const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

function record(
  side: SideName,
  kind: Kind,
  label: string,
  messages: number,
  ms: number,
  cpu: number,
  keep: boolean,
): void {
  const measurement: Measurement = {
    side,
    kind,
    round: label,
    msgsPerSec: round((messages * 1_000) / ms),
    seconds: round(ms / 1_000, 3),
    cpuUsPerMsg: round(cpu / messages, 1),
  };
  if (keep) measurements.push(measurement);
  log(
    `${label.padEnd(7)} ${side} ${kind.padEnd(7)} ${String(measurement.msgsPerSec).padStart(7)} msg/s ` +
      `${toMb(measurement.msgsPerSec).toFixed(1).padStart(6)} MB/s ` +
      `${measurement.cpuUsPerMsg.toFixed(1).padStart(5)} µs CPU/msg (${measurement.seconds} s)`,
  );
}

/** One side, one round: e2e on one fresh topic; produce-only then consume-only on another. */
async function trial(
  sideName: SideName,
  messages: number,
  label: string,
  keep = true,
): Promise<void> {
  const side = SIDES[sideName]();
  const batches = batchesOf(messages);
  const created: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  const name = (kind: Kind) => `bench.${sideName}.${RUN_ID}.${label}.${kind}`;
  try {
    // e2e: consumer in its group first, then produce and consume concurrently.
    const e2eTopic = name('e2e');
    created.push(...(await side.setup(e2eTopic)));
    const e2e = new Counter(messages);
    stops.push(await side.consume(e2eTopic, `${name('e2e')}.group`, e2e));
    let cpu = cpuMicros();
    let started = performance.now();
    for (const batch of batches) await side.publish(e2eTopic, batch);
    await withTimeout(e2e.all, TRIAL_TIMEOUT_MS, `${sideName} e2e ${label}`);
    record(sideName, 'e2e', label, messages, e2e.lastAt - started, cpuMicros() - cpu, keep);
    await stops.pop()!();

    // produce only: nobody reads the topic (yet).
    const topic = name('produce');
    created.push(...(await side.setup(topic)));
    cpu = cpuMicros();
    started = performance.now();
    for (const batch of batches) await side.publish(topic, batch);
    record(
      sideName,
      'produce',
      label,
      messages,
      performance.now() - started,
      cpuMicros() - cpu,
      keep,
    );

    // consume only: a new group reads what was just produced, from the beginning.
    const consumed = new Counter(messages);
    cpu = cpuMicros();
    stops.push(await side.consume(topic, `${topic}.group`, consumed));
    await withTimeout(consumed.all, TRIAL_TIMEOUT_MS, `${sideName} consume ${label}`);
    // First to last message: excludes joining the group and the first fetch's round trip.
    record(
      sideName,
      'consume',
      label,
      messages - 1,
      consumed.lastAt - consumed.firstAt,
      cpuMicros() - cpu,
      keep,
    );
    if (consumed.count !== messages || e2e.count !== messages) {
      log(`${label} ${sideName}: consumed ${e2e.count} and ${consumed.count} of ${messages}`);
    }
  } finally {
    for (const stop of stops) await stop();
    await side.close();
    if (created.length > 0) {
      await cleanupAdmin.deleteTopics({ topics: created }).catch((error: unknown) => {
        log(`could not delete ${created.join(', ')}: ${String(error)}`);
      });
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function summarise(startedAt: Date, began: number, loadBefore: number[]): object {
  const samples = (
    side: SideName,
    kind: Kind,
    field: 'msgsPerSec' | 'cpuUsPerMsg' = 'msgsPerSec',
  ) => measurements.filter((m) => m.side === side && m.kind === kind).map((m) => m[field]);
  const med = (side: SideName, kind: Kind) => round(median(samples(side, kind)));
  const cpu = (side: SideName, kind: Kind) => round(median(samples(side, kind, 'cpuUsPerMsg')), 1);
  const bus = med('bus', 'e2e');
  const raw = med('raw', 'e2e');
  const ratio = round(bus / raw, 3);
  const kinds: Kind[] = ['e2e', 'produce', 'consume'];
  return {
    bench: 'bus',
    at: startedAt.toISOString(),
    statistic: `median of ${ROUNDS} rounds`,
    messages: MESSAGES,
    messageBytes: VALUE_BYTES,
    batch: BATCH,
    partitions: PARTITIONS,
    msgsPerSec: bus,
    mbPerSec: toMb(bus),
    rawMsgsPerSec: raw,
    rawMbPerSec: toMb(raw),
    ratio,
    target: TARGET_RATIO,
    meetsTarget: ratio >= TARGET_RATIO,
    produceMsgsPerSec: med('bus', 'produce'),
    produceMbPerSec: toMb(med('bus', 'produce')),
    rawProduceMsgsPerSec: med('raw', 'produce'),
    rawProduceMbPerSec: toMb(med('raw', 'produce')),
    produceRatio: round(med('bus', 'produce') / med('raw', 'produce'), 3),
    consumeMsgsPerSec: med('bus', 'consume'),
    consumeMbPerSec: toMb(med('bus', 'consume')),
    rawConsumeMsgsPerSec: med('raw', 'consume'),
    rawConsumeMbPerSec: toMb(med('raw', 'consume')),
    consumeRatio: round(med('bus', 'consume') / med('raw', 'consume'), 3),
    cpuUsPerMsg: Object.fromEntries(
      kinds.map((k) => [k, { bus: cpu('bus', k), raw: cpu('raw', k) }]),
    ),
    best: Object.fromEntries(
      kinds.map((k) => [
        k,
        { bus: Math.max(...samples('bus', k)), raw: Math.max(...samples('raw', k)) },
      ]),
    ),
    samples: Object.fromEntries(
      kinds.map((k) => [k, { bus: samples('bus', k), raw: samples('raw', k) }]),
    ),
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

  cleanupAdmin = new Kafka({
    clientId: 'bench-admin',
    brokers: BROKERS,
    ...CLIENT_SETTINGS,
  }).admin();
  await cleanupAdmin.connect();
  try {
    log(
      `bus vs raw kafkajs on ${BROKERS[0]}: ${MESSAGES} msgs x ${VALUE_BYTES} B, batches of ${BATCH}, ` +
        `${PARTITIONS} partitions, ${ROUNDS} rounds, run ${RUN_ID}`,
    );
    // Warm up both the broker's JIT and ours; not recorded.
    for (const side of ['bus', 'raw', 'bus', 'raw'] as const)
      await trial(side, WARMUP_MESSAGES, 'warmup', false);
    for (let r = 1; r <= ROUNDS; r++) {
      const order: SideName[] = r % 2 === 1 ? ['bus', 'raw'] : ['raw', 'bus'];
      for (const side of order) await trial(side, MESSAGES, `round${r}`);
    }
  } finally {
    await cleanupAdmin.disconnect().catch(() => undefined);
  }
  process.stdout.write(`${JSON.stringify(summarise(startedAt, began, loadBefore))}\n`);

  // Everything is disconnected: the process should now exit on its own. If something still holds
  // the event loop, say so instead of hanging (this timer does not keep the process alive).
  setTimeout(() => {
    log('still running 15 s after finishing: a client was left connected');
    process.exit(1);
  }, 15_000).unref();
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
  // Don't hang on whatever the failure left connected.
  setTimeout(() => process.exit(1), 5_000).unref();
});
