import type { ParsedWebhook } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import { telegramMessageEdited } from './telegram-edit';
import { telegramMessageReceived } from './telegram-message';
import {
  parseTelegramPart,
  telegramMessageSchema,
  telegramUpdateSchema,
} from './telegram-update.schema';

/** One Bot API `Update`: it carries exactly one of its optional fields besides update_id. */
export function parseTelegramUpdate(rawBody: Buffer): ParsedWebhook {
  const update = parseJsonObject(rawBody);
  const deliveryId = String(parseTelegramPart(telegramUpdateSchema, update, '').update_id);

  if (Object.hasOwn(update, 'message')) {
    const message = parseTelegramPart(telegramMessageSchema, update['message'], 'message');
    const event = telegramMessageReceived(message, update);
    return event
      ? { deliveryId, events: [event] }
      : {
          deliveryId,
          events: [],
          ignoredBecause:
            'message has no text, media or location (service message or unsupported content)',
        };
  }
  if (Object.hasOwn(update, 'edited_message')) {
    const message = parseTelegramPart(
      telegramMessageSchema,
      update['edited_message'],
      'edited_message',
    );
    const event = telegramMessageEdited(message, update);
    return event
      ? { deliveryId, events: [event] }
      : { deliveryId, events: [], ignoredBecause: 'live location update' };
  }
  // channel_post, callback_query, my_chat_member…: nothing a customer conversation uses yet.
  const kind = Object.keys(update).find((key) => key !== 'update_id') ?? 'empty';
  return { deliveryId, events: [], ignoredBecause: `update kind "${kind}" is not handled` };
}

function parseJsonObject(rawBody: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookInputError('body', 'not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WebhookInputError('body', 'not a JSON object');
  }
  return value as Record<string, unknown>;
}
