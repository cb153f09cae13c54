import { z } from 'zod';
import { CHANNELS } from '../channel';
import { storableString } from '../storable-text';

/**
 * What the gateway accepted from a channel, before normalization: the provider's facts in one
 * shape for every channel. `raw` keeps the provider payload for audit.
 */
const instant = z.iso.datetime({ offset: true });

const inboundBase = {
  channel: z.enum(CHANNELS),
  /** Our channel account row (the tenant's Twilio number, Slack channel, inbox…); null for the API channel. */
  channelAccountId: z.uuid().nullable(),
  raw: z.unknown(),
};

export const inboundSenderSchema = z.object({
  /** The sender's id on the channel, as the provider gives it (phone, PSID, Slack user, address). */
  externalId: storableString().min(1).max(512),
  displayName: storableString().max(256).nullable(),
  /** A phone number the provider vouches for (Twilio From, WhatsApp wa_id), not yet E.164. */
  phone: storableString().max(64).nullable(),
  email: storableString().max(320).nullable(),
});

export const inboundAttachmentSchema = z.object({
  /** Where the provider serves it (Twilio MediaUrl, Slack url_private, Meta URL). */
  url: storableString().max(4_096).nullable(),
  /** An id to fetch it by (WhatsApp media id, Telegram file_id). */
  providerMediaId: storableString().max(512).nullable(),
  name: storableString().max(1_024).nullable(),
  contentType: storableString().max(255).nullable(),
  size: z.number().int().nonnegative().nullable(),
  /** Email inline parts: the Content-ID the HTML refers to. */
  contentId: storableString().max(998).nullable(),
});

export const inboundLocationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: storableString().max(1_024).nullable(),
  address: storableString().max(2_048).nullable(),
});

/** Email-only facts used for threading and loop protection. */
export const inboundEmailSchema = z.object({
  messageId: storableString().max(998).nullable(),
  inReplyTo: z.array(storableString().max(998)),
  /** Oldest first, as in the header. */
  references: z.array(storableString().max(998)),
  subject: storableString().max(4_096).nullable(),
  to: z.array(storableString().max(320)),
  cc: z.array(storableString().max(320)),
  /** The `<token>` of a `reply+<token>@…` recipient, or of the plus-addressed inbox delivered to. */
  replyToken: storableString().max(256).nullable(),
  /** Auto-Submitted, X-Autoreply, Precedence bulk/junk/list: never opens a conversation. */
  automated: z.boolean(),
  /** The full text before quoted replies and signatures were stripped. */
  fullText: storableString().max(1_000_000),
});

export const inboundMessageReceivedV1 = z.object({
  ...inboundBase,
  providerMessageId: storableString().min(1).max(998),
  sender: inboundSenderSchema,
  /** The channel's own thread (Slack thread_ts, Telegram topic); null when it has none. */
  threadRef: storableString().max(512).nullable(),
  /** The provider id of the message this one replies to, if the channel says so. */
  replyToProviderMessageId: storableString().max(998).nullable(),
  /** Plain text for display (email: quoted replies and signature stripped). */
  text: storableString().max(1_000_000),
  /** Sanitized HTML, safe to render; null when the message had none. */
  html: storableString().max(5_000_000).nullable(),
  attachments: z.array(inboundAttachmentSchema).max(100),
  location: inboundLocationSchema.nullable(),
  email: inboundEmailSchema.nullable(),
  sentAt: instant.nullable(),
  receivedAt: instant,
});

export const inboundMessageEditedV1 = z.object({
  ...inboundBase,
  providerMessageId: storableString().min(1).max(998),
  text: storableString().max(1_000_000),
  editedAt: instant,
});

export const inboundMessageDeletedV1 = z.object({
  ...inboundBase,
  providerMessageId: storableString().min(1).max(998),
  deletedAt: instant,
});

export const DELIVERY_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'undelivered',
  'failed',
] as const;

/** A provider's delivery report for one of our outbound messages. */
export const inboundStatusReceivedV1 = z.object({
  ...inboundBase,
  providerMessageId: storableString().min(1).max(998),
  status: z.enum(DELIVERY_STATUSES),
  errorCode: storableString().max(64).nullable(),
  errorMessage: storableString().max(2_048).nullable(),
  occurredAt: instant,
});

export const inboundReactionReceivedV1 = z.object({
  ...inboundBase,
  /** The message reacted to. */
  providerMessageId: storableString().min(1).max(998),
  sender: inboundSenderSchema,
  /** null when the reaction was removed. */
  emoji: storableString().max(64).nullable(),
  occurredAt: instant,
});

export type InboundMessageReceived = z.infer<typeof inboundMessageReceivedV1>;
export type InboundMessageEdited = z.infer<typeof inboundMessageEditedV1>;
export type InboundMessageDeleted = z.infer<typeof inboundMessageDeletedV1>;
export type InboundStatusReceived = z.infer<typeof inboundStatusReceivedV1>;
export type InboundReactionReceived = z.infer<typeof inboundReactionReceivedV1>;
export type InboundSender = z.infer<typeof inboundSenderSchema>;
export type InboundAttachment = z.infer<typeof inboundAttachmentSchema>;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
