/**
 * The routing bench's end-to-end section, on the real broker and database: the router runs as
 * its own process (`node dist/apps/router/src/main.js`, as deployed) on a fresh database; this
 * process plays the conversations service, publishing `message.received` events at a steady
 * rate, and watches `routing.offered` on the routing events topic. Latency is from the moment
 * the `message.received` was handed to the producer to the moment the `routing.offered` reached this
 * consumer: intake → commands topic → owning replica → engine → PostgreSQL (decision, state and
 * outbox in one transaction) → outbox relay → routing events topic.
 *
 * The physical limit in the same run: one raw Kafka hop (handed to the producer, acknowledged, consumed by a
 * kafkajs consumer like this one) at the same rate. The routed path has three such hops plus one
 * PostgreSQL commit, so the ratio reported is p50 / (3 × raw hop p50).
 */
import { KafkaBus, type BusMessage } from '@switchboard/bus';
import { decodeEnvelope, Topics } from '@switchboard/contracts';
import { createDataSource, provisionTenant } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { customerMessage, seedRouting } from '../support/routing-seed';
import {
  freePort,
  spawnService,
  waitUntilReady,
  type ServiceProcess,
} from '../support/service-process';
import { createTestDatabase } from '../support/test-database';

export interface EndToEndOptions {
  readonly conversations: number;
  readonly ratePerSecond: number;
  readonly brokers: string[];
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

export interface EndToEndFigures {
  readonly conversations: number;
  readonly ratePerSecond: number;
  readonly offered: number;
  readonly offeredP50Ms: number;
  readonly offeredP99Ms: number;
  readonly offeredMaxMs: number;
  readonly rawKafkaHopP50Ms: number;
  readonly rawKafkaHopP99Ms: number;
  /** p50 over three raw hops: how close the routed path is to its Kafka floor. */
  readonly ratioToThreeRawHops: number;
  /** Conversations offered twice (must be 0). */
  readonly offeredTwice: number;
  /** Mean time in the router's handlers, from its /metrics: the intake hop and the owner's step. */
  readonly routerHandlerMeanMs: { readonly intake: number; readonly command: number };
}

/** Mean handler time per topic, from the Prometheus text of switchboard_event_handler_seconds. */
function meanHandlerMs(metrics: string): { intake: number; command: number } {
  const mean = (topic: string): number => {
    const read = (part: 'sum' | 'count'): number =>
      metrics
        .split('\n')
        .filter((line) => line.startsWith(`switchboard_event_handler_seconds_${part}{`))
        .filter((line) => line.includes(`topic="${topic}"`))
        .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
    const count = read('count');
    return count > 0 ? round((read('sum') / count) * 1000, 2) : NaN;
  };
  return { intake: mean(Topics.conversationEvents), command: mean(Topics.routingCommands) };
}

const PARTITIONS = 6;
const AGENTS = 50;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** Publishes `count` messages at `ratePerSecond`, calling `sent` with each one's ack time. */
async function atSteadyRate(
  count: number,
  ratePerSecond: number,
  publish: (index: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(publish(i));
  }
  await Promise.all(inFlight);
}

export async function measureRoutingEndToEnd(options: EndToEndOptions): Promise<EndToEndFigures> {
  const { log } = options;
  const topicPrefix = `bench-routing-${randomUUID().slice(0, 8)}.`;
  const database = await createTestDatabase();
  const setup = await createDataSource({
    url: database.url,
    applicationName: 'bench',
  }).initialize();
  const { tenantId } = await provisionTenant(setup, { slug: 'bench', name: 'Bench' });
  await seedRouting(setup, tenantId, {
    // Offers wait for an answer (none comes during the run), so `offered` is the decision timed.
    queue: { id: 'support', skill: 'support', autoAccept: false, offerTimeoutSeconds: 3_600 },
    agents: Array.from({ length: AGENTS }, (_, a) => ({
      id: `agent-${a}`,
      skills: { support: 5 },
      totalUnits: Math.ceil((options.conversations * 2) / AGENTS),
      online: true,
    })),
  });
  await setup.destroy();

  const bus = new KafkaBus({
    brokers: options.brokers,
    clientId: 'bench-routing',
    partitions: PARTITIONS,
    replicationFactor: 1,
    topicPrefix,
  });
  const port = await freePort();
  let router: ServiceProcess | null = null;
  try {
    await bus.ensureTopics([Topics.conversationEvents, Topics.routingEvents, 'bench.raw-hop']);
    router = spawnService('router', {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: options.brokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
    });
    await waitUntilReady(`http://127.0.0.1:${port}`, router);
    log('routing end to end: router ready');

    const sent = new Map<string, number>();
    const latencies: number[] = [];
    const offeredCount = new Map<string, number>();
    const observing = await bus.subscribe({
      groupId: 'bench-observer',
      topics: [Topics.routingEvents],
      fromBeginning: true,
      handler: async (message: BusMessage) => {
        const event = decodeEnvelope(message.value);
        if (event.type !== 'routing.offered') return;
        const { conversationId } = event.data;
        const count = (offeredCount.get(conversationId) ?? 0) + 1;
        offeredCount.set(conversationId, count);
        const sentAt = sent.get(conversationId);
        if (count === 1 && sentAt !== undefined) latencies.push(performance.now() - sentAt);
      },
    });
    const hopSent = new Map<string, number>();
    const hops: number[] = [];
    const rawObserving = await bus.subscribe({
      groupId: 'bench-raw-hop',
      topics: ['bench.raw-hop'],
      fromBeginning: true,
      handler: async (message: BusMessage) => {
        const sentAt = hopSent.get(message.key ?? '');
        if (sentAt !== undefined) hops.push(performance.now() - sentAt);
      },
    });
    try {
      const deadline = Date.now() + options.timeoutMs;
      await atSteadyRate(options.conversations, options.ratePerSecond, async () => {
        const conversationId = randomUUID();
        sent.set(conversationId, performance.now());
        await bus.publish(Topics.conversationEvents, [customerMessage(tenantId, conversationId)]);
      });
      while (latencies.length < options.conversations && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      log(`routing end to end: ${latencies.length}/${options.conversations} offered`);

      await atSteadyRate(options.conversations, options.ratePerSecond, async (i) => {
        const key = `hop-${i}`;
        hopSent.set(key, performance.now());
        await bus.publish('bench.raw-hop', [{ key, value: Buffer.from(key) }]);
      });
      while (hops.length < options.conversations && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await observing.stop();
      await rawObserving.stop();
    }
    const handlerMeanMs = meanHandlerMs(
      await (await fetch(`http://127.0.0.1:${port}/metrics`)).text(),
    );
    latencies.sort((a, b) => a - b);
    hops.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const hopP50 = percentile(hops, 50);
    return {
      conversations: options.conversations,
      ratePerSecond: options.ratePerSecond,
      offered: latencies.length,
      offeredP50Ms: round(p50),
      offeredP99Ms: round(percentile(latencies, 99)),
      offeredMaxMs: round(latencies.at(-1) ?? NaN),
      rawKafkaHopP50Ms: round(hopP50),
      rawKafkaHopP99Ms: round(percentile(hops, 99)),
      ratioToThreeRawHops: round((3 * hopP50) / p50, 3),
      offeredTwice: [...offeredCount.values()].filter((n) => n > 1).length,
      routerHandlerMeanMs: handlerMeanMs,
    };
  } finally {
    await router?.stop('SIGTERM');
    await bus.close();
    await database.drop();
  }
}
