import { z } from 'zod';
import { routingIdSchema } from './routing-config.schemas';
import { tenantScope } from './tenant-scope';

/** One of the tenant's queues. */
export const queueScope = tenantScope.extend({ queueId: routingIdSchema });
export type QueueScope = z.output<typeof queueScope>;
