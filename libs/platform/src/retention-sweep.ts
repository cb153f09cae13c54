import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JsonLogger } from '@switchboard/observability';
import type { DataSource } from 'typeorm';

export interface RetentionSweepOptions {
  /** The table swept, and its timestamp column rows age by. */
  readonly table: string;
  readonly column: string;
  /** How long rows are kept, as a PostgreSQL interval (`1 day`). */
  readonly keep: string;
  readonly everyMs: number;
  /** Logged (as a warning) when a sweep fails; the next one tries again. */
  readonly failureMessage: string;
}

/**
 * Periodically deletes the rows of one table older than a retention, for as long as the
 * service runs. A service's housekeeping provider extends it with its table and retention.
 */
export class RetentionSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: JsonLogger,
    private readonly options: RetentionSweepOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    const { table, column, keep, failureMessage } = this.options;
    try {
      await this.dataSource.query(`DELETE FROM ${table} WHERE ${column} < now() - $1::interval`, [
        keep,
      ]);
    } catch (error) {
      this.logger.warn({ msg: failureMessage, err: error });
    }
  }
}
