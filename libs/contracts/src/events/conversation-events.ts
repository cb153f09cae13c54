import { z } from 'zod';
import { CHANNELS } from '../channel';

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const contactCreatedV1 = z.object({
  contactId: uuid,
  channel: z.enum(CHANNELS),
  identities: z
    .array(z.object({ kind: z.enum(['phone', 'email', 'provider']), address: z.string().min(1) }))
    .min(1),
  displayName: z.string().nullable(),
});

export const conversationOpenedV1 = z.object({
  conversationId: uuid,
  contactId: uuid,
  channel: z.enum(CHANNELS),
  openedAt: instant,
});

export const conversationReopenedV1 = z.object({
  conversationId: uuid,
  contactId: uuid,
  channel: z.enum(CHANNELS),
  reopenedAt: instant,
  /** When it had been resolved. */
  resolvedAt: instant,
});

export const messageReceivedV1 = z.object({
  messageId: uuid,
  conversationId: uuid,
  contactId: uuid,
  channel: z.enum(CHANNELS),
  channelAccountId: uuid.nullable(),
  providerMessageId: z.string().min(1),
  text: z.string(),
  /** ISO 639-3, for routing by language; null when unknown. */
  language: z.string().nullable(),
  attachmentCount: z.number().int().nonnegative(),
  receivedAt: instant,
});

export const messageUpdatedV1 = z.object({
  messageId: uuid,
  conversationId: uuid,
  text: z.string(),
  editedAt: instant,
});

export const messageDeletedV1 = z.object({
  messageId: uuid,
  conversationId: uuid,
  deletedAt: instant,
});

export const messageStatusChangedV1 = z.object({
  messageId: uuid,
  conversationId: uuid,
  status: z.enum(['queued', 'sending', 'sent', 'delivered', 'read', 'undelivered', 'failed']),
  previousStatus: z.string().nullable(),
  errorCode: z.string().nullable(),
  occurredAt: instant,
});

export const contactMergedV1 = z.object({
  survivingContactId: uuid,
  mergedContactId: uuid,
  mergedBy: z.string().min(1),
  mergedAt: instant,
});

export type ContactCreated = z.infer<typeof contactCreatedV1>;
export type ConversationOpened = z.infer<typeof conversationOpenedV1>;
export type MessageReceived = z.infer<typeof messageReceivedV1>;
export type ConversationReopened = z.infer<typeof conversationReopenedV1>;
export type MessageUpdated = z.infer<typeof messageUpdatedV1>;
export type MessageDeleted = z.infer<typeof messageDeletedV1>;
export type MessageStatusChanged = z.infer<typeof messageStatusChangedV1>;
export type ContactMerged = z.infer<typeof contactMergedV1>;
