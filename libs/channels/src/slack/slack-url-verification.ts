import type { WebhookRequest } from '../webhook-request';
import { JsonReader } from './json-reader';
import { LIMITS } from './slack-limits';

/**
 * The `challenge` to echo when Slack checks a Request URL (`type: url_verification`), or null
 * for every other body. Call it only after `verify` succeeded: Bolt's receivers answer the
 * challenge after checking the signature too, and echoing unverified input proves nothing.
 * Answer 200 with `{"challenge": <value>}` as JSON, as Bolt does.
 */
export function slackUrlVerification(request: WebhookRequest): string | null {
  const body = JsonReader.parse(request.rawBody);
  if (body.optionalString('type', LIMITS.slackId) !== 'url_verification') return null;
  return body.string('challenge', LIMITS.slackId);
}
