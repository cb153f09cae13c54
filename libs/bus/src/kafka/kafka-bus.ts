import {
  Kafka,
  logLevel as KafkaLogLevel,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaMessage,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import { deliver } from '../deliver';
import { deadLetterTopicOf, isDeadLetterTopic } from '../dead-letter';
import {
  DEFAULT_RETRY,
  type BusHealth,
  type EventBus,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from '../event-bus';
import { sleep } from '../sleep';

export interface KafkaBusOptions {
  brokers: readonly string[];
  clientId: string;
  /** Partitions for topics this bus creates. */
  partitions: number;
  replicationFactor: number;
  /**
   * Namespaces every topic and consumer group on a shared cluster (e.g. `staging.`). Handlers
   * and dead-letter headers see the unprefixed names the contracts define.
   */
  topicPrefix?: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Long-poll wait; also bounds how long a stop waits for an idle fetch. */
  maxWaitTimeMs?: number;
  /** How long publish() may take before it fails (e.g. broker down), so callers can answer 503. */
  publishTimeoutMs?: number;
  log?: (level: 'error' | 'warn' | 'info', message: string, extra: object) => void;
}

/** The bus on Apache Kafka via kafkajs: idempotent producer with acks=all, groups, batches. */
export class KafkaBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private connecting: Promise<void> | null = null;
  private readonly subscriptions = new Set<Subscription>();
  private readonly crashed = new Map<string, string>();

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: 3_000,
      retry: { initialRetryTime: 100, retries: 8 },
      logLevel: KafkaLogLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.logKafka(entry),
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 100, retries: 10 },
    });
    this.admin = this.kafka.admin();
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    await this.connect();
    const wanted = [
      ...new Set(
        topics.flatMap((topic) =>
          isDeadLetterTopic(topic) ? [topic] : [topic, deadLetterTopicOf(topic)],
        ),
      ),
    ];
    const existing = new Set(await this.admin.listTopics());
    const missing = wanted
      .map((topic) => this.prefixed(topic))
      .filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      // A new topic's leaders can take a moment to be known on a busy broker; kafkajs gives
      // up on that wait after its own retries, so the whole step is retried a few times.
      for (let attempt = 1; ; attempt++) {
        try {
          await this.admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({
              topic,
              numPartitions: this.options.partitions,
              replicationFactor: this.options.replicationFactor,
            })),
          });
          break;
        } catch (error) {
          if (attempt >= 5) throw error;
          await sleep(500 * attempt);
        }
      }
    }
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const send = this.connect().then(() =>
      this.producer.send({
        topic: this.prefixed(topic),
        acks: -1,
        messages: messages.map((message) => ({
          key: message.key,
          value: message.value,
          headers: message.headers,
        })),
      }),
    );
    // If the timeout wins, a late failure of the send must not become an unhandled rejection.
    send.catch(() => undefined);
    const timeoutMs = this.options.publishTimeoutMs ?? 15_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        send,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Kafka did not acknowledge within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.ensureTopics(options.topics);
    const consumer = this.kafka.consumer({
      groupId: this.prefixed(options.groupId),
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 1_000,
      rebalanceTimeout: 30_000,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 250,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 100, retries: 8 },
    });
    let assigned: string[] = [];
    const joined = new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        assigned = Object.entries(event.payload.memberAssignment).flatMap(([topic, partitions]) =>
          partitions.map((partition) => `${this.unprefixed(topic)}:${partition}`),
        );
        resolve();
      });
      // kafkajs gives up for good on non-retriable errors (authorization, a bug in a
      // handler): the service must not look healthy while nothing is consumed.
      consumer.on(consumer.events.CRASH, (event) => {
        if (event.payload.restart) return;
        const reason = `consumer group ${options.groupId} crashed: ${String(event.payload.error)}`;
        this.crashed.set(options.groupId, reason);
        this.options.log?.('error', reason, {});
        reject(new Error(reason));
      });
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: options.topics.map((topic) => this.prefixed(topic)),
      fromBeginning: !!options.fromBeginning,
    });
    await this.run(consumer, options);
    await joined;
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await consumer.disconnect();
      },
      assignedPartitions: () => [...assigned],
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async health(): Promise<BusHealth> {
    if (this.crashed.size > 0) return { ok: false, detail: [...this.crashed.values()].join('; ') };
    try {
      await this.connect();
      const cluster = await this.admin.describeCluster();
      return { ok: cluster.brokers.length > 0, detail: `${cluster.brokers.length} broker(s)` };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
    this.connecting = null;
  }

  private prefixed(name: string): string {
    return `${this.options.topicPrefix ?? ''}${name}`;
  }

  private unprefixed(topic: string): string {
    const prefix = this.options.topicPrefix ?? '';
    return prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  }

  private connect(): Promise<void> {
    if (!this.connecting) {
      this.connecting = Promise.all([this.producer.connect(), this.admin.connect()]).then(
        () => undefined,
      );
      // A failed connect must be retried by the next caller, not cached forever.
      this.connecting.catch(() => (this.connecting = null));
    }
    return this.connecting;
  }

  private run(consumer: Consumer, options: SubscribeOptions): Promise<void> {
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    return consumer.run({
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachBatchAutoResolve: false,
      autoCommit: true,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const owned = (): boolean => isRunning() && !isStale();
        let lastHeartbeat = Date.now();
        for (const message of batch.messages) {
          if (!owned()) break;
          const outcome = await deliver(
            {
              topic: this.unprefixed(batch.topic),
              partition: batch.partition,
              offset: message.offset,
              key: message.key ? message.key.toString('utf8') : null,
              value: message.value ?? Buffer.alloc(0),
              headers: decodeHeaders(message),
            },
            options.handler,
            {
              groupId: options.groupId,
              retry,
              stillOwned: owned,
              pause: (ms) => sleepWithHeartbeats(ms, heartbeat),
              publishDeadLetter: (topic, deadLetter) => this.publish(topic, [deadLetter]),
            },
          );
          if (outcome === 'abandoned') break;
          // Committed by kafkajs after the batch (and before leaving the group on stop).
          resolveOffset(message.offset);
          // kafkajs sends at most one heartbeat per interval; asking per message costs CPU.
          if (Date.now() - lastHeartbeat >= 100) {
            await heartbeat();
            lastHeartbeat = Date.now();
          }
        }
        if (owned()) await heartbeat();
      },
    });
  }

  private logKafka(entry: LogEntry): void {
    const level =
      entry.level === KafkaLogLevel.ERROR
        ? 'error'
        : entry.level === KafkaLogLevel.WARN
          ? 'warn'
          : 'info';
    const { message, ...extra } = entry.log;
    this.options.log?.(level, `kafkajs ${entry.namespace}: ${message}`, extra);
  }
}

function decodeHeaders(message: KafkaMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw: IHeaders = message.headers ?? {};
  for (const name in raw) {
    const value = raw[name];
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last === undefined) continue;
    headers[name] = typeof last === 'string' ? last : last.toString('utf8');
  }
  return headers;
}

/** Backoff that keeps the group membership alive while it waits. */
async function sleepWithHeartbeats(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await sleep(Math.min(1_000, deadline - Date.now()));
    await heartbeat();
  }
}
