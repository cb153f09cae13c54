import {
  inboundAttachmentSchema,
  inboundLocationSchema,
  inboundMessageReceivedV1,
  inboundReactionReceivedV1,
  inboundSenderSchema,
  inboundStatusReceivedV1,
} from '@switchboard/contracts';

/**
 * The inbound contract's string limits, read from its schemas so they cannot drift. Parsing
 * enforces them: an event the adapter returns must not be rejected later by the codec,
 * where the whole POST would already have been acknowledged.
 */
function maxOf(schema: { maxLength: number | null }): number {
  if (schema.maxLength === null) throw new Error('contract string field has no maximum');
  return schema.maxLength;
}

const message = inboundMessageReceivedV1.shape;
const sender = inboundSenderSchema.shape;
const attachment = inboundAttachmentSchema.shape;
const location = inboundLocationSchema.shape;
const status = inboundStatusReceivedV1.shape;

export const LIMITS = {
  providerMessageId: maxOf(message.providerMessageId),
  text: maxOf(message.text),
  externalId: maxOf(sender.externalId),
  displayName: maxOf(sender.displayName.unwrap()),
  phone: maxOf(sender.phone.unwrap()),
  url: maxOf(attachment.url.unwrap()),
  mediaId: maxOf(attachment.providerMediaId.unwrap()),
  fileName: maxOf(attachment.name.unwrap()),
  contentType: maxOf(attachment.contentType.unwrap()),
  placeName: maxOf(location.name.unwrap()),
  address: maxOf(location.address.unwrap()),
  emoji: maxOf(inboundReactionReceivedV1.shape.emoji.unwrap()),
  errorCode: maxOf(status.errorCode.unwrap()),
  errorMessage: maxOf(status.errorMessage.unwrap()),
} as const;
