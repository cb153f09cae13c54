import { createHmac } from 'node:crypto';
import type { WebhookRequest } from '../../webhook-request';

/** A provider's POST as the gateway hands it to an adapter. */
export function emailRequest(rawBody: Buffer, headers: Record<string, string>): WebhookRequest {
  return {
    method: 'POST',
    url: 'https://switchboard.example/webhooks/email',
    headers,
    query: {},
    routeKey: null,
    rawBody,
  };
}

export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** One part of a multipart body built by `multipartBody`. */
export interface TestPart {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body written out by hand, independently of the reader under test. */
export function multipartBody(boundary: string, parts: readonly TestPart[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    const type = part.contentType === undefined ? '' : `\r\nContent-Type: ${part.contentType}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`,
        'utf8',
      ),
      typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : part.value,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** application/x-www-form-urlencoded, percent-encoding every byte outside the unreserved set. */
export function urlencodedBody(fields: ReadonlyArray<readonly [string, string | Buffer]>): Buffer {
  const encode = (value: string | Buffer): string =>
    [...(typeof value === 'string' ? Buffer.from(value, 'utf8') : value)]
      .map((byte) =>
        /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte))
          ? String.fromCharCode(byte)
          : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('');
  return Buffer.from(fields.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&'));
}

export const TEST_MAILGUN_KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';

/** Mailgun's signature fields, computed here with node:crypto as Mailgun's docs describe. */
export function mailgunSignatureFields(
  signedAt: Date,
  token = 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0',
  key = TEST_MAILGUN_KEY,
): Array<[string, string]> {
  const timestamp = String(Math.floor(signedAt.getTime() / 1000));
  const signature = createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');
  return [
    ['timestamp', timestamp],
    ['token', token],
    ['signature', signature],
  ];
}
