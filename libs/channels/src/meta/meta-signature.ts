import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerificationResult } from '../parsed-inbound';
import { header, type WebhookRequest } from '../webhook-request';

export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

const SIGNATURE_FORMAT = /^sha256=([0-9a-fA-F]{64})$/;

/** The `X-Hub-Signature-256` value Meta would send for these bytes (also for tests and fakes). */
export function metaSignature(rawBody: Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Checks `X-Hub-Signature-256` over the raw bytes. Meta signs the body exactly as sent, with
 * non-ASCII escaped as `\uXXXX`; re-serialized JSON would not match, so never hash a parse.
 */
export function verifyMetaSignature(
  request: WebhookRequest,
  appSecret: string,
): VerificationResult {
  const received = header(request, META_SIGNATURE_HEADER);
  if (received === null || received.trim() === '') {
    return { ok: false, status: 401, reason: `${META_SIGNATURE_HEADER} header missing` };
  }
  // An empty secret is a setup mistake; anyone could sign with it, so fail closed.
  if (appSecret === '') return { ok: false, status: 403, reason: 'app secret not configured' };

  const match = SIGNATURE_FORMAT.exec(received.trim());
  if (!match) return { ok: false, status: 403, reason: `${META_SIGNATURE_HEADER} malformed` };

  const expected = createHmac('sha256', appSecret).update(request.rawBody).digest();
  const given = Buffer.from(match[1]!, 'hex');
  // Both are 32 bytes here (the format check guarantees it), as timingSafeEqual requires.
  return timingSafeEqual(expected, given)
    ? { ok: true }
    : { ok: false, status: 403, reason: `${META_SIGNATURE_HEADER} does not match` };
}
