// The webhooks module alone, not the package root: the root loads the whole REST client
// (axios and ~230 modules) for a function that only needs node:crypto.
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { VerificationResult } from '../parsed-inbound';
import { header, type WebhookRequest } from '../webhook-request';
import { parseTwilioForm } from './twilio-form';

export interface TwilioSecrets {
  authToken: string;
}

/**
 * X-Twilio-Signature over the configured public URL and every form field received: Twilio adds
 * fields without notice, so a fixed list would reject genuine requests.
 */
export function verifyTwilioSignature(
  request: WebhookRequest,
  secrets: TwilioSecrets,
): VerificationResult {
  const signature = header(request, 'x-twilio-signature');
  if (!signature) return { ok: false, status: 401, reason: 'X-Twilio-Signature header missing' };
  // An empty HMAC key would let anyone sign; treat it as "cannot verify", never as a pass.
  if (!secrets.authToken)
    return { ok: false, status: 403, reason: 'no Twilio auth token configured' };
  let valid: boolean;
  try {
    valid = validateRequest(
      secrets.authToken,
      signature,
      request.url,
      parseTwilioForm(request.rawBody),
    );
  } catch {
    // The SDK's fallback parses the URL with `new URL()`, which throws on a relative one.
    return {
      ok: false,
      status: 403,
      reason: `signature not checkable against URL "${request.url}"`,
    };
  }
  return valid
    ? { ok: true }
    : { ok: false, status: 403, reason: 'X-Twilio-Signature does not match' };
}
