import type { ParsedMail } from 'mailparser';
import type { ParsedInbound } from '../parsed-inbound';
import { contentDigest } from './content-digest';
import { isDeliveryReport, readDeliveryReport } from './delivery-report';
import type { EmailContent } from './email-content';
import { emailMessageReceived } from './email-message';
import type { EmailReading } from './email-reading';
import { readHeaderFacts } from './header-facts';
import { mimeAttachments } from './mime-attachments';
import { parseMessageId } from './message-id';
import { readMime } from './read-mime';

export interface ParseEmailOptions {
  /** Stamps a delivery report that carries no date of its own. */
  now: Date;
  /** The envelope recipient (RCPT TO), when the provider tells it. */
  recipient?: string;
}

/**
 * One raw RFC 5322 / MIME message as inbound events: an `inbound.message_received`, or for a
 * delivery status notification an `inbound.status_received` about the mail it reports on.
 * A message mailparser cannot read, or one without a sender, throws `WebhookInputError`.
 */
export async function parseEmail(
  raw: Buffer,
  options: ParseEmailOptions,
): Promise<ParsedInbound[]> {
  return (await readEmail(raw, options)).events;
}

/** `parseEmail` for the adapters: also says why nothing was extracted, and the mail's own key. */
export async function readEmail(raw: Buffer, options: ParseEmailOptions): Promise<EmailReading> {
  const mail = await readMime(raw);
  const digest = contentDigest(raw);
  const messageKey = parseMessageId(mail.messageId) ?? digest;
  if (isDeliveryReport(mail)) {
    return { ...(await readDeliveryReport(mail, options.now)), messageKey };
  }
  const content = mimeContent(mail, digest, options.recipient);
  return { events: [emailMessageReceived(content)], messageKey };
}

function mimeContent(
  mail: ParsedMail,
  digest: string,
  recipient: string | undefined,
): EmailContent {
  return {
    ...readHeaderFacts(mail),
    fallbackId: digest,
    text: mail.text ?? null,
    providerVisibleText: null,
    html: typeof mail.html === 'string' ? mail.html : null,
    attachments: mimeAttachments(mail.attachments),
    envelopeRecipients: recipient === undefined ? [] : [recipient],
    providerReplyToken: null,
  };
}
