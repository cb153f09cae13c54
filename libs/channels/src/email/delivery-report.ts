import { toStorableDeep, type DeliveryStatus } from '@switchboard/contracts';
import type { ParsedMail, StructuredHeader } from 'mailparser';
import type { ParsedInbound } from '../parsed-inbound';
import { clip, EMAIL_LIMITS } from './email-limits';
import type { EmailReading } from './email-reading';
import { readHeaderFacts } from './header-facts';
import { parseMailDate } from './mail-date';
import { partType } from './mime-attachments';
import { readMime } from './read-mime';

/** RFC 3464 delivery status notification: `multipart/report; report-type=delivery-status`. */
export function isDeliveryReport(mail: ParsedMail): boolean {
  const contentType = mail.headers.get('content-type') as Partial<StructuredHeader> | undefined;
  const reportType: unknown = contentType?.params?.['report-type'];
  return (
    String(contentType?.value ?? '').toLowerCase() === 'multipart/report' &&
    String(reportType ?? '').toLowerCase() === 'delivery-status'
  );
}

type DeliveryReading = Omit<EmailReading, 'messageKey'>;

/** Fields only a per-recipient block has (RFC 3464 §2.3); some MTAs omit the blank line. */
const RECIPIENT_FIELDS = ['final-recipient', 'original-recipient', 'action', 'status'];

const STATUS_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);
const ORIGINAL_PARTS = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);

/**
 * A bounce or other DSN about a mail we sent, as `inbound.status_received` for that mail: its
 * Message-ID comes from the original headers the report attaches. It is never a message from
 * a person. Of several recipients the first that failed is reported (our mail has one).
 */
export async function readDeliveryReport(mail: ParsedMail, now: Date): Promise<DeliveryReading> {
  const statusPart = mail.attachments.find((part) => STATUS_PARTS.has(partType(part)));
  if (statusPart === undefined) return { events: [], ignoredBecause: 'DSN without a status part' };
  const blocks = fieldBlocks(statusPart.content.toString('utf8'));
  const perRecipient = blocks.filter((fields) => RECIPIENT_FIELDS.some((name) => fields.has(name)));
  const perMessage = blocks.find((fields) => !perRecipient.includes(fields));
  const recipient =
    perRecipient.find((fields) => fields.get('action')?.toLowerCase() === 'failed') ??
    perRecipient[0];
  if (recipient === undefined) return { events: [], ignoredBecause: 'DSN names no recipient' };
  const code = statusCode(recipient.get('status'));
  const status = deliveryStatus(recipient.get('action'), code);
  if (status === null)
    return { events: [], ignoredBecause: 'DSN reports no outcome yet (delayed)' };
  const originalId = await originalMessageId(mail);
  if (originalId === null) {
    return { events: [], ignoredBecause: 'DSN without the Message-ID of the bounced mail' };
  }
  const facts = readHeaderFacts(mail);
  const occurredAt =
    parseMailDate(recipient.get('last-attempt-date')) ??
    parseMailDate(perMessage?.get('arrival-date')) ??
    facts.sentAt ??
    now.toISOString();
  const diagnostic = diagnosticText(recipient.get('diagnostic-code'));
  const failed = status === 'failed';
  const event: ParsedInbound = toStorableDeep({
    type: 'inbound.status_received',
    data: {
      channel: 'email',
      raw: { headers: facts.headers, deliveryStatus: Object.fromEntries(recipient) },
      providerMessageId: originalId,
      status,
      errorCode: failed && code !== null ? clip(code, EMAIL_LIMITS.errorCode) : null,
      errorMessage:
        failed && diagnostic !== null ? clip(diagnostic, EMAIL_LIMITS.errorMessage) : null,
      occurredAt,
    },
  });
  return { events: [event] };
}

/** The status part's field groups (per-message first, then one per recipient), unfolded. */
function fieldBlocks(text: string): Array<Map<string, string>> {
  const unfolded = text.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, ' ');
  return unfolded
    .split(/\n[ \t]*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        if (colon > 0 && !fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

/** The RFC 3463 enhanced code (`5.1.1`) out of a Status field that may carry a comment. */
function statusCode(status: string | undefined): string | null {
  return /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(status ?? '')?.[0] ?? null;
}

/**
 * RFC 3464 Action to our delivery status: failed is final, delivered is delivered, relayed or
 * expanded means handed on to a system that will not report back. Delayed is no outcome yet
 * (the MTA keeps trying), so it yields no event. Without an Action, the code's class decides.
 */
function deliveryStatus(action: string | undefined, code: string | null): DeliveryStatus | null {
  switch (action?.toLowerCase()) {
    case 'failed':
      return 'failed';
    case 'delivered':
      return 'delivered';
    case 'relayed':
    case 'expanded':
      return 'sent';
    case 'delayed':
      return null;
  }
  if (code?.startsWith('5')) return 'failed';
  if (code?.startsWith('2')) return 'delivered';
  return null;
}

/** Diagnostic-Code without its diagnostic-type (`smtp; 550 5.1.1 …` → `550 5.1.1 …`). */
function diagnosticText(value: string | undefined): string | null {
  const text = value?.replace(/^[a-z0-9-]+\s*;\s*/i, '').trim() ?? '';
  return text === '' ? null : text;
}

/** The Message-ID from the original message or headers the report carries. */
async function originalMessageId(mail: ParsedMail): Promise<string | null> {
  const original = mail.attachments.find((part) => ORIGINAL_PARTS.has(partType(part)));
  if (original === undefined) return null;
  // Only the header block is read: the body may be cut short by the reporting MTA.
  const headers = await readMime(headerBlock(original.content));
  return readHeaderFacts(headers).messageId;
}

/** The header block with the blank line that ends it (CRLF or bare LF), or all of it. */
function headerBlock(content: Buffer): Buffer {
  const ends = [
    { at: content.indexOf('\r\n\r\n'), length: 4 },
    { at: content.indexOf('\n\n'), length: 2 },
  ].filter((end) => end.at >= 0);
  if (ends.length === 0) return content;
  const first = ends.reduce((a, b) => (b.at < a.at ? b : a));
  return content.subarray(0, first.at + first.length);
}
