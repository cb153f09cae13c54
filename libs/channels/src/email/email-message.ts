import { toStorableDeep } from '@switchboard/contracts';
import type { ParsedInbound } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import type { EmailContent } from './email-content';
import { clip, EMAIL_LIMITS } from './email-limits';
import { htmlToText } from './html-text';
import { addressList, plusTokenOf, replyTokenOf } from './mailbox';
import { sanitizeEmailHtml } from './safe-html';
import { visibleText } from './visible-text';

/**
 * The `inbound.message_received` event for one email, whichever way it arrived. Every string
 * is made storable (no NUL, no broken surrogates): mail carries whatever bytes its sender
 * chose, and an event PostgreSQL refused would be lost after the POST was acknowledged.
 */
export function emailMessageReceived(content: EmailContent): ParsedInbound {
  const from = content.from;
  if (from === null) throw new WebhookInputError('from', 'the mail names no sender address');
  const sender = from.address.toLowerCase();
  if (sender.length > EMAIL_LIMITS.externalId) {
    throw new WebhookInputError('from', 'the sender address is longer than any real one');
  }
  const html = safeHtml(content.html);
  const fullText = bodyText(content.text, html);
  const provided = content.providerVisibleText?.trim() ?? '';
  const to = addressList(content.to);
  const cc = addressList(content.cc);
  return toStorableDeep<ParsedInbound>({
    type: 'inbound.message_received',
    data: {
      channel: 'email',
      raw: { headers: content.headers },
      providerMessageId: content.messageId ?? content.fallbackId,
      sender: {
        externalId: sender,
        displayName: from.name === null ? null : clip(from.name, EMAIL_LIMITS.displayName),
        phone: null,
        email: sender,
      },
      // Email threads through the Message-ID headers below, not a provider thread id.
      threadRef: null,
      replyToProviderMessageId: content.inReplyTo[0] ?? null,
      text: clip(provided === '' ? visibleText(fullText) : provided, EMAIL_LIMITS.text),
      html,
      attachments: content.attachments.slice(0, EMAIL_LIMITS.attachments),
      location: null,
      email: {
        messageId: content.messageId,
        inReplyTo: content.inReplyTo,
        references: content.references,
        subject: content.subject,
        to,
        cc,
        replyToken:
          replyTokenOf(tokenCandidates(content)) ??
          plusTokenOf(content.envelopeRecipients) ??
          content.providerReplyToken,
        automated: content.automated,
        fullText: clip(fullText, EMAIL_LIMITS.fullText),
      },
      sentAt: content.sentAt,
    },
  });
}

/** Where our `reply+<token>@` address may appear; the envelope first, as it is where the mail went. */
function tokenCandidates(content: EmailContent): string[] {
  const mailboxes = [...content.to, ...content.cc].map((mailbox) => mailbox.address);
  return [...content.envelopeRecipients, ...mailboxes];
}

/** Sanitized HTML, or null when nothing renderable is left or it exceeds the contract. */
function safeHtml(html: string | null): string | null {
  if (html === null) return null;
  const safe = sanitizeEmailHtml(html);
  return safe === '' || safe.length > EMAIL_LIMITS.html ? null : safe;
}

/** The text/plain body; HTML-only mail is rendered to text from its sanitized HTML. */
function bodyText(text: string | null, safe: string | null): string {
  if (text !== null && text.trim() !== '') return text.replace(/\r\n?/g, '\n');
  return safe === null ? '' : htmlToText(safe);
}
