import type { ParsedInbound } from '../parsed-inbound';
import type { JsonReader } from './json-reader';
import { slackAttachments } from './slack-files';
import { LIMITS } from './slack-limits';
import { slackMessageId } from './slack-message-id';
import { readSlackTs, slackTsToIso } from './slack-ts';

/**
 * A person's new message, in a channel or a DM.
 *
 * `threadRef` is the thread's root as a message id (`<channel>:<thread_ts>`), so it equals the
 * root's own `providerMessageId`. A root arrives without `thread_ts` (Slack adds it only once
 * replies exist), so the root gets null and each reply points at it; Slack's unqualified
 * `thread_ts` would be ambiguous across channels. `thread_ts === ts` (a root seen again after
 * replies) yields the same ref as its replies, which is what we want.
 *
 * `text` is Slack mrkdwn as sent (`&lt;`, `<@U…>`, `<url|label>`): turning it into display text
 * is normalization's job, not the gateway's.
 */
export function slackMessageReceived(event: JsonReader, raw: unknown): ParsedInbound {
  const channel = event.string('channel', LIMITS.slackId);
  const ts = readSlackTs(event, 'ts');
  const threadTs = event.has('thread_ts') ? readSlackTs(event, 'thread_ts') : null;
  return {
    type: 'inbound.message_received',
    data: {
      channel: 'slack',
      raw,
      providerMessageId: slackMessageId(channel, ts),
      sender: {
        externalId: event.string('user', LIMITS.externalId),
        displayName: null,
        phone: null,
        email: null,
      },
      threadRef: threadTs === null ? null : slackMessageId(channel, threadTs),
      // A thread reply is in a thread, not a quote of one message: threadRef says it.
      replyToProviderMessageId: null,
      text: event.optionalText('text', LIMITS.text) ?? '',
      html: null,
      attachments: slackAttachments(event),
      location: null,
      email: null,
      sentAt: slackTsToIso(ts),
    },
  };
}
