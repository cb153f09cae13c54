import type { InboundAttachment } from '@switchboard/contracts';
import type { Mailbox } from './mailbox';

/** The header facts every inbound email has, whichever provider or format delivered it. */
export interface EmailHeaderFacts {
  /** The RFC 5322 Message-ID without angle brackets; null when the message has none. */
  messageId: string | null;
  /** From, or Sender when From is missing. */
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string | null;
  inReplyTo: string[];
  /** Oldest first, as in the header. */
  references: string[];
  automated: boolean;
  sentAt: string | null;
  /** Header name (lower-case) and unfolded value pairs, kept as the event's `raw` for audit. */
  headers: Array<[string, string]>;
}

/** One inbound email, normalised from raw MIME or a provider's pre-parsed fields. */
export interface EmailContent extends EmailHeaderFacts {
  /**
   * The provider message id to use when there is no Message-ID: a digest of what was
   * received, so a retried delivery maps to the same id.
   */
  fallbackId: string;
  /** The text/plain body; null when the mail had HTML only. */
  text: string | null;
  /** The provider's own quote-stripped text (Mailgun stripped-text), when it sent one. */
  providerVisibleText: string | null;
  /** The HTML body as received, not yet sanitized. */
  html: string | null;
  attachments: InboundAttachment[];
  /** Envelope recipients (RCPT TO), which may carry our reply token when To does not. */
  envelopeRecipients: string[];
  /** A reply token the provider extracted itself (Postmark's MailboxHash). */
  providerReplyToken: string | null;
}
