import type { InboundMessageReceived, InboundSender } from '@switchboard/contracts';
import type { ParsedInbound } from '../parsed-inbound';
import { telegramAttachments } from './telegram-attachments';
import { telegramMessageId } from './telegram-message-id';
import type { TelegramMessage } from './telegram-update.schema';
import { clip } from '../contract-limits';

type InboundLocation = NonNullable<InboundMessageReceived['location']>;

/**
 * A message to the bot, or null when it carries nothing a conversation shows (a member joined,
 * a pin, a poll: service messages and content types we do not handle).
 */
export function telegramMessageReceived(
  message: TelegramMessage,
  raw: unknown,
): ParsedInbound | null {
  const attachments = telegramAttachments(message);
  const location = telegramLocation(message);
  const text = message.text ?? message.caption ?? '';
  if (text === '' && attachments.length === 0 && location === null) return null;
  const { chat } = message;
  return {
    type: 'inbound.message_received',
    data: {
      channel: 'telegram',
      raw,
      providerMessageId: telegramMessageId(chat.id, message.message_id),
      sender: telegramSender(message.from),
      threadRef: message.message_thread_id === undefined ? null : String(message.message_thread_id),
      replyToProviderMessageId: message.reply_to_message
        ? telegramMessageId(chat.id, message.reply_to_message.message_id)
        : null,
      text,
      html: null,
      attachments,
      location,
      email: null,
      sentAt: new Date(message.date * 1000).toISOString(),
    },
  };
}

function telegramSender(from: TelegramMessage['from']): InboundSender {
  const fullName = [from.first_name, from.last_name].filter(Boolean).join(' ');
  const displayName = fullName || from.username || null;
  // Telegram shows no phone number for a user unless they share a contact.
  return {
    externalId: String(from.id),
    displayName: displayName && clip(displayName, 256),
    phone: null,
    email: null,
  };
}

/** A venue is a location with a name; a plain location has none. */
function telegramLocation(message: TelegramMessage): InboundLocation | null {
  if (message.venue) {
    const { location, title, address } = message.venue;
    return {
      latitude: location.latitude,
      longitude: location.longitude,
      name: title || null,
      address: address || null,
    };
  }
  if (message.location) {
    const { latitude, longitude } = message.location;
    return { latitude, longitude, name: null, address: null };
  }
  return null;
}
