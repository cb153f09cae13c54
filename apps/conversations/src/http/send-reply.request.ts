import { routingId, storableString } from '@switchboard/contracts';
import { z } from 'zod';

/** The longest reply text accepted (characters). */
export const MAX_REPLY_TEXT_LENGTH = 65_536;

/** The body of `POST /v1/conversations/:conversationId/replies`: an agent's reply. */
export const sendReplyRequestSchema = z.object({
  /** The agent writing (a routing id, as in the router). */
  agentId: routingId,
  text: storableString().min(1).max(MAX_REPLY_TEXT_LENGTH),
  /** The client's id for this reply: a retry with the same id is stored and announced once. */
  clientMessageId: storableString().min(1).max(128).optional(),
});

export type SendReplyRequest = z.infer<typeof sendReplyRequestSchema>;
