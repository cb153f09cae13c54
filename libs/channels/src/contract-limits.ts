import {
  inboundAttachmentSchema,
  inboundEmailSchema,
  inboundLocationSchema,
  inboundMessageReceivedV1,
  inboundReactionReceivedV1,
  inboundSenderSchema,
  inboundStatusReceivedV1,
} from '@switchboard/contracts';

/**
 * The inbound contract's limits, read from its schemas so they cannot drift. Adapters enforce
 * or clip to them: an event the codec rejected later would be lost, the provider's request
 * having been acknowledged.
 */
function maxOf(schema: { maxLength: number | null }): number {
  if (schema.maxLength === null) throw new Error('contract string field has no maximum');
  return schema.maxLength;
}

const message = inboundMessageReceivedV1.shape;
const sender = inboundSenderSchema.shape;
const attachment = inboundAttachmentSchema.shape;
const location = inboundLocationSchema.shape;
const email = inboundEmailSchema.shape;
const status = inboundStatusReceivedV1.shape;

export const INBOUND_LIMITS = {
  providerMessageId: maxOf(message.providerMessageId),
  text: maxOf(message.text),
  html: maxOf(message.html.unwrap()),
  /** `attachments: z.array(…).max(100)`; zod 4 does not expose an array's maximum. */
  attachments: 100,
  externalId: maxOf(sender.externalId),
  displayName: maxOf(sender.displayName.unwrap()),
  phone: maxOf(sender.phone.unwrap()),
  url: maxOf(attachment.url.unwrap()),
  mediaId: maxOf(attachment.providerMediaId.unwrap()),
  fileName: maxOf(attachment.name.unwrap()),
  contentType: maxOf(attachment.contentType.unwrap()),
  contentId: maxOf(attachment.contentId.unwrap()),
  placeName: maxOf(location.name.unwrap()),
  /** A location's street address. */
  address: maxOf(location.address.unwrap()),
  emoji: maxOf(inboundReactionReceivedV1.shape.emoji.unwrap()),
  errorCode: maxOf(status.errorCode.unwrap()),
  errorMessage: maxOf(status.errorMessage.unwrap()),
  messageId: maxOf(email.messageId.unwrap()),
  idListEntry: maxOf(email.inReplyTo.element),
  subject: maxOf(email.subject.unwrap()),
  emailAddress: maxOf(email.to.element),
  replyToken: maxOf(email.replyToken.unwrap()),
  fullText: maxOf(email.fullText),
} as const;

/** Cuts to `max` UTF-16 units (the contract's measure) without splitting a surrogate pair. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
