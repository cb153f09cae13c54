import { z } from 'zod';
import { routingIdSchema } from '../shared/routing-config.schemas';
import { tenantScope } from '../shared/tenant-scope';

export const routedConversationsFilterSchema = z.object({
  state: z.enum(['waiting', 'offered', 'assigned']).optional(),
  agentId: routingIdSchema.optional(),
  queueId: routingIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type RoutedConversationsFilter = z.output<typeof routedConversationsFilterSchema>;

const listRoutedConversationsQuerySchema = tenantScope.extend(
  routedConversationsFilterSchema.shape,
);

export type ListRoutedConversationsQuery = z.output<typeof listRoutedConversationsQuerySchema>;

export function listRoutedConversationsQuery(
  input: z.input<typeof listRoutedConversationsQuerySchema>,
): ListRoutedConversationsQuery {
  return listRoutedConversationsQuerySchema.parse(input);
}
