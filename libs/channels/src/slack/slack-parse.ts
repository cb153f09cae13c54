import { toStorableDeep } from '@switchboard/contracts';
import type { ParsedWebhook } from '../parsed-inbound';
import type { WebhookRequest } from '../webhook-request';
import { JsonReader } from './json-reader';
import { LIMITS } from './slack-limits';
import { slackMessageEvent } from './slack-message-event';

/** An Events API delivery: one envelope, one event. */
export function parseSlackWebhook(request: WebhookRequest): ParsedWebhook {
  const body = JsonReader.parse(request.rawBody);
  const type = body.string('type', LIMITS.slackId);
  switch (type) {
    case 'event_callback':
      return parseEventCallback(body);
    // Names no team, so the gateway answers it with slackUrlVerification before destination.
    case 'url_verification':
      return body.fail('type', 'url_verification is answered by slackUrlVerification, not parsed');
    // Slack tells us it dropped events for a minute; nothing to take in, but not malformed.
    case 'app_rate_limited':
      return {
        deliveryId: `app_rate_limited:${body.string('team_id', LIMITS.slackId)}:${rateLimitedMinute(body)}`,
        events: [],
        ignoredBecause: 'app_rate_limited: Slack dropped events for this minute',
      };
    default:
      return body.fail('type', `"${type}" is not an Events API envelope type`);
  }
}

function parseEventCallback(body: JsonReader): ParsedWebhook {
  // A retry (X-Slack-Retry-Num) repeats the same event_id, and the headers are not read here,
  // so the gateway accepts a retried event once.
  const deliveryId = body.string('event_id', LIMITS.slackId);
  const event = body.object('event');
  const eventType = event.string('type', LIMITS.slackId);
  // app_mention repeats a message that also arrives as `message` (message.channels scope),
  // and the other event types carry nothing a customer wrote.
  if (eventType !== 'message') {
    return { deliveryId, events: [], ignoredBecause: `event type "${eventType}" is not handled` };
  }
  const outcome = slackMessageEvent(event, toStorableDeep(withoutToken(body.value)));
  if ('ignoredBecause' in outcome) {
    return { deliveryId, events: [], ignoredBecause: outcome.ignoredBecause };
  }
  return { deliveryId, events: [outcome] };
}

function rateLimitedMinute(body: JsonReader): number {
  return (
    body.optionalNonNegativeInteger('minute_rate_limited') ??
    body.fail('minute_rate_limited', 'is missing')
  );
}

/**
 * The payload kept as `raw` for audit (cleaned of what jsonb cannot store), minus the legacy
 * verification `token`: a credential that would let anyone reading the event log forge
 * requests to apps still checking it.
 */
function withoutToken(envelope: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(envelope).filter(([key]) => key !== 'token'));
}
