import type { JsonReader } from './json-reader';
import { isBotMessage } from './slack-bot';
import { LIMITS } from './slack-limits';
import { slackMessageChanged } from './slack-message-changed';
import { slackMessageDeleted } from './slack-message-deleted';
import { slackMessageReceived } from './slack-message-received';
import { ignored, type SlackOutcome } from './slack-outcome';

/**
 * Subtypes that are still a person writing: an upload with its comment, a thread reply also
 * sent to the channel, a `/me` message. Everything else (channel_join, channel_topic, pins…)
 * is workspace noise, not a customer message.
 */
const PERSON_SUBTYPES: ReadonlySet<string> = new Set([
  'file_share',
  'thread_broadcast',
  'me_message',
]);

/** One `event.type: message` event, by subtype. */
export function slackMessageEvent(event: JsonReader, raw: unknown): SlackOutcome {
  const subtype = event.optionalString('subtype', LIMITS.slackId);
  if (isBotMessage(event)) return ignored('message from a bot (bot_id or subtype bot_message)');
  if (subtype === 'message_changed') return slackMessageChanged(event, raw);
  if (subtype === 'message_deleted') return slackMessageDeleted(event, raw);
  if (subtype === null || PERSON_SUBTYPES.has(subtype)) return slackMessageReceived(event, raw);
  return ignored(`message subtype "${subtype}" is not a person's message`);
}
