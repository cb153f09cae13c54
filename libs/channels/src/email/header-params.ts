/** A MIME header value with parameters: `form-data; name="file"; filename*=UTF-8''a%20b`. */
export interface ParameterizedValue {
  /** The part before the first `;`, lower-cased. */
  value: string;
  /** Parameter names lower-cased; RFC 5987 `name*` values decoded and stored under `name`. */
  params: Record<string, string>;
}

const PARAM = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
const EXTENDED = /^([^']*)'[^']*'(.*)$/;

/** Reads Content-Type and Content-Disposition values of form parts and requests. */
export function parseHeaderParams(header: string): ParameterizedValue {
  const semicolon = header.indexOf(';');
  const value = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  const extended: Record<string, string> = Object.create(null) as Record<string, string>;
  if (semicolon >= 0) {
    for (const [, rawName, rawValue] of header.slice(semicolon).matchAll(PARAM)) {
      const name = rawName.toLowerCase();
      if (name.endsWith('*')) {
        const decoded = decodeExtended(rawValue.trim());
        if (decoded !== null) extended[name.slice(0, -1)] = decoded;
      } else if (!(name in params)) {
        params[name] = unquote(rawValue.trim());
      }
    }
  }
  // RFC 6266 §4.3: the extended form wins when both are given.
  return { value, params: { ...params, ...extended } };
}

/**
 * Only `\"` and `\\` are unescaped: form senders do not escape other characters, and old
 * browsers send Windows paths (`C:\Users\a.txt`) whose backslashes must survive.
 */
function unquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(["\\])/g, '$1');
}

/** RFC 5987 `charset'language'percent-encoded`; only UTF-8 and ISO-8859-1 are defined. */
function decodeExtended(value: string): string | null {
  const match = EXTENDED.exec(unquote(value));
  if (match === null) return null;
  const charset = match[1].toLowerCase();
  const bytes = percentDecode(match[2]);
  if (charset === 'utf-8') return bytes.toString('utf8');
  if (charset === 'iso-8859-1') return bytes.toString('latin1');
  return null;
}

function percentDecode(value: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '%' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}
