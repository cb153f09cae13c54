import { timingSafeEqual } from 'node:crypto';
import type { VerificationResult } from '../parsed-inbound';
import { header, type WebhookRequest } from '../webhook-request';

export interface TelegramSecrets {
  /** The `secret_token` given to setWebhook. */
  secretToken: string;
}

/**
 * Telegram signs nothing: it echoes the setWebhook `secret_token` in a header, so the check is
 * an equality test, made in constant time so response timing does not reveal the token.
 */
export function verifyTelegramSecret(
  request: WebhookRequest,
  secrets: TelegramSecrets,
): VerificationResult {
  const received = header(request, 'x-telegram-bot-api-secret-token');
  if (!received) {
    return { ok: false, status: 401, reason: 'X-Telegram-Bot-Api-Secret-Token header missing' };
  }
  const given = Buffer.from(received, 'utf8');
  const expected = Buffer.from(secrets.secretToken, 'utf8');
  // timingSafeEqual throws on different lengths; the length is no secret worth hiding (1–256).
  // An empty configured token never matches, since an empty header counts as missing.
  const valid = given.length === expected.length && timingSafeEqual(given, expected);
  return valid
    ? { ok: true }
    : { ok: false, status: 403, reason: 'X-Telegram-Bot-Api-Secret-Token does not match' };
}
