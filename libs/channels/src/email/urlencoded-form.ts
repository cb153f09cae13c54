import type { FormPart } from './form-part';

const PLUS = 0x2b;
const PERCENT = 0x25;
const AMPERSAND = 0x26;
const EQUALS = 0x3d;

/**
 * `application/x-www-form-urlencoded` (WHATWG URL §5.1) decoded to bytes, not strings:
 * Mailgun's `body-mime` is a whole 8-bit MIME message, which a UTF-8 decode would damage.
 */
export function parseUrlEncoded(body: Buffer): FormPart[] {
  const parts: FormPart[] = [];
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf(AMPERSAND, start);
    if (end < 0) end = body.length;
    if (end > start) {
      const pair = body.subarray(start, end);
      const equals = pair.indexOf(EQUALS);
      const name = percentDecode(equals < 0 ? pair : pair.subarray(0, equals)).toString('utf8');
      const value = equals < 0 ? Buffer.alloc(0) : percentDecode(pair.subarray(equals + 1));
      parts.push({ name, value, filename: null, contentType: null });
    }
    start = end + 1;
  }
  return parts;
}

function percentDecode(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === PLUS) {
      out[length++] = 0x20;
    } else if (byte === PERCENT && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out[length++] = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
      i += 2;
    } else {
      out[length++] = byte;
    }
  }
  return out.subarray(0, length);
}

function isHex(byte: number | undefined): boolean {
  return (
    byte !== undefined &&
    ((byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x46) ||
      (byte >= 0x61 && byte <= 0x66))
  );
}
