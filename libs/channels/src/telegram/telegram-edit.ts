import type { ParsedInbound } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import { telegramMessageId } from './telegram-message-id';
import type { TelegramMessage } from './telegram-update.schema';

/**
 * A new version of a message's text or caption, or null for a live-location update: Telegram
 * reports each position change of a shared live location as an edit, with no text.
 */
export function telegramMessageEdited(
  message: TelegramMessage,
  raw: unknown,
): ParsedInbound | null {
  if (message.edit_date === undefined) {
    throw new WebhookInputError('edited_message.edit_date', 'missing');
  }
  const text = message.text ?? message.caption;
  if (text === undefined && message.location !== undefined) return null;
  return {
    type: 'inbound.message_edited',
    data: {
      channel: 'telegram',
      raw,
      providerMessageId: telegramMessageId(message.chat.id, message.message_id),
      text: text ?? '',
      editedAt: new Date(message.edit_date * 1000).toISOString(),
    },
  };
}
