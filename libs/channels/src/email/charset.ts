import { decode } from 'libmime/lib/charset.js';

/**
 * Bytes in a named charset as text, decoded by libmime, the decoder mailparser uses for MIME
 * bodies, so a provider's separately posted fields read exactly like raw mail. It knows the
 * aliases mail uses (win-1252, ks_c_5601-1987…), decodes ISO-2022-JP, and falls back to UTF-8
 * for an unknown label rather than failing the message. (Node 20's WHATWG TextDecoder is no
 * substitute: it reads windows-1252 as ISO-8859-1, so 0x80 is not "€".)
 */
export function decodeText(bytes: Buffer, charset: string | null | undefined): string {
  const label = charset?.trim();
  return decode(bytes, label ? label : 'utf-8');
}
