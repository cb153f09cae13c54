/**
 * SLA timers on the real broker and database: the `sla` service as deployed (its own process,
 * `node dist/apps/sla/src/main.js`) with 1,000,000 live timers in PostgreSQL, firing breaches
 * through its scheduler (claim due clocks FOR UPDATE SKIP LOCKED, fire, update, write the
 * `sla.breached` events to the outbox in the same transaction) and its outbox relay (outbox →
 * Kafka), next to the physical limits measured in the same run (tests/bench/sla-limits.ts).
 *
 *   npm run bench:sla            (= bash scripts/bench sla: starts Kafka if needed, builds, runs)
 *
 * Phases, on a fresh database cloned from the migrated template and a fresh topic prefix:
 *   limits    raw Kafka (KafkaBus.publish of breach-sized messages in batches of the relay's 500,
 *             a consumer reading them) and raw PostgreSQL (insert, batched update, and the fire
 *             floor: claim + update + outbox insert per 1,000-row transaction) rows/s.
 *   load      BENCH_LIVE_TIMERS running timers due hours ahead (seedRunningClocks, chunks of
 *             100,000 on two connections), then VACUUM ANALYZE; time and table/index size.
 *   steady    the service starts; BENCH_STEADY_RATE timers per second fall due for
 *             BENCH_STEADY_SEC seconds, starting 3 s after they are written. A KafkaBus consumer
 *             reads `sla.breached` from the topic: fire lateness = the event's `at` − `dueAt`
 *             (when the scheduler claimed it), end-to-end lateness = received here − `dueAt`.
 *   burst     BENCH_BURST timers all due at one instant (written before it): breaches/s from
 *             that instant to the last breach on Kafka; from the outbox rows, when the scheduler
 *             and the relay were done, and their batch counts and mean batch times.
 *   recovery  SIGKILL (a crash), BENCH_RECOVERY timers written already overdue (due within the
 *             last five minutes), the service started again: from the spawn (and from ready) to
 *             the last of those breaches on Kafka.
 * Each phase's timers run under a policy of their own, so every breach is attributed; each must
 * arrive exactly once (distinct clock ids = timers seeded, no clock twice, no event id twice),
 * and none of the live timers may fire. CPU time per process (/proc) is reported per phase.
 * Progress goes to stderr; the figures are ONE JSON object on the last line of stdout.
 *
 * Environment (all optional): BENCH_LIVE_TIMERS (1000000), BENCH_STEADY_RATE (1000),
 * BENCH_STEADY_SEC (30), BENCH_BURST (100000), BENCH_RECOVERY (100000),
 * BENCH_RAW_KAFKA_MESSAGES (100000), BENCH_RAW_PG_ROWS (100000), BENCH_PARTITIONS (6),
 * BENCH_PHASE_TIMEOUT_MS (120000), BENCH_TIMEOUT_MS (540000), KAFKA_PORT (9092; host 127.0.0.1);
 * SLA_SCHEDULER_POLL_MS, SLA_SCHEDULER_BATCH_SIZE and SLA_SCHEDULER_WORKERS are passed to the
 * service (its defaults: 100, 2000, 2); BENCH_SERVICE_NODE_OPTIONS becomes its NODE_OPTIONS
 * (Node 20 refuses --cpu-prof there: `--require` a script that starts the inspector's profiler).
 */
import { KafkaBus, OUTBOX_RELAY_BATCH_SIZE, type BusMessage } from '@switchboard/bus';
import { Topics } from '@switchboard/contracts';
import { createDataSource, provisionTenant } from '@switchboard/db';
import type { SlaPolicyDefinition } from '@switchboard/sla';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel as KafkaLogLevel } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  freePort,
  spawnService,
  waitUntilReady,
  type ServiceProcess,
} from '../support/service-process';
import { seedRunningClocks, seedSlaPolicy } from '../support/sla-seed';
import { createTestDatabase } from '../support/test-database';
import { CpuMeter, kafkaPid, type CpuFigures } from './sla-cpu';
import {
  breachMessage,
  measureRawKafka,
  measureRawPostgres,
  type RawKafkaFigures,
  type RawPostgresFigures,
} from './sla-limits';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return value;
}

const LIVE_TIMERS = positiveInt('BENCH_LIVE_TIMERS', 1_000_000);
const STEADY_RATE = positiveInt('BENCH_STEADY_RATE', 1_000);
const STEADY_SEC = positiveInt('BENCH_STEADY_SEC', 30);
const BURST = positiveInt('BENCH_BURST', 100_000);
const RECOVERY = positiveInt('BENCH_RECOVERY', 100_000);
const RAW_KAFKA_MESSAGES = positiveInt('BENCH_RAW_KAFKA_MESSAGES', 100_000);
const RAW_PG_ROWS = positiveInt('BENCH_RAW_PG_ROWS', 100_000);
const PARTITIONS = positiveInt('BENCH_PARTITIONS', 6);
const PHASE_TIMEOUT_MS = positiveInt('BENCH_PHASE_TIMEOUT_MS', 120_000);
const TOTAL_TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 540_000);
const KAFKA_PORT = positiveInt('KAFKA_PORT', 9_092);
const BROKERS = [`127.0.0.1:${KAFKA_PORT}`];
/** The service's settings: what the bench's environment says, else the service's defaults. */
const SCHEDULER = {
  pollMs: positiveInt('SLA_SCHEDULER_POLL_MS', 100),
  batchSize: positiveInt('SLA_SCHEDULER_BATCH_SIZE', 2_000),
  workers: positiveInt('SLA_SCHEDULER_WORKERS', 2),
};
/** OutboxRelay's batch (libs/bus), which the raw Kafka side copies. */
const RELAY_BATCH = OUTBOX_RELAY_BATCH_SIZE;
const LOAD_CHUNK = 100_000;
const TARGET_LATENESS_P99_MS = 1_000;
const TARGET_RECOVERY_SEC = 10;

const REPO_ROOT = resolve(__dirname, __dirname.includes(`${sep}dist${sep}`) ? '../../..' : '../..');
const TOPIC_PREFIX = `bench-sla-${randomUUID().slice(0, 8)}.`;
const RAW_TOPIC = 'bench.raw-breaches';

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function distribution(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

/**
 * The scheduler's own batch timer (`switchboard_sla_scheduler_batch_seconds` on /metrics) as
 * { seconds, batches } so far, or null when the service does not export it.
 */
async function schedulerBatchTotals(url: string): Promise<{ sum: number; count: number } | null> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const read = (suffix: string) =>
      text
        .split('\n')
        .find((line) => line.startsWith(`switchboard_sla_scheduler_batch_seconds_${suffix}`));
    const sum = read('sum');
    const count = read('count');
    if (!sum || !count) return null;
    return {
      sum: Number(sum.slice(sum.lastIndexOf(' ') + 1)),
      count: Number(count.slice(count.lastIndexOf(' ') + 1)),
    };
  } catch {
    return null;
  }
}

/** Mean batch time the scheduler measured itself between two readings, in ms. */
function measuredBatchMs(
  before: { sum: number; count: number } | null,
  after: { sum: number; count: number } | null,
): { batches: number; meanMs: number } | 'not exported' {
  if (!after) return 'not exported';
  const from = before ?? { sum: 0, count: 0 };
  const batches = after.count - from.count;
  return { batches, meanMs: batches > 0 ? round(((after.sum - from.sum) * 1_000) / batches) : NaN };
}

/** CPU per timer of each process over a phase, in µs. */
function perTimer(cpu: CpuFigures, timers: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(cpu.seconds).map(([name, sec]) => [name, round((sec * 1e6) / timers)]),
  );
}

// ---------------------------------------------------------------------------------------------
// Every `sla.*` event on the topic, as a downstream consumer sees it.

interface Breach {
  readonly at: number;
  readonly dueAt: number;
  readonly receivedAt: number;
}

class BreachLog {
  /** First breach seen per clock, per policy (each phase has its own policy). */
  readonly byPolicy = new Map<string, Map<string, Breach>>();
  /** Breaches of a clock already seen (a second firing or a republished event). */
  repeatedClocks = 0;
  repeatedEventIds = 0;
  otherEvents = 0;
  messages = 0;
  valueBytes = 0;
  private readonly eventIds = new Set<string>();

  handle(message: BusMessage): void {
    const receivedAt = Date.now();
    this.messages += 1;
    this.valueBytes += message.value.length;
    const event = JSON.parse(message.value.toString('utf8')) as {
      id: string;
      type: string;
      data: { clockId: string; policyId: string; dueAt: string; at: string };
    };
    if (this.eventIds.has(event.id)) this.repeatedEventIds += 1;
    this.eventIds.add(event.id);
    if (event.type !== 'sla.breached') {
      this.otherEvents += 1;
      return;
    }
    const { clockId, policyId } = event.data;
    let clocks = this.byPolicy.get(policyId);
    if (!clocks) this.byPolicy.set(policyId, (clocks = new Map()));
    if (clocks.has(clockId)) {
      this.repeatedClocks += 1;
      return;
    }
    clocks.set(clockId, {
      at: Date.parse(event.data.at),
      dueAt: Date.parse(event.data.dueAt),
      receivedAt,
    });
  }

  count(policyId: string): number {
    return this.byPolicy.get(policyId)?.size ?? 0;
  }

  breaches(policyId: string): Breach[] {
    return [...(this.byPolicy.get(policyId)?.values() ?? [])];
  }

  /** Waits until `count` distinct clocks of the policy have breached, logging progress. */
  async waitFor(policyId: string, count: number, timeoutMs: number, label: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastLog = Date.now();
    while (this.count(policyId) < count) {
      if (Date.now() > deadline)
        throw new Error(
          `${label}: ${this.count(policyId)}/${count} breaches within ${timeoutMs} ms`,
        );
      if (Date.now() - lastLog >= 2_000) {
        lastLog = Date.now();
        log(`${label}: ${this.count(policyId)}/${count} breaches on Kafka`);
      }
      await sleep(10);
    }
  }
}

/** What the outbox shows of a phase: when the scheduler wrote and the relay sent its events. */
interface OutboxTimeline {
  events: number;
  firstCreated: number;
  lastCreated: number;
  schedulerBatches: number;
  firstPublished: number;
  lastPublished: number;
  relayBatches: number;
  waitInOutboxMs: { p50: number; p99: number; max: number };
}

async function outboxTimeline(admin: Client, from: number, to: number): Promise<OutboxTimeline> {
  const [row] = (
    await admin.query(
      `SELECT count(*)::int AS events,
              extract(epoch FROM min(created_at)) * 1000 AS first_created,
              extract(epoch FROM max(created_at)) * 1000 AS last_created,
              count(DISTINCT created_at)::int AS scheduler_batches,
              extract(epoch FROM min(published_at)) * 1000 AS first_published,
              extract(epoch FROM max(published_at)) * 1000 AS last_published,
              count(DISTINCT published_at)::int AS relay_batches,
              extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY published_at - created_at)) * 1000 AS wait_p50,
              extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY published_at - created_at)) * 1000 AS wait_p99,
              extract(epoch FROM max(published_at - created_at)) * 1000 AS wait_max
         FROM outbox WHERE created_at >= to_timestamp($1 / 1000.0) AND created_at < to_timestamp($2 / 1000.0)`,
      [from, to],
    )
  ).rows as Array<Record<string, string | number | null>>;
  const num = (key: string) => Number(row![key]);
  return {
    events: num('events'),
    firstCreated: num('first_created'),
    lastCreated: num('last_created'),
    schedulerBatches: num('scheduler_batches'),
    firstPublished: num('first_published'),
    lastPublished: num('last_published'),
    relayBatches: num('relay_batches'),
    waitInOutboxMs: {
      p50: round(num('wait_p50')),
      p99: round(num('wait_p99')),
      max: round(num('wait_max')),
    },
  };
}

/** The scheduler's and relay's share of a firing phase, from its outbox rows. */
function firingBreakdown(timeline: OutboxTimeline, from: number) {
  const schedulerSpan = timeline.lastCreated - timeline.firstCreated;
  const relaySpan = timeline.lastPublished - timeline.firstPublished;
  return {
    outboxEvents: timeline.events,
    /** From the phase's start to the last scheduler transaction's start, and to the relay's. */
    lastFiringBatchStartedSec: round((timeline.lastCreated - from) / 1_000, 2),
    lastRelayBatchStartedSec: round((timeline.lastPublished - from) / 1_000, 2),
    firstFiringBatchStartedSec: round((timeline.firstCreated - from) / 1_000, 2),
    schedulerBatches: timeline.schedulerBatches,
    clocksPerSchedulerBatch: round(timeline.events / timeline.schedulerBatches),
    /** Batches run back to back on `workers` loops: each takes about workers × span / batches. */
    schedulerBatchMeanMs:
      timeline.schedulerBatches > 1
        ? round((SCHEDULER.workers * schedulerSpan) / (timeline.schedulerBatches - 1))
        : NaN,
    schedulerClocksPerSec:
      schedulerSpan > 0 ? Math.round((timeline.events * 1_000) / schedulerSpan) : NaN,
    relayBatches: timeline.relayBatches,
    eventsPerRelayBatch: round(timeline.events / timeline.relayBatches),
    relayBatchMeanMs:
      timeline.relayBatches > 1 ? round(relaySpan / (timeline.relayBatches - 1)) : NaN,
    relayEventsPerSec: relaySpan > 0 ? Math.round((timeline.events * 1_000) / relaySpan) : NaN,
    waitInOutboxMs: timeline.waitInOutboxMs,
  };
}

// ---------------------------------------------------------------------------------------------

/** One running calendar-time target of 60 s, no warning, one escalation on breach. */
const POLICY: SlaPolicyDefinition = {
  match: {},
  calendarId: null,
  targets: { first_response: { seconds: 60, businessHours: false } },
  warnAtPercent: null,
  pauseOn: [],
  escalations: { onWarning: [], onBreach: [{ type: 'raise_priority', priority: 10 }] },
};

async function loadLiveTimers(
  dataSource: DataSource,
  tenantId: string,
  policyId: string,
): Promise<number> {
  const chunks = Math.ceil(LIVE_TIMERS / LOAD_CHUNK);
  const dueFrom = Date.now() + 2 * 3_600_000;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    [0, 1].map(async () => {
      for (let chunk = next++; chunk < chunks; chunk = next++) {
        const count = Math.min(LOAD_CHUNK, LIVE_TIMERS - chunk * LOAD_CHUNK);
        // Due two to three hours from now, the chunks interleaved over that hour.
        await seedRunningClocks(dataSource, {
          tenantId,
          policyId,
          count,
          dueAt: new Date(dueFrom + chunk),
          spreadMs: 3_600_000,
        });
        log(`load: ${Math.min((chunk + 1) * LOAD_CHUNK, LIVE_TIMERS)} timers written`);
      }
    }),
  );
  return performance.now() - started;
}

async function tableSize(admin: Client) {
  const mb = (bytes: string | number) => round(Number(bytes) / 1_048_576);
  const [sizes] = (
    await admin.query(
      `SELECT pg_total_relation_size('sla_clocks') AS total, pg_relation_size('sla_clocks') AS heap,
              pg_indexes_size('sla_clocks') AS indexes`,
    )
  ).rows;
  const indexes = (
    await admin.query(
      `SELECT indexrelid::regclass::text AS name, pg_relation_size(indexrelid) AS bytes
         FROM pg_index WHERE indrelid = 'sla_clocks'::regclass ORDER BY 1`,
    )
  ).rows as Array<{ name: string; bytes: string }>;
  return {
    totalMB: mb(sizes.total),
    heapMB: mb(sizes.heap),
    indexesMB: mb(sizes.indexes),
    indexMB: Object.fromEntries(indexes.map((index) => [index.name, mb(index.bytes)])),
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
    `sla on ${BROKERS[0]}: ${LIVE_TIMERS} live timers; steady ${STEADY_RATE}/s for ${STEADY_SEC} s; ` +
      `burst ${BURST}; recovery ${RECOVERY}; scheduler poll ${SCHEDULER.pollMs} ms, batch ` +
      `${SCHEDULER.batchSize}, ${SCHEDULER.workers} workers; topic prefix ${TOPIC_PREFIX}`,
  );

  const database = await createTestDatabase();
  log(`database ${database.name}`);
  const admin = new Client({ connectionString: database.url, application_name: 'bench-meter' });
  const kafkaAdmin = new Kafka({
    clientId: 'bench-sla-cleanup',
    brokers: BROKERS,
    logLevel: KafkaLogLevel.NOTHING,
  }).admin();
  const bus = new KafkaBus({
    brokers: BROKERS,
    clientId: 'bench-sla',
    partitions: PARTITIONS,
    replicationFactor: 1,
    topicPrefix: TOPIC_PREFIX,
    log: (level, message) => {
      if (!message.includes('Limiting retries for the idempotent producer'))
        log(`bus ${level} ${message}`);
    },
  });
  let dataSource: DataSource | null = null;
  let service: ServiceProcess | null = null;
  const brokerPid = kafkaPid(REPO_ROOT, KAFKA_PORT);
  let result: object | undefined;
  try {
    await admin.connect();
    await kafkaAdmin.connect();
    dataSource = await createDataSource({
      url: database.url,
      applicationName: 'bench-seed',
      poolSize: 2,
    }).initialize();
    const { tenantId } = await provisionTenant(dataSource, { slug: 'bench-sla', name: 'Bench' });
    const policy = async (name: string) =>
      seedSlaPolicy(dataSource!, tenantId, POLICY, { name, position: 0 });
    const policies = {
      live: await policy('live'),
      steady: await policy('steady'),
      burst: await policy('burst'),
      recovery: await policy('recovery'),
    };
    const meter = new CpuMeter(admin, database.name, () => [
      { name: 'bench', pid: process.pid },
      { name: 'sla', pid: service?.child.pid },
      { name: 'kafka', pid: brokerPid },
    ]);
    const settings = await admin.query(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_wal_size', 'server_version')`,
    );
    const postgresSettings = Object.fromEntries(
      settings.rows.map((row: { name: string; setting: string }) => [row.name, row.setting]),
    );

    await bus.ensureTopics([
      Topics.slaEvents,
      Topics.conversationEvents,
      Topics.routingEvents,
      RAW_TOPIC,
    ]);

    // --- 1. limits --------------------------------------------------------------------------
    log('limits: raw kafka');
    const rawKafka: RawKafkaFigures = await measureRawKafka({
      bus,
      topic: RAW_TOPIC,
      groupId: 'bench-raw',
      messages: RAW_KAFKA_MESSAGES,
      warmup: Math.min(20_000, RAW_KAFKA_MESSAGES),
      batch: RELAY_BATCH,
      sample: () => breachMessage(tenantId, policies.burst),
      timeoutMs: PHASE_TIMEOUT_MS,
      meter,
    });
    log(
      `limits: raw kafka ${rawKafka.produceMsgsPerSec} msg/s produced, ` +
        `${rawKafka.produceConsumeMsgsPerSec} msg/s produced and consumed (${rawKafka.valueBytes} B)`,
    );
    log('limits: raw postgres');
    const rawPostgres: RawPostgresFigures = await measureRawPostgres({
      databaseUrl: database.url,
      tenantId,
      policyId: policies.burst,
      rows: RAW_PG_ROWS,
      connections: SCHEDULER.workers,
      payload: breachMessage(tenantId, policies.burst),
      meter,
    });
    log(
      `limits: raw postgres insert ${rawPostgres.insertRowsPerSec}, update ` +
        `${rawPostgres.updateRowsPerSec}, fire floor ${rawPostgres.fireFloorRowsPerSec} rows/s`,
    );

    // --- 2. load ----------------------------------------------------------------------------
    log(`load: ${LIVE_TIMERS} timers`);
    const loadMs = await loadLiveTimers(dataSource, tenantId, policies.live);
    const vacuumStarted = performance.now();
    await admin.query('VACUUM ANALYZE sla_clocks');
    const vacuumMs = performance.now() - vacuumStarted;
    const size = await tableSize(admin);
    const load = {
      timers: LIVE_TIMERS,
      seconds: round(loadMs / 1_000),
      rowsPerSec: Math.round((LIVE_TIMERS * 1_000) / loadMs),
      vacuumAnalyzeSeconds: round(vacuumMs / 1_000),
      ...size,
    };
    log(
      `load: ${load.seconds} s (${load.rowsPerSec} rows/s), VACUUM ANALYZE ${load.vacuumAnalyzeSeconds} s, ` +
        `table ${size.totalMB} MB (heap ${size.heapMB}, indexes ${size.indexesMB})`,
    );

    // --- the observer and the service -------------------------------------------------------
    const breaches = new BreachLog();
    const observing = await bus.subscribe({
      groupId: 'bench-observer',
      topics: [Topics.slaEvents],
      fromBeginning: true,
      handler: async (message) => breaches.handle(message),
    });
    const port = await freePort();
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: BROKERS.join(','),
      KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
      KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      SLA_SCHEDULER_POLL_MS: String(SCHEDULER.pollMs),
      SLA_SCHEDULER_BATCH_SIZE: String(SCHEDULER.batchSize),
      SLA_SCHEDULER_WORKERS: String(SCHEDULER.workers),
    };
    if (process.env.BENCH_SERVICE_NODE_OPTIONS)
      env.NODE_OPTIONS = process.env.BENCH_SERVICE_NODE_OPTIONS;
    const url = `http://127.0.0.1:${port}`;
    try {
      const firstSpawn = performance.now();
      service = spawnService('sla', env);
      await waitUntilReady(url, service);
      log(`service ready in ${round((performance.now() - firstSpawn) / 1_000, 2)} s`);

      // --- 3. steady ------------------------------------------------------------------------
      const steadyCount = STEADY_RATE * STEADY_SEC;
      const steadyFrom = Date.now();
      const steadyDue = steadyFrom + 3_000;
      await seedRunningClocks(dataSource, {
        tenantId,
        policyId: policies.steady,
        count: steadyCount,
        dueAt: new Date(steadyDue),
        spreadMs: STEADY_SEC * 1_000,
      });
      log(`steady: ${steadyCount} timers due from +3 s at ${STEADY_RATE}/s`);
      await sleep(Math.max(0, steadyDue - Date.now()));
      const steadyCpu = await meter.start();
      await breaches.waitFor(
        policies.steady,
        steadyCount,
        STEADY_SEC * 1_000 + PHASE_TIMEOUT_MS,
        'steady',
      );
      const steadyCpuFigures = await steadyCpu.stop();
      const steadyBreaches = breaches.breaches(policies.steady);
      const fire = distribution(steadyBreaches.map((b) => b.at - b.dueAt));
      const endToEnd = distribution(steadyBreaches.map((b) => b.receivedAt - b.dueAt));
      const steady = {
        ratePerSecond: STEADY_RATE,
        seconds: STEADY_SEC,
        timers: steadyCount,
        breaches: breaches.count(policies.steady),
        fireLatenessMs: fire,
        endToEndLatenessMs: endToEnd,
        targetP99Ms: TARGET_LATENESS_P99_MS,
        met: endToEnd.p99 <= TARGET_LATENESS_P99_MS,
        cpuSeconds: steadyCpuFigures.seconds,
        cpuMicrosPerTimer: perTimer(steadyCpuFigures, steadyCount),
        machineBusy: steadyCpuFigures.machineBusy,
      };
      log(
        `steady: lateness fire p50/p99/max ${fire.p50}/${fire.p99}/${fire.max} ms, ` +
          `end to end ${endToEnd.p50}/${endToEnd.p99}/${endToEnd.max} ms`,
      );

      // --- 4. burst -------------------------------------------------------------------------
      // Written before they fall due: the lead is twice what writing them should take.
      const leadMs = Math.max(5_000, Math.ceil((2 * BURST * 1_000) / load.rowsPerSec) + 2_000);
      const burstDue = Date.now() + leadMs;
      await seedRunningClocks(dataSource, {
        tenantId,
        policyId: policies.burst,
        count: BURST,
        dueAt: new Date(burstDue),
      });
      const burstWrittenLateMs = Math.max(0, Date.now() - burstDue);
      log(`burst: ${BURST} timers due at +${leadMs} ms`);
      await sleep(Math.max(0, burstDue - Date.now()));
      const burstFrom = Math.max(burstDue, Date.now());
      const burstBatchesBefore = await schedulerBatchTotals(url);
      const burstCpu = await meter.start();
      await breaches.waitFor(policies.burst, BURST, PHASE_TIMEOUT_MS, 'burst');
      const burstCpuFigures = await burstCpu.stop();
      const burstBatches = measuredBatchMs(burstBatchesBefore, await schedulerBatchTotals(url));
      const burstBreaches = breaches.breaches(policies.burst);
      const lastBurst = Math.max(...burstBreaches.map((b) => b.receivedAt));
      const burstSec = (lastBurst - burstFrom) / 1_000;
      const burstRate = Math.round(BURST / burstSec);
      await sleep(500);
      const burstTimeline = firingBreakdown(
        await outboxTimeline(admin, burstDue - 1, Date.now()),
        burstFrom,
      );
      const burst = {
        timers: BURST,
        writtenLateMs: burstWrittenLateMs,
        lastOnKafkaSec: round(burstSec, 2),
        breachesPerSec: burstRate,
        ...burstTimeline,
        schedulerMetricBatchMs: burstBatches,
        ratios: {
          vsRawKafkaProduce: round(burstRate / rawKafka.produceMsgsPerSec, 3),
          vsRawKafkaProduceConsume: round(burstRate / rawKafka.produceConsumeMsgsPerSec, 3),
          vsRawPostgresFireFloor: round(burstRate / rawPostgres.fireFloorRowsPerSec, 3),
          vsRawPostgresUpdate: round(burstRate / rawPostgres.updateRowsPerSec, 3),
          schedulerVsRawPostgresFireFloor: round(
            burstTimeline.schedulerClocksPerSec / rawPostgres.fireFloorRowsPerSec,
            3,
          ),
          relayVsRawKafkaProduce: round(
            burstTimeline.relayEventsPerSec / rawKafka.produceMsgsPerSec,
            3,
          ),
        },
        cpuSeconds: burstCpuFigures.seconds,
        cpuMicrosPerTimer: perTimer(burstCpuFigures, BURST),
        machineBusy: burstCpuFigures.machineBusy,
      };
      log(
        `burst: ${BURST} on Kafka in ${burst.lastOnKafkaSec} s = ${burstRate}/s; scheduler ` +
          `${burstTimeline.schedulerClocksPerSec}/s (${burstTimeline.schedulerBatches} batches, ` +
          `~${burstTimeline.schedulerBatchMeanMs} ms each), relay ${burstTimeline.relayEventsPerSec}/s ` +
          `(${burstTimeline.relayBatches} batches, ~${burstTimeline.relayBatchMeanMs} ms each)`,
      );

      // --- 5. recovery ----------------------------------------------------------------------
      await service.stop('SIGKILL');
      service = null;
      log('recovery: service killed (SIGKILL)');
      const overdueFrom = Date.now() - 300_000;
      await seedRunningClocks(dataSource, {
        tenantId,
        policyId: policies.recovery,
        count: RECOVERY,
        dueAt: new Date(overdueFrom),
        spreadMs: 290_000,
      });
      log(`recovery: ${RECOVERY} overdue timers written; starting the service again`);
      const recoveryCpu = await meter.start();
      const spawnedAt = Date.now();
      service = spawnService('sla', env);
      await waitUntilReady(url, service);
      const readyAt = Date.now();
      await breaches.waitFor(policies.recovery, RECOVERY, PHASE_TIMEOUT_MS, 'recovery');
      const recoveryCpuFigures = await recoveryCpu.stop();
      const recoveryBatches = measuredBatchMs(null, await schedulerBatchTotals(url));
      const lastRecovered = Math.max(
        ...breaches.breaches(policies.recovery).map((b) => b.receivedAt),
      );
      await sleep(500);
      const recoveryOutbox = await outboxTimeline(admin, spawnedAt, Date.now());
      const recoveryTimeline = firingBreakdown(recoveryOutbox, spawnedAt);
      const fromSpawn = (lastRecovered - spawnedAt) / 1_000;
      const recovery = {
        timers: RECOVERY,
        readySec: round((readyAt - spawnedAt) / 1_000, 2),
        fromSpawnSec: round(fromSpawn, 2),
        fromReadySec: round((lastRecovered - readyAt) / 1_000, 2),
        /** From the first firing transaction to the last breach on Kafka. */
        breachesPerSec: Math.round(
          (RECOVERY * 1_000) / (lastRecovered - recoveryOutbox.firstCreated),
        ),
        targetSec: TARGET_RECOVERY_SEC,
        met: fromSpawn <= TARGET_RECOVERY_SEC,
        ...recoveryTimeline,
        schedulerMetricBatchMs: recoveryBatches,
        cpuSeconds: recoveryCpuFigures.seconds,
        cpuMicrosPerTimer: perTimer(recoveryCpuFigures, RECOVERY),
        machineBusy: recoveryCpuFigures.machineBusy,
      };
      log(
        `recovery: ${RECOVERY} on Kafka ${recovery.fromSpawnSec} s after the spawn ` +
          `(${recovery.fromReadySec} s after ready at ${recovery.readySec} s)`,
      );

      const exitCode = await service.stop('SIGTERM');
      service = null;
      await sleep(1_000);
      await observing.stop();

      // --- checks ---------------------------------------------------------------------------
      const unfired = (
        await admin.query(
          `SELECT policy_id, count(*) FILTER (WHERE breached_at IS NULL)::int AS unbreached,
                  count(*)::int AS clocks
             FROM sla_clocks GROUP BY policy_id`,
        )
      ).rows as Array<{ policy_id: string; unbreached: number; clocks: number }>;
      const byPolicy = new Map(unfired.map((row) => [row.policy_id, row]));
      const checks = {
        liveTimersBreached: breaches.count(policies.live),
        liveTimersStillRunning: byPolicy.get(policies.live)?.unbreached ?? 0,
        phaseClocksUnbreachedInDb:
          (byPolicy.get(policies.steady)?.unbreached ?? 0) +
          (byPolicy.get(policies.burst)?.unbreached ?? 0) +
          (byPolicy.get(policies.recovery)?.unbreached ?? 0),
        distinctBreachesReceived:
          breaches.count(policies.steady) +
          breaches.count(policies.burst) +
          breaches.count(policies.recovery),
        expected: steadyCount + BURST + RECOVERY,
        clocksBreachedTwice: breaches.repeatedClocks,
        eventIdsReceivedTwice: breaches.repeatedEventIds,
        otherSlaEvents: breaches.otherEvents,
        serviceExitCode: exitCode,
      };
      const exactlyOnce =
        checks.liveTimersBreached === 0 &&
        checks.liveTimersStillRunning === LIVE_TIMERS &&
        checks.phaseClocksUnbreachedInDb === 0 &&
        checks.distinctBreachesReceived === checks.expected &&
        checks.clocksBreachedTwice === 0 &&
        checks.eventIdsReceivedTwice === 0;
      log(`checks: ${JSON.stringify(checks)}`);

      result = {
        bench: 'sla',
        startedAt: startedAt.toISOString(),
        runSeconds: round((performance.now() - began) / 1_000),
        loadAverage: { before: round(loadBefore[0]!, 2), after: round(loadavg()[0]!, 2) },
        machine: { cores: cpus().length, node: process.version, postgres: postgresSettings },
        settings: { ...SCHEDULER, relayBatch: RELAY_BATCH, partitions: PARTITIONS },
        breachValueBytes: round(breaches.valueBytes / Math.max(1, breaches.messages)),
        limits: { kafka: rawKafka, postgres: rawPostgres },
        load,
        steady,
        burst,
        recovery,
        checks: { ...checks, exactlyOnce },
        targets: {
          latenessP99: steady.met ? 'met' : 'missed',
          recovery: recovery.met ? 'met' : 'missed',
        },
      };
    } finally {
      if (service) {
        const code = await service.stop('SIGTERM');
        if (code !== 0) log(`service exited with ${code}:\n${service.output().slice(-4_000)}`);
      }
      await observing.stop().catch(() => undefined);
    }
  } finally {
    await bus.close().catch(() => undefined);
    await dataSource?.destroy().catch(() => undefined);
    await admin.end().catch(() => undefined);
    const topics = (await kafkaAdmin.listTopics().catch(() => [] as string[])).filter((topic) =>
      topic.startsWith(TOPIC_PREFIX),
    );
    await kafkaAdmin
      .deleteTopics({ topics })
      .catch((error: unknown) => log(`could not delete topics: ${String(error)}`));
    const groups = (await kafkaAdmin.listGroups().catch(() => ({ groups: [] }))).groups
      .map((group) => group.groupId)
      .filter((group) => group.startsWith(TOPIC_PREFIX));
    await kafkaAdmin.deleteGroups(groups).catch(() => undefined);
    await kafkaAdmin.disconnect().catch(() => undefined);
    await database
      .drop()
      .catch((error: unknown) => log(`could not drop ${database.name}: ${String(error)}`));
    log(`cleaned up: database ${database.name}, ${topics.length} topics, ${groups.length} groups`);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
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
