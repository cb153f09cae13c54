import libmime from 'libmime';
import { clip, EMAIL_LIMITS } from './email-limits';

/**
 * A provider's separate subject field. Providers pass it decoded, but RFC 2047 words are
 * decoded again in case one passed the header through as is; text without `=?…?=` is
 * unchanged. Null when the provider sent no such field.
 */
export function subjectField(value: string | null): string | null {
  if (value === null) return null;
  return clip(libmime.decodeWords(value.trim()), EMAIL_LIMITS.subject);
}
