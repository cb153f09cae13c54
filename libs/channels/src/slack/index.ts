export { slackAdapter } from './slack.adapter';
export type { SlackSecrets } from './slack-secrets';
export { slackUrlVerification } from './slack-url-verification';
export { slackMessageId } from './slack-message-id';
