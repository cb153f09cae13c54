import { randomUUID } from 'node:crypto';
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
import { partitionForKey } from '../murmur2';
import { sleep } from '../sleep';
import { assignPartitions, ConsumerGroup, type GroupMember } from './consumer-group';
import { PartitionLog } from './partition-log';

export interface InProcessBusOptions {
  partitions: number;
  /** Messages kept per partition (Kafka's retention); older ones are dropped. */
  retainPerPartition?: number;
}

/**
 * The embedded mode's bus: Kafka's semantics (keyed partitions, consumer groups, committed
 * offsets, at-least-once, retries, dead letters) in memory. Not durable across a process
 * restart; the deployed system runs on Kafka.
 */
export class InProcessBus implements EventBus {
  private readonly topics = new Map<string, PartitionLog[]>();
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(private readonly options: InProcessBusOptions = { partitions: 6 }) {}

  async ensureTopics(topics: readonly string[]): Promise<void> {
    for (const topic of topics) {
      this.partitionsOf(topic);
      if (!isDeadLetterTopic(topic)) this.partitionsOf(deadLetterTopicOf(topic));
    }
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new Error('The in-process bus is closed');
    const partitions = this.topics.get(topic);
    // Like Kafka with auto-creation off: a typo in a topic name fails loudly.
    if (!partitions) throw new Error(`Unknown topic ${topic}: call ensureTopics first`);
    for (const message of messages) {
      partitions[partitionForKey(message.key, partitions.length)].append({
        key: message.key,
        value: Buffer.from(message.value),
        headers: { ...message.headers },
      });
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (this.closed) throw new Error('The in-process bus is closed');
    await this.ensureTopics(options.topics);
    const group = this.groupOf(options.groupId);
    const member = new InProcessMember(this, group, options);
    await group.serialize(async () => {
      group.members.add(member);
      await this.rebalance(group);
    });
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await group.serialize(async () => {
          if (!group.members.delete(member)) return;
          await member.revokeAll();
          await this.rebalance(group);
        });
      },
      assignedPartitions: () => member.assigned(),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async health(): Promise<BusHealth> {
    return { ok: !this.closed, detail: this.closed ? 'closed' : 'in-process bus' };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  /** Test and admin view: messages in a topic, in partition order. */
  endOffsets(topic: string): number[] {
    return this.partitionsOf(topic).map((log) => log.endOffset);
  }

  log(topic: string, partition: number): PartitionLog {
    return this.partitionsOf(topic)[partition];
  }

  private partitionsOf(topic: string): PartitionLog[] {
    let partitions = this.topics.get(topic);
    if (!partitions) {
      partitions = Array.from(
        { length: this.options.partitions },
        () => new PartitionLog(this.options.retainPerPartition),
      );
      this.topics.set(topic, partitions);
    }
    return partitions;
  }

  private groupOf(groupId: string): ConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new ConsumerGroup();
      this.groups.set(groupId, group);
    }
    return group;
  }

  private async rebalance(group: ConsumerGroup): Promise<void> {
    const members = [...group.members];
    await Promise.all(members.map((member) => member.revokeAll()));
    const assignment = assignPartitions(members, (topic) => this.partitionsOf(topic).length);
    for (const [member, partitions] of assignment) member.assign(partitions);
  }
}

/** One subscriber: a worker per assigned partition, each strictly in order. */
class InProcessMember implements GroupMember {
  readonly memberId = randomUUID();
  readonly topics: readonly string[];
  private readonly workers = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly retry;

  constructor(
    private readonly bus: InProcessBus,
    private readonly group: ConsumerGroup,
    private readonly options: SubscribeOptions,
  ) {
    this.topics = options.topics;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  assigned(): string[] {
    return [...this.workers.keys()];
  }

  assign(partitions: readonly string[]): void {
    for (const topicPartition of partitions) {
      const abort = new AbortController();
      // A worker's failure (e.g. the bus closing under a dead-letter publish) must not
      // become an unhandled rejection: the partition is simply released.
      const done = this.consume(topicPartition, abort.signal).catch(() => undefined);
      this.workers.set(topicPartition, { abort, done });
    }
  }

  async revokeAll(): Promise<void> {
    const workers = [...this.workers.values()];
    this.workers.clear();
    for (const worker of workers) worker.abort.abort();
    await Promise.all(workers.map((worker) => worker.done));
  }

  private async consume(topicPartition: string, signal: AbortSignal): Promise<void> {
    const separator = topicPartition.lastIndexOf(':');
    const topic = topicPartition.slice(0, separator);
    const partition = Number(topicPartition.slice(separator + 1));
    const log = this.bus.log(topic, partition);
    if (!this.group.committed.has(topicPartition)) {
      this.group.committed.set(topicPartition, this.options.fromBeginning ? 0 : log.endOffset);
    }
    let sinceYield = 0;
    while (!signal.aborted) {
      let offset = this.group.committed.get(topicPartition) ?? 0;
      if (offset < log.firstOffset) {
        // Fell behind retention (as Kafka's auto.offset.reset=earliest): resume at the oldest.
        offset = log.firstOffset;
        this.group.committed.set(topicPartition, offset);
      }
      const stored = log.read(offset);
      if (!stored) {
        await log.nextAppend(signal);
        continue;
      }
      const outcome = await deliver(
        {
          topic,
          partition,
          offset: String(offset),
          key: stored.key,
          value: stored.value,
          headers: stored.headers,
        },
        this.options.handler,
        {
          groupId: this.options.groupId,
          retry: this.retry,
          stillOwned: () => !signal.aborted,
          pause: (ms) => sleep(ms, signal),
          publishDeadLetter: (deadLetterTopic, message) =>
            this.bus.publish(deadLetterTopic, [message]),
        },
      );
      if (outcome === 'abandoned') return;
      this.group.committed.set(topicPartition, offset + 1);
      // Handlers that resolve synchronously must not starve the event loop.
      if (++sinceYield % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
