import { WebhookInputError } from '../webhook-input.error';
import type { FormPart } from './form-part';
import { parseHeaderParams } from './header-params';

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const SPACE = 0x20;
const TAB = 0x09;
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * A `multipart/form-data` body (RFC 7578 over RFC 2046), read synchronously from the buffered
 * request. The adapters need form fields in `destination` and `verify`, which are synchronous,
 * and the same reader serves `parse`, so routing, verification and parsing can never disagree
 * about what a field holds. Values stay bytes: SendGrid names each field's charset separately.
 * Lines must end in CRLF, as the RFC and every provider's sender do.
 */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const dashBoundary = Buffer.from(`--${boundary}`, 'latin1');
  let position = firstBoundaryEnd(body, dashBoundary);
  const parts: FormPart[] = [];
  for (;;) {
    if (body[position] === DASH && body[position + 1] === DASH) return parts;
    position = lineEnd(body, position);
    if (position < 0) throw malformed('a boundary line has trailing garbage');
    const next = nextDelimiter(body, dashBoundary, position);
    if (next < 0) throw malformed('the body ends without its closing boundary');
    const part = readPart(body.subarray(position, next));
    if (part !== null) parts.push(part);
    position = next + 2 + dashBoundary.length;
  }
}

/** Where the first dash-boundary ends: at the very start, or after a preamble and CRLF. */
function firstBoundaryEnd(body: Buffer, dashBoundary: Buffer): number {
  if (body.subarray(0, dashBoundary.length).equals(dashBoundary)) return dashBoundary.length;
  const at = nextDelimiter(body, dashBoundary, 0);
  if (at < 0) throw malformed('the boundary from Content-Type never occurs');
  return at + 2 + dashBoundary.length;
}

/**
 * The next CRLF + dash-boundary that really is a delimiter: followed by `--`, or by optional
 * transport padding and CRLF. A longer line that merely starts with the boundary is content.
 */
function nextDelimiter(body: Buffer, dashBoundary: Buffer, from: number): number {
  const delimiter = Buffer.concat([Buffer.from('\r\n'), dashBoundary]);
  for (let at = body.indexOf(delimiter, from); at >= 0; at = body.indexOf(delimiter, at + 1)) {
    const after = at + delimiter.length;
    if (body[after] === DASH && body[after + 1] === DASH) return at;
    if (lineEnd(body, after) >= 0) return at;
  }
  return -1;
}

/** Skips transport padding (spaces, tabs) and the CRLF after a boundary; -1 when not there. */
function lineEnd(body: Buffer, from: number): number {
  let position = from;
  while (body[position] === SPACE || body[position] === TAB) position++;
  return body[position] === CR && body[position + 1] === LF ? position + 2 : -1;
}

function readPart(bytes: Buffer): FormPart | null {
  let headerText = '';
  let value: Buffer;
  if (bytes[0] === CR && bytes[1] === LF) {
    value = bytes.subarray(2);
  } else {
    const end = bytes.indexOf(HEADER_END);
    if (end < 0) throw malformed('a part has no blank line after its headers');
    headerText = bytes.subarray(0, end).toString('utf8');
    value = bytes.subarray(end + HEADER_END.length);
  }
  const headers = readHeaders(headerText);
  const disposition = headers.get('content-disposition');
  // RFC 7578 §4.2: a part without form-data disposition and a name is not a field; skip it.
  if (disposition === undefined) return null;
  const { value: type, params } = parseHeaderParams(disposition);
  if (type !== 'form-data' || params.name === undefined) return null;
  const filename = params.filename === undefined ? null : baseName(params.filename);
  return { name: params.name, value, filename, contentType: headers.get('content-type') ?? null };
}

/** Part headers, unfolded; names lower-cased, the first occurrence of each kept. */
function readHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** Browsers once sent full client paths (`C:\Users\…\a.pdf`); only the file's name is kept. */
function baseName(filename: string): string {
  return filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
}

function malformed(problem: string): WebhookInputError {
  return new WebhookInputError('body', `multipart/form-data: ${problem}`);
}
