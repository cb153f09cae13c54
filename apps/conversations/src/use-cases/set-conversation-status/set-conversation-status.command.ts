import type { EventCause } from '@switchboard/bus';
import { z } from 'zod';

const setConversationStatusInput = z
  .object({
    tenantId: z.uuid(),
    conversationId: z.uuid(),
    status: z.enum(['open', 'pending', 'snoozed']),
    /** When a snooze ends by itself; null for any other status or a snooze until the customer writes. */
    snoozedUntil: z.date().nullable(),
    /** An agent id or `api`. */
    changedBy: z.string().min(1),
    /** When it was asked: the moment the change is recorded. */
    requestedAt: z.date(),
    correlationId: z.string().min(1),
  })
  .refine((input) => input.snoozedUntil === null || input.status === 'snoozed', {
    path: ['snoozedUntil'],
    message: 'only a snooze ends',
  });

/** Set one of the tenant's unresolved conversations open, pending or snoozed. */
export interface SetConversationStatusCommand
  extends EventCause, z.infer<typeof setConversationStatusInput> {}

/** Builds the command, refusing one that breaks its rules (a bug at the edge, not bad input). */
export function setConversationStatusCommand(
  input: z.input<typeof setConversationStatusInput>,
): SetConversationStatusCommand {
  return { ...setConversationStatusInput.parse(input), causationEventId: null };
}
