import type { ParsedMail } from 'mailparser';
import { readMime } from './read-mime';

/** A header name as RFC 5322 allows it: printable ASCII except the colon. */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/**
 * A provider's separately delivered headers, read by mailparser as a message with no body, so
 * they are decoded (RFC 2047 words, address lists, folded In-Reply-To) exactly like raw MIME.
 */
export function readHeaderText(text: string, field: string): Promise<ParsedMail> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // A blank line would end the header block early; the headers never contain one.
  const block = lines.filter((line) => line.trim() !== '').join('\r\n');
  return readMime(Buffer.from(`${block}\r\n\r\n`, 'utf8'), field);
}

/** The same for name/value pairs (Mailgun `message-headers`, Postmark `Headers`). */
export function readHeaderPairs(
  pairs: ReadonlyArray<readonly [string, string]>,
  field: string,
): Promise<ParsedMail> {
  const lines = pairs
    .filter(([name]) => FIELD_NAME.test(name))
    // A line break inside a value would start a header of the sender's choosing.
    .map(([name, value]) => `${name}: ${value.replace(/[\r\n]+/g, ' ')}`);
  return readHeaderText(lines.join('\n'), field);
}
