import { createHash, timingSafeEqual } from 'node:crypto';
import type { VerificationResult } from '../parsed-inbound';
import { header, type WebhookRequest } from '../webhook-request';

/**
 * Credentials we put in the webhook URL we give SendGrid or Postmark
 * (`https://user:password@…`): neither signs its inbound posts, so HTTP Basic auth over TLS
 * is what proves a post came from the provider we configured.
 */
export interface BasicAuthSecrets {
  basicAuthUser: string;
  basicAuthPassword: string;
}

const BASIC = /^basic\s+([a-z0-9+/=_-]*)\s*$/i;

/** No credentials → 401 (the client should send some); wrong credentials → 403. */
export function verifyBasicAuth(
  request: WebhookRequest,
  secrets: BasicAuthSecrets,
): VerificationResult {
  // Empty configured credentials would let `Authorization: Basic Og==` (":") in.
  if (secrets.basicAuthUser === '' || secrets.basicAuthPassword === '') {
    return { ok: false, status: 403, reason: 'no Basic credentials configured for this account' };
  }
  const match = BASIC.exec(header(request, 'authorization') ?? '');
  if (match === null) return { ok: false, status: 401, reason: 'no Basic credentials' };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  // Both compared, always: a mismatch in either must take the same time.
  const userOk = constantTimeEqual(user, secrets.basicAuthUser);
  const passwordOk = constantTimeEqual(password, secrets.basicAuthPassword);
  return userOk && passwordOk
    ? { ok: true }
    : { ok: false, status: 403, reason: 'wrong Basic credentials' };
}

/** Hashing first gives `timingSafeEqual` equal lengths and hides the secret's length. */
function constantTimeEqual(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
