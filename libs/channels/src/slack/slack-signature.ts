import { verifySlackRequest } from '@slack/bolt';
import type { VerificationResult } from '../parsed-inbound';
import { header, type WebhookRequest } from '../webhook-request';
import type { SlackSecrets } from './slack-secrets';

const SIGNATURE = 'x-slack-signature';
const TIMESTAMP = 'x-slack-request-timestamp';

/**
 * Checks `X-Slack-Signature` (v0 HMAC-SHA256 of `v0:<timestamp>:<raw body>`) with Bolt's own
 * `verifySlackRequest`, so we match Slack's reference receivers exactly: requests signed more
 * than 5 minutes before `now` are stale (Bolt has no upper bound, nor do we), and the body is
 * hashed as UTF-8 text, as Bolt's receivers do.
 *
 * Every failure answers 401, as Bolt's HTTPReceiver and ExpressReceiver do: a missing, stale or
 * wrong signature all mean "not proven to come from Slack". Slack retries non-2xx answers, so a
 * clock-skewed or mis-keyed account shows up as retries in the logs with the reason below.
 */
export function verifySlackSignature(
  request: WebhookRequest,
  secrets: SlackSecrets,
  now: Date,
): VerificationResult {
  // An empty secret would make Bolt throw for every request: that is our misconfiguration,
  // not the caller's fault, so it surfaces as an error (500) instead of a quiet 401.
  if (!secrets.signingSecret) throw new Error('Slack signing secret is empty');
  const signature = header(request, SIGNATURE);
  const timestamp = header(request, TIMESTAMP);
  if (signature === null || timestamp === null) {
    return { ok: false, status: 401, reason: `missing ${SIGNATURE} or ${TIMESTAMP} header` };
  }
  // Bolt turns the header into a number with Number(), which accepts "1e9" or " 42"; we want
  // exactly the digits Slack signed.
  if (!/^\d{1,15}$/.test(timestamp)) {
    return { ok: false, status: 401, reason: `malformed ${TIMESTAMP} header` };
  }
  try {
    verifySlackRequest({
      signingSecret: secrets.signingSecret,
      body: request.rawBody.toString('utf8'),
      headers: { [SIGNATURE]: signature, [TIMESTAMP]: Number(timestamp) },
      nowMilliseconds: now.getTime(),
    });
    return { ok: true };
  } catch (error) {
    // Bolt's messages say which rule failed ("… request is stale", "… signature mismatch").
    return {
      ok: false,
      status: 401,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}
