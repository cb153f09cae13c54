import { createHmac } from 'node:crypto';
import type { WebhookRequest } from '../../webhook-request';

export const TEST_SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/**
 * A request as Slack sends it, signed here with node:crypto over the raw bytes, independently
 * of Bolt, so the adapter's Bolt-based check is tested against a second implementation.
 */
export function signedSlackRequest(
  rawBody: Buffer,
  options: { signedAt: Date; secret?: string; headers?: Record<string, string> },
): WebhookRequest {
  const timestamp = String(Math.floor(options.signedAt.getTime() / 1000));
  const hmac = createHmac('sha256', options.secret ?? TEST_SIGNING_SECRET);
  hmac.update(`v0:${timestamp}:`).update(rawBody);
  return {
    method: 'POST',
    url: 'https://switchboard.example/webhooks/slack',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': `v0=${hmac.digest('hex')}`,
      ...options.headers,
    },
    query: {},
    routeKey: null,
    rawBody,
  };
}

/** An unsigned request, for parse and destination, which never look at headers. */
export function slackRequest(rawBody: Buffer): WebhookRequest {
  return {
    method: 'POST',
    url: 'https://switchboard.example/webhooks/slack',
    headers: { 'content-type': 'application/json' },
    query: {},
    routeKey: null,
    rawBody,
  };
}
