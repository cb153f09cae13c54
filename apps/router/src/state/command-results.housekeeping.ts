import { Injectable } from '@nestjs/common';
import { JsonLogger } from '@switchboard/observability';
import { RetentionSweep } from '@switchboard/platform';
import { DataSource } from 'typeorm';

/** Deletes old command outcomes, so `routing_command_results` stays small. */
@Injectable()
export class CommandResultsHousekeeping extends RetentionSweep {
  constructor(dataSource: DataSource, logger: JsonLogger) {
    super(dataSource, logger, {
      table: 'routing_command_results',
      column: 'applied_at',
      // Outcomes are read by the API within seconds and guard against redeliveries within minutes.
      keep: '1 day',
      everyMs: 10 * 60_000,
      failureMessage: 'Deleting old routing command results failed',
    });
  }
}
