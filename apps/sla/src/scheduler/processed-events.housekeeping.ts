import { Injectable } from '@nestjs/common';
import { JsonLogger } from '@switchboard/observability';
import { RetentionSweep } from '@switchboard/platform';
import { DataSource } from 'typeorm';

/** Deletes old applied-event ids, so `sla_processed_events` stays small. */
@Injectable()
export class ProcessedEventsHousekeeping extends RetentionSweep {
  constructor(dataSource: DataSource, logger: JsonLogger) {
    super(dataSource, logger, {
      table: 'sla_processed_events',
      column: 'processed_at',
      // Redeliveries come within minutes (a rebalance, a restart); a day is ample.
      keep: '1 day',
      everyMs: 10 * 60_000,
      failureMessage: 'Deleting old SLA processed-event ids failed',
    });
  }
}
