import type { JsonReader } from './json-reader';
import { LIMITS } from './slack-limits';

/**
 * Messages posted by any app, ours or another tenant integration's. Bolt's `ignoreSelf` only
 * drops our own bot; another bot in the channel must not open conversations or loop with ours.
 * Bot users can carry a `user` id too (see the bot fixture), so `user` proves nothing.
 */
export function isBotMessage(message: JsonReader): boolean {
  return (
    message.has('bot_id') || message.optionalString('subtype', LIMITS.slackId) === 'bot_message'
  );
}
