import {
  inboundAttachmentSchema,
  inboundEmailSchema,
  inboundMessageReceivedV1,
  inboundSenderSchema,
  inboundStatusReceivedV1,
} from '@switchboard/contracts';

/**
 * The contract's limits, read from its schemas so they cannot drift. The adapters clip to them:
 * an event rejected later by the codec would be lost, the POST having been acknowledged.
 */
function maxOf(schema: { maxLength: number | null }): number {
  if (schema.maxLength === null) throw new Error('contract string field has no maximum');
  return schema.maxLength;
}

const message = inboundMessageReceivedV1.shape;
const email = inboundEmailSchema.shape;
const sender = inboundSenderSchema.shape;
const attachment = inboundAttachmentSchema.shape;
const status = inboundStatusReceivedV1.shape;

export const EMAIL_LIMITS = {
  providerMessageId: maxOf(message.providerMessageId),
  text: maxOf(message.text),
  html: maxOf(message.html.unwrap()),
  /** zod keeps no readable maximum on arrays; email-limits.spec.ts pins it to the schema. */
  attachments: 100,
  messageId: maxOf(email.messageId.unwrap()),
  idListEntry: maxOf(email.inReplyTo.element),
  subject: maxOf(email.subject.unwrap()),
  address: maxOf(email.to.element),
  replyToken: maxOf(email.replyToken.unwrap()),
  fullText: maxOf(email.fullText),
  externalId: maxOf(sender.externalId),
  displayName: maxOf(sender.displayName.unwrap()),
  fileName: maxOf(attachment.name.unwrap()),
  contentType: maxOf(attachment.contentType.unwrap()),
  contentId: maxOf(attachment.contentId.unwrap()),
  errorCode: maxOf(status.errorCode.unwrap()),
  errorMessage: maxOf(status.errorMessage.unwrap()),
} as const;

/** Cuts a string to the contract's limit without splitting a surrogate pair. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
