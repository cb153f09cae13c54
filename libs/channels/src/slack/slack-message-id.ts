/**
 * Our id for a Slack message. A `ts` is unique only within its conversation, so the channel
 * (C…, G…, D…) is part of it; `chat.update`, `chat.delete` and threaded replies need both.
 */
export function slackMessageId(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}
