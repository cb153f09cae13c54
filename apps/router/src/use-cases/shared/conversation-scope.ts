import { z } from 'zod';
import { tenantScope } from './tenant-scope';

/** One of the tenant's conversations. */
export const conversationScope = tenantScope.extend({ conversationId: z.uuid() });
export type ConversationScope = z.output<typeof conversationScope>;
