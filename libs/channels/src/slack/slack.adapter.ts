import type { InboundChannelAdapter } from '../channel-adapter';
import { slackDestination } from './slack-destination';
import { parseSlackWebhook } from './slack-parse';
import type { SlackSecrets } from './slack-secrets';
import { verifySlackSignature } from './slack-signature';

/**
 * Slack's Events API (HTTP Request URL, JSON bodies). Interactivity payloads and slash
 * commands are form-encoded and go elsewhere; Socket Mode needs no webhook at all.
 */
export const slackAdapter: InboundChannelAdapter<SlackSecrets> = {
  destination: slackDestination,
  verify: verifySlackSignature,
  parse: parseSlackWebhook,
};
