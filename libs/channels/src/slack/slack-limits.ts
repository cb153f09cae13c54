import {
  inboundAttachmentSchema,
  inboundMessageReceivedV1,
  inboundSenderSchema,
} from '@switchboard/contracts';

/**
 * The inbound contract's limits that Slack values end up under, read from the schemas so they
 * cannot drift. Parsing enforces them: an event the adapter returns must not be rejected later
 * by the codec, after Slack's POST was already acknowledged.
 */
function maxOf(schema: { maxLength: number | null }): number {
  if (schema.maxLength === null) throw new Error('contract string field has no maximum');
  return schema.maxLength;
}

const message = inboundMessageReceivedV1.shape;
const attachment = inboundAttachmentSchema.shape;

export const LIMITS = {
  text: maxOf(message.text),
  /** `attachments: z.array(…).max(100)`; zod 4 does not expose an array's maximum. */
  attachments: 100,
  externalId: maxOf(inboundSenderSchema.shape.externalId),
  url: maxOf(attachment.url.unwrap()),
  mediaId: maxOf(attachment.providerMediaId.unwrap()),
  fileName: maxOf(attachment.name.unwrap()),
  contentType: maxOf(attachment.contentType.unwrap()),
  /**
   * Slack's own ids (team, channel, event, subtype…) are about a dozen characters; 255 is
   * generous and keeps `<channel>:<ts>` within threadRef's 512.
   */
  slackId: 255,
} as const;
