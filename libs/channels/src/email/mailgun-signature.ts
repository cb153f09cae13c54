import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerificationResult } from '../parsed-inbound';
import type { FormBody } from './form-body';

export interface MailgunSecrets {
  /** The account's HTTP webhook signing key (not the API key). */
  signingKey: string;
}

/** How far `timestamp` may be from our clock, either way (a replay window, and clock skew). */
const MAX_SKEW_SECONDS = 5 * 60;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Mailgun's signature: hex HMAC-SHA256(signing key, timestamp + token). It covers neither the
 * body nor the recipient, so it proves only that Mailgun sent *a* post recently; the token is
 * single-use by Mailgun's rules, which the gateway can enforce by remembering tokens for the
 * window below (this function is pure and keeps no state).
 */
export function verifyMailgunSignature(
  form: FormBody,
  secrets: MailgunSecrets,
  now: Date,
): VerificationResult {
  const timestamp = form.text('timestamp') ?? '';
  const token = form.text('token') ?? '';
  const signature = form.text('signature') ?? '';
  if (timestamp === '' || token === '' || signature === '') {
    return { ok: false, status: 401, reason: 'no Mailgun signature fields' };
  }
  if (secrets.signingKey === '') {
    return { ok: false, status: 403, reason: 'no Mailgun signing key configured for this account' };
  }
  if (!HEX_SHA256.test(signature))
    return { ok: false, status: 403, reason: 'bad Mailgun signature' };
  const expected = createHmac('sha256', secrets.signingKey)
    .update(timestamp + token)
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return { ok: false, status: 403, reason: 'bad Mailgun signature' };
  }
  // Checked after the signature, so a forged post is reported as forged, not as late.
  const age = now.getTime() / 1000 - Number(timestamp);
  if (!/^\d{1,15}$/.test(timestamp) || Math.abs(age) > MAX_SKEW_SECONDS) {
    return { ok: false, status: 403, reason: 'stale Mailgun timestamp' };
  }
  return { ok: true };
}
