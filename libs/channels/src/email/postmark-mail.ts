import type { InboundAttachment } from '@switchboard/contracts';
import { isDeliveryReport } from './delivery-report';
import type { EmailContent } from './email-content';
import { clip, EMAIL_LIMITS } from './email-limits';
import { emailMessageReceived } from './email-message';
import type { EmailReading } from './email-reading';
import { readHeaderFacts } from './header-facts';
import { readHeaderPairs } from './header-block';
import { parseMailDate } from './mail-date';
import { mailbox, parseMailboxes, type Mailbox } from './mailbox';
import { contentIdOf } from './mime-attachments';
import type { PostmarkInbound } from './postmark-payload';

/**
 * Postmark's inbound JSON as the same event raw MIME gives. `Headers` holds the headers
 * Postmark did not lift into fields (Message-ID, In-Reply-To, References, Auto-Submitted…),
 * read by the same rules as raw MIME. Postmark's `MessageID` is its own id: it stands in for
 * a missing RFC Message-ID, being stable across Postmark's retries.
 */
export async function postmarkMail(payload: PostmarkInbound): Promise<EmailReading> {
  const pairs = (payload.Headers ?? []).map(({ Name, Value }) => [Name, Value] as const);
  const headers = await readHeaderPairs(pairs, 'Headers');
  const facts = readHeaderFacts(headers);
  const messageKey = facts.messageId ?? `postmark:${payload.MessageID}`;
  if (isDeliveryReport(headers)) {
    return {
      events: [],
      ignoredBecause: 'DSN: Postmark reports bounces by its bounce webhook',
      messageKey,
    };
  }
  const from = payload.FromFull ? mailboxOf(payload.FromFull) : parseMailboxes(payload.From)[0];
  const hash = payload.MailboxHash?.trim() ?? '';
  const content: EmailContent = {
    ...facts,
    from: from ?? facts.from,
    to: payload.ToFull ? payload.ToFull.flatMap(mailboxList) : facts.to,
    cc: payload.CcFull ? payload.CcFull.flatMap(mailboxList) : facts.cc,
    subject: payload.Subject ? clip(payload.Subject, EMAIL_LIMITS.subject) : facts.subject,
    sentAt: parseMailDate(payload.Date) ?? facts.sentAt,
    fallbackId: messageKey,
    text: payload.TextBody ?? null,
    providerVisibleText: payload.StrippedTextReply ?? null,
    html: payload.HtmlBody ?? null,
    attachments: postmarkAttachments(payload),
    envelopeRecipients: payload.OriginalRecipient ? [payload.OriginalRecipient] : [],
    // Postmark lifts the part after "+" of its inbound address out for us.
    providerReplyToken: hash !== '' && hash.length <= EMAIL_LIMITS.replyToken ? hash : null,
  };
  return { events: [emailMessageReceived(content)], messageKey };
}

function mailboxOf(full: { Email: string; Name?: string | null }): Mailbox | undefined {
  return mailboxList(full)[0];
}

function mailboxList(full: { Email: string; Name?: string | null }): Mailbox[] {
  return mailbox(full.Email, full.Name);
}

/** The size is that of the decoded content when present (ContentLength is Postmark's claim). */
function postmarkAttachments(payload: PostmarkInbound): InboundAttachment[] {
  return (payload.Attachments ?? []).slice(0, EMAIL_LIMITS.attachments).map((attachment) => {
    const content = attachment.Content;
    const size = content ? Buffer.from(content, 'base64').length : attachment.ContentLength;
    const type = attachment.ContentType?.split(';')[0].trim().toLowerCase();
    return {
      url: null,
      providerMediaId: null,
      name: attachment.Name ? clip(attachment.Name, EMAIL_LIMITS.fileName) : null,
      contentType: type ? clip(type, EMAIL_LIMITS.contentType) : null,
      size: size ?? null,
      contentId: contentIdOf(attachment.ContentID?.replace(/^cid:/i, '')),
    };
  });
}
