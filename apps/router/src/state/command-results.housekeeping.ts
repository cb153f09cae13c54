import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JsonLogger } from '@switchboard/observability';
import { DataSource } from 'typeorm';

/** Outcomes are read by the API within seconds and guard against redeliveries within minutes. */
const KEEP_COMMAND_RESULTS = '1 day';
const EVERY_MS = 10 * 60_000;

/** Deletes old command outcomes, so `routing_command_results` stays small. */
@Injectable()
export class CommandResultsHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
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
        `DELETE FROM routing_command_results WHERE applied_at < now() - $1::interval`,
        [KEEP_COMMAND_RESULTS],
      );
    } catch (error) {
      this.logger.warn({ msg: 'Deleting old routing command results failed', err: error });
    }
  }
}
