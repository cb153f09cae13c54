import type { JsonReader } from './json-reader';
import { isBotMessage } from './slack-bot';
import { LIMITS } from './slack-limits';
import { slackMessageId } from './slack-message-id';
import { ignored, type SlackOutcome } from './slack-outcome';
import { readSlackTs, slackTsToIso } from './slack-ts';

/**
 * `subtype: message_changed`. Slack sends it for far more than edits: link unfurls (see the
 * fixture: same text, `attachments` added, no `edited`), reply counts on a thread root, and
 * the tombstone left when a root with replies is deleted. Only a change of text is an edit.
 */
export function slackMessageChanged(event: JsonReader, raw: unknown): SlackOutcome {
  const channel = event.string('channel', LIMITS.slackId);
  const message = event.object('message');
  if (isBotMessage(message)) return ignored('message_changed of a bot message');
  const providerMessageId = slackMessageId(channel, readSlackTs(message, 'ts'));
  const changedAt = slackTsToIso(readSlackTs(event, 'ts'));

  // Deleting a thread root that has replies turns it into a "This message was deleted."
  // tombstone instead of sending message_deleted.
  if (message.optionalString('subtype', LIMITS.slackId) === 'tombstone') {
    return {
      type: 'inbound.message_deleted',
      data: { channel: 'slack', raw, providerMessageId, deletedAt: changedAt },
    };
  }

  const text = message.optionalText('text', LIMITS.text) ?? '';
  const edited = message.optionalObject('edited');
  const previousText =
    event.optionalObject('previous_message')?.optionalText('text', LIMITS.text, { clip: true }) ??
    null;
  // Without the previous text, only Slack's `edited` marker tells an edit from an unfurl.
  const isEdit = previousText === null ? edited !== null : text !== previousText;
  if (!isEdit) return ignored('message_changed without a text change (unfurl or thread metadata)');
  return {
    type: 'inbound.message_edited',
    data: {
      channel: 'slack',
      raw,
      providerMessageId,
      text,
      editedAt: edited === null ? changedAt : slackTsToIso(readSlackTs(edited, 'ts')),
    },
  };
}
