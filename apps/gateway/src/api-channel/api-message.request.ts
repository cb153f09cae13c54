import { storableString } from '@switchboard/contracts';
import { z } from 'zod';

/** The body of `POST /v1/channels/api/messages`: a customer message from the tenant's own system. */
export const apiMessageRequestSchema = z.object({
  /** The sender system's id for this message; a retry with the same id is stored once. */
  messageId: storableString().trim().min(1).max(512),
  from: z.object({
    id: storableString().trim().min(1).max(512),
    name: storableString().trim().min(1).max(256).optional(),
    /** Known contact details, so the same person on another channel is one contact. */
    phone: storableString().trim().min(3).max(64).optional(),
    email: z.email().max(320).optional(),
  }),
  text: storableString().min(1).max(100_000),
  sentAt: z.iso.datetime({ offset: true }).optional(),
});

export type ApiMessageRequest = z.infer<typeof apiMessageRequestSchema>;
