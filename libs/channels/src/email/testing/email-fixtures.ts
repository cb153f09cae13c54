import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Byte-exact copies of /work/shared/fixtures/email (the .eml files and reply-text/) and
 * /work/shared/fixtures/email-inbound (under inbound/); provenance in that folder's SOURCES.md.
 */
export const EML_FIXTURES = [
  'chatwoot_autoreply_arabic_base64_multi_in_reply_to.eml',
  'mail_reply_references_in_reply_to.eml',
  'mailparser_dsn_bounce_ses.eml',
  'mailparser_html_only_spam_broken_boundary.eml',
  'mailparser_iso8859_8bit_forwarded_rfc822.eml',
  'mailparser_nodemailer_unicode_inline_images_attachments.eml',
  'mmp_html_only_iso8859_qp.eml',
  'mmp_windows1252_qp_subject_body.eml',
  'talon_reply_outlook_iso8859_html.eml',
] as const;

export const REPLY_TEXT_FIXTURES = [
  'reply-text/email_gmail_split_line_from.txt',
  'reply-text/email_tricky_9_nested_quotes.txt',
] as const;

export const INBOUND_FIXTURES = [
  'inbound/postmark_inbound_attachments_escaped_slashes.json',
  'inbound/sendgrid_parse_default.multipart.txt',
  'inbound/sendgrid_parse_raw.multipart.txt',
] as const;

export type EmailFixture =
  | (typeof EML_FIXTURES)[number]
  | (typeof REPLY_TEXT_FIXTURES)[number]
  | (typeof INBOUND_FIXTURES)[number];

const FIXTURE_DIR = join(__dirname, '..', '..', '..', 'test-fixtures', 'email');

export function emailFixture(name: EmailFixture): Buffer {
  return readFileSync(join(FIXTURE_DIR, name));
}
