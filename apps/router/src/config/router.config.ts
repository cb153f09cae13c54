import { baseServiceSchema, settings } from '@switchboard/config';
import { hostname } from 'node:os';
import { z } from 'zod';

export const routerConfigSchema = baseServiceSchema.extend({
  PORT: settings.port(3002),
  /** Names this replica in `routing_owners`; unique per process. */
  ROUTER_INSTANCE_ID: z.string().min(1).default(`${hostname()}-${process.pid}`),
  /** How often a replica compares the partitions it holds with the tenants it has loaded. */
  ROUTER_OWNERSHIP_CHECK_MS: settings.positiveInt(1_000),
});

export type RouterConfig = z.infer<typeof routerConfigSchema>;
