import { z } from 'zod';
import { routingIdSchema } from './routing-config.schemas';
import { tenantScope } from './tenant-scope';

/** One of the tenant's agents. */
export const agentScope = tenantScope.extend({ agentId: routingIdSchema });
export type AgentScope = z.output<typeof agentScope>;
