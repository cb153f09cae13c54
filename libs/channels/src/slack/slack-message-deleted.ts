import type { JsonReader } from './json-reader';
import { isBotMessage } from './slack-bot';
import { LIMITS } from './slack-limits';
import { slackMessageId } from './slack-message-id';
import { ignored, type SlackOutcome } from './slack-outcome';
import { readSlackTs, slackTsToIso } from './slack-ts';

/**
 * `subtype: message_deleted`: `deleted_ts` names the message, the event's own `ts` is when it
 * was deleted. A bot's message was never taken in, so its deletion is not news either.
 */
export function slackMessageDeleted(event: JsonReader, raw: unknown): SlackOutcome {
  const channel = event.string('channel', LIMITS.slackId);
  const previous = event.optionalObject('previous_message');
  if (previous !== null && isBotMessage(previous)) {
    return ignored('message_deleted of a bot message');
  }
  return {
    type: 'inbound.message_deleted',
    data: {
      channel: 'slack',
      raw,
      providerMessageId: slackMessageId(channel, readSlackTs(event, 'deleted_ts')),
      deletedAt: slackTsToIso(readSlackTs(event, 'ts')),
    },
  };
}
