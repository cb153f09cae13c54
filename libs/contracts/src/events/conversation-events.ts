import { z } from 'zod';
import { CHANNELS } from '../channel';
import { storableString } from '../storable-text';

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

export const conversationResolvedV1 = z.object({
  conversationId: uuid,
  contactId: uuid,
  channel: z.enum(CHANNELS),
  resolvedAt: instant,
  /** Who resolved it: an agent id, `api`, `system:…`. */
  resolvedBy: storableString().min(1),
});

/** An agent's reply, stored and handed to delivery; delivery progress follows as message.status_changed. */
export const messageSentV1 = z.object({
  messageId: uuid,
  conversationId: uuid,
  contactId: uuid,
  channel: z.enum(CHANNELS),
  /** The agent (a routing id) who wrote it. */
  agentId: z.string().min(1).max(64),
  text: z.string(),
  sentAt: instant,
});

/** Waiting on the customer (`pending`), set aside until a time or the customer's reply (`snoozed`), or back to `open`. */
export const conversationStatusChangedV1 = z.object({
  conversationId: uuid,
  contactId: uuid,
  channel: z.enum(CHANNELS),
  status: z.enum(['open', 'pending', 'snoozed']),
  previousStatus: z.enum(['open', 'pending', 'snoozed']),
  /** When a snooze ends by itself; null for a snooze that lasts until the customer writes. */
  snoozedUntil: instant.nullable(),
  /** An agent id, `api`, `customer_message` (a message reopened it), `snooze_expired`. */
  changedBy: storableString().min(1),
  changedAt: instant,
});

/** A contact tier: 1 to 40 lowercase letters, digits, '-' or '_' (the database checks the same). */
export const contactTierSchema = z
  .string()
  .regex(/^[a-z0-9_-]{1,40}$/, "must be 1 to 40 lowercase letters, digits, '-' or '_'");

export const contactTierChangedV1 = z.object({
  contactId: uuid,
  /** The new tier; null when it was cleared. */
  tier: contactTierSchema.nullable(),
  changedAt: instant,
});

export type ContactCreated = z.infer<typeof contactCreatedV1>;
export type ConversationOpened = z.infer<typeof conversationOpenedV1>;
export type MessageReceived = z.infer<typeof messageReceivedV1>;
export type ConversationReopened = z.infer<typeof conversationReopenedV1>;
export type MessageUpdated = z.infer<typeof messageUpdatedV1>;
export type MessageDeleted = z.infer<typeof messageDeletedV1>;
export type MessageStatusChanged = z.infer<typeof messageStatusChangedV1>;
export type ContactMerged = z.infer<typeof contactMergedV1>;
export type ConversationResolved = z.infer<typeof conversationResolvedV1>;
export type MessageSent = z.infer<typeof messageSentV1>;
export type ConversationStatusChanged = z.infer<typeof conversationStatusChangedV1>;
export type ContactTierChanged = z.infer<typeof contactTierChangedV1>;
