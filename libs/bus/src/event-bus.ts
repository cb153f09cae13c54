/** A message to publish. The key decides the partition, and so the order. */
export interface OutgoingMessage {
  key: string;
  value: Buffer;
  headers?: Record<string, string>;
}

/** A message delivered to a handler, with where it came from. */
export interface BusMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
  /** 1 on first delivery to this handler, then 2, 3… on retries. */
  attempt: number;
}

export type MessageHandler = (message: BusMessage) => Promise<void>;

export interface RetryOptions {
  /** Attempts before a temporary failure is dead-lettered (including the first). */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export interface SubscribeOptions {
  groupId: string;
  topics: readonly string[];
  handler: MessageHandler;
  /** Where a group with no committed offset starts: the oldest message or only new ones. */
  fromBeginning?: boolean;
  retry?: Partial<RetryOptions>;
  /** How many partitions are processed at once; each partition stays strictly in order. */
  partitionsConsumedConcurrently?: number;
}

export interface Subscription {
  /** Stops fetching, lets the message in hand finish, commits what succeeded, leaves the group. */
  stop(): Promise<void>;
  /** Partitions currently assigned to this member, as `topic:partition`. */
  assignedPartitions(): string[];
}

export interface BusHealth {
  ok: boolean;
  detail: string;
}

/**
 * The only way services talk. Two implementations share one contract test suite:
 * Kafka (what users deploy) and in-process (the embedded try-out mode).
 */
export interface EventBus {
  /** Creates missing topics (and their dead-letter topics) with the configured partitions. */
  ensureTopics(topics: readonly string[]): Promise<void>;
  /** Resolves only once every message is durably accepted (acks=all on Kafka). */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  /** Resolves once the consumer has joined its group. */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  health(): Promise<BusHealth>;
  /** Stops every subscription (draining in-flight work) and disconnects. */
  close(): Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 5,
  initialBackoffMs: 200,
  maxBackoffMs: 10_000,
};
