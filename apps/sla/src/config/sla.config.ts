import { baseServiceSchema, settings } from '@switchboard/config';
import type { z } from 'zod';

export const slaConfigSchema = baseServiceSchema.extend({
  PORT: settings.port(3003),
  /** How often an idle scheduler looks for clocks that fell due (the lateness floor). */
  SLA_SCHEDULER_POLL_MS: settings.positiveInt(100),
  /** Clocks fired per transaction. */
  SLA_SCHEDULER_BATCH_SIZE: settings.positiveInt(2_000),
  /** Concurrent firing loops per replica; SKIP LOCKED gives each its own rows. */
  SLA_SCHEDULER_WORKERS: settings.positiveInt(2),
});

export type SlaConfig = z.infer<typeof slaConfigSchema>;
