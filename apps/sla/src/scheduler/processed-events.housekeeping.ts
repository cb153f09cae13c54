import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JsonLogger } from '@switchboard/observability';
import { DataSource } from 'typeorm';

/** Redeliveries come within minutes (a rebalance, a restart); a day is ample. */
const KEEP_PROCESSED_EVENTS = '1 day';
const EVERY_MS = 10 * 60_000;

/** Deletes old applied-event ids, so `sla_processed_events` stays small. */
@Injectable()
export class ProcessedEventsHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM sla_processed_events WHERE processed_at < now() - $1::interval`,
        [KEEP_PROCESSED_EVENTS],
      );
    } catch (error) {
      this.logger.warn({ msg: 'Deleting old SLA processed-event ids failed', err: error });
    }
  }
}
