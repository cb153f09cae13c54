import { z } from 'zod';
import { WebhookInputError } from '../webhook-input.error';
import { parseJsonText } from './json-text';

const mailbox = z.object({ Email: z.string(), Name: z.string().nullish() });

/**
 * The fields of Postmark's inbound JSON we read. Loose on purpose: Postmark adds fields, and
 * sends null or "" for absent ones, so only types are checked, never presence beyond what we
 * cannot do without.
 */
const postmarkInboundSchema = z.object({
  /** Postmark's own id for this inbound message, not the RFC Message-ID. */
  MessageID: z.string().min(1),
  From: z.string().nullish(),
  FromFull: mailbox.nullish(),
  ToFull: z.array(mailbox).nullish(),
  CcFull: z.array(mailbox).nullish(),
  OriginalRecipient: z.string().nullish(),
  Subject: z.string().nullish(),
  Date: z.string().nullish(),
  MailboxHash: z.string().nullish(),
  TextBody: z.string().nullish(),
  HtmlBody: z.string().nullish(),
  StrippedTextReply: z.string().nullish(),
  Headers: z.array(z.object({ Name: z.string(), Value: z.string() })).nullish(),
  Attachments: z
    .array(
      z.object({
        Name: z.string().nullish(),
        Content: z.string().nullish(),
        ContentType: z.string().nullish(),
        ContentLength: z.number().int().nonnegative().nullish(),
        ContentID: z.string().nullish(),
      }),
    )
    .nullish(),
});

export type PostmarkInbound = z.infer<typeof postmarkInboundSchema>;

/** The request body as Postmark inbound JSON; anything else is a malformed request. */
export function readPostmarkPayload(body: Buffer): PostmarkInbound {
  const result = postmarkInboundSchema.safeParse(parseJsonText(body.toString('utf8'), 'body'));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new WebhookInputError(issue.path.join('.') || 'body', issue.message);
  }
  return result.data;
}

/** Our inbound address: where Postmark received the mail, else the first To. */
export function postmarkRecipient(payload: PostmarkInbound): string {
  const address = (payload.OriginalRecipient || payload.ToFull?.[0]?.Email || '').trim();
  if (address === '') throw new WebhookInputError('OriginalRecipient', 'names no recipient');
  return address.toLowerCase();
}
