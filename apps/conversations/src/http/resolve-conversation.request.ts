import { storableString } from '@switchboard/contracts';
import { z } from 'zod';

/** The optional body of `POST /v1/conversations/:conversationId/resolve`. */
export const resolveConversationRequestSchema = z
  .object({
    /** Who resolved it (an agent id, a bot name); `api` when not said. */
    resolvedBy: storableString().trim().min(1).max(200).default('api'),
  })
  .default({ resolvedBy: 'api' });

export type ResolveConversationRequest = z.infer<typeof resolveConversationRequestSchema>;
