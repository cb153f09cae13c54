export interface StoredMessage {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/**
 * One partition: an append-only list of messages and the readers waiting for the next one.
 * Like Kafka's retention, it keeps only the newest `retain` messages, so a topic nobody
 * consumes (analytics not running in the try-out) cannot grow memory without bound.
 */
export class PartitionLog {
  private entries: StoredMessage[] = [];
  private base = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly retain = 100_000) {}

  /** The oldest offset still held. */
  get firstOffset(): number {
    return this.base;
  }

  get endOffset(): number {
    return this.base + this.entries.length;
  }

  append(message: StoredMessage): number {
    this.entries.push(message);
    // Trimmed in chunks, so appends stay O(1) amortized.
    if (this.entries.length > this.retain + Math.ceil(this.retain / 10)) {
      const dropped = this.entries.length - this.retain;
      this.entries = this.entries.slice(dropped);
      this.base += dropped;
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    return this.endOffset - 1;
  }

  read(offset: number): StoredMessage | undefined {
    return this.entries[offset - this.base];
  }

  /** Resolves when a message is appended or the signal aborts. */
  nextAppend(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const wake = (): void => {
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.push(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
