import type { EventCause } from '@switchboard/bus';
import { routingId } from '@switchboard/contracts';
import { z } from 'zod';

const sendReplyInput = z.object({
  tenantId: z.uuid(),
  conversationId: z.uuid(),
  agentId: routingId,
  text: z.string().min(1),
  /** The client's id for the reply (idempotency); null when it sent none. */
  clientMessageId: z.string().min(1).nullable(),
  /** The request body as received, kept with the message for audit. */
  raw: z.record(z.string(), z.unknown()),
  /** When it was asked: the reply's sent (and received) time if it is stored now. */
  requestedAt: z.date(),
  correlationId: z.string().min(1),
});

/** Store an agent's reply in one of the tenant's conversations and announce it. */
export interface SendReplyCommand extends EventCause, z.infer<typeof sendReplyInput> {}

/** Builds the command, refusing one that breaks its rules (a bug at the edge, not bad input). */
export function sendReplyCommand(input: z.input<typeof sendReplyInput>): SendReplyCommand {
  return { ...sendReplyInput.parse(input), causationEventId: null };
}
