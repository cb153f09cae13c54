import { simpleParser, type ParsedMail } from 'mailparser';
import { WebhookInputError } from '../webhook-input.error';

/**
 * mailparser, set up for an inbound pipeline rather than a mail client:
 * - cid: links stay as they are (the app serves inline parts; data: URLs would bloat events),
 * - no HTML-to-text or text-to-HTML of its own (we render HTML-only mail from sanitized HTML),
 * - DSN status parts and attached messages stay attachments, so a bounce can be read from them
 *   instead of being merged into the body text,
 * - no checksums: nothing here uses them.
 */
const OPTIONS = {
  keepCidLinks: true,
  skipImageLinks: true,
  skipHtmlToText: true,
  skipTextToHtml: true,
  keepDeliveryStatus: true,
  ignoreEmbedded: true,
  checksumAlgo: false,
} as const;

/** Parses MIME bytes; a message mailparser cannot read is the sender's problem (400). */
export async function readMime(raw: Buffer | string, field = 'email'): Promise<ParsedMail> {
  try {
    return await simpleParser(raw, OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WebhookInputError(field, `unreadable MIME message: ${reason}`);
  }
}
