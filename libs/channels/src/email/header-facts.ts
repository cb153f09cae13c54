import type { AddressObject, HeaderLines, ParsedMail } from 'mailparser';
import { isAutomated, type HeaderValues } from './automated-mail';
import type { EmailHeaderFacts } from './email-content';
import { clip, EMAIL_LIMITS } from './email-limits';
import { parseMailDate } from './mail-date';
import { mailboxesOf } from './mailbox';
import { parseMessageId, parseMessageIds } from './message-id';

/**
 * The header facts of a message mailparser has read: a whole MIME message, or just a header
 * block a provider passed along (SendGrid `headers`, Mailgun `message-headers`, Postmark
 * `Headers`), so every provider's mail is interpreted by the same rules.
 */
export function readHeaderFacts(mail: ParsedMail): EmailHeaderFacts {
  const values = headerValues(mail.headerLines);
  const sender = mail.headers.get('sender') as AddressObject | undefined;
  return {
    messageId: parseMessageId(mail.messageId),
    from: mailboxesOf(mail.from)[0] ?? mailboxesOf(sender)[0] ?? null,
    to: mailboxesOf(mail.to),
    cc: mailboxesOf(mail.cc),
    subject: mail.subject === undefined ? null : clip(mail.subject, EMAIL_LIMITS.subject),
    // mailparser hands In-Reply-To over unparsed: it may list several ids, comma-separated.
    inReplyTo: parseMessageIds(mail.inReplyTo),
    references: parseMessageIds(mail.references),
    automated: isAutomated(values),
    // Read from the header itself: mailparser puts the current time in for an unreadable date.
    sentAt: parseMailDate(values('date')[0]),
    headers: mail.headerLines.map((line) => [line.key, unfoldedValue(line.line)]),
  };
}

/** Every raw value of a header, unfolded, in message order. */
export function headerValues(lines: HeaderLines): HeaderValues {
  return (name) =>
    lines.filter((line) => line.key === name).map((line) => unfoldedValue(line.line));
}

function unfoldedValue(line: string): string {
  const colon = line.indexOf(':');
  return line
    .slice(colon + 1)
    .replace(/\r?\n[ \t]*/g, ' ')
    .trim();
}
