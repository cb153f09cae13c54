import { z } from 'zod';
import type { EventCause } from '@switchboard/bus';

const resolveConversationInput = z.object({
  tenantId: z.uuid(),
  conversationId: z.uuid(),
  /** Who resolved it: an agent id, `api`, `system:…`. */
  resolvedBy: z.string().min(1),
  /** When it was asked: the moment recorded if the conversation is resolved now. */
  requestedAt: z.date(),
  correlationId: z.string().min(1),
});

/** Resolve one of the tenant's conversations. */
export interface ResolveConversationCommand
  extends EventCause, z.infer<typeof resolveConversationInput> {}

/** Builds the command, refusing one that breaks its rules (a bug at the edge, not bad input). */
export function resolveConversationCommand(
  input: z.input<typeof resolveConversationInput>,
): ResolveConversationCommand {
  return { ...resolveConversationInput.parse(input), causationEventId: null };
}
