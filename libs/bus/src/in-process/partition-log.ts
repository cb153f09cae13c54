export interface StoredMessage {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** One partition: an append-only list of messages and the readers waiting for the next one. */
export class PartitionLog {
  private readonly entries: StoredMessage[] = [];
  private waiters: Array<() => void> = [];

  get endOffset(): number {
    return this.entries.length;
  }

  append(message: StoredMessage): number {
    this.entries.push(message);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    return this.entries.length - 1;
  }

  read(offset: number): StoredMessage | undefined {
    return this.entries[offset];
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
