import { toStorableDeep } from '@switchboard/contracts';
import { LIMITS } from './contract-limits';
import type { JsonField } from './json-field';
import { emitted, ignored, type MetaItemOutcome } from './meta-item-outcome';
import { instantFromUnixSeconds } from './meta-time';
import { whatsAppContent } from './whatsapp-content';
import { whatsAppSender } from './whatsapp-sender';

const channel = 'whatsapp_cloud' as const;

/** One `value.messages[]` item: a message, or a reaction, edit or revoke of an earlier one. */
export function whatsAppMessage(
  message: JsonField,
  contacts: readonly JsonField[],
): MetaItemOutcome {
  message.object();
  const id = message.at('id').string(LIMITS.providerMessageId);
  const type = message.at('type').string(64);
  const at = instantFromUnixSeconds(message.at('timestamp'));
  // Kept for audit; cleaned like any text, or the jsonb column would refuse it.
  const raw = toStorableDeep(message.value);

  switch (type) {
    // Number changes and "user opened the chat" carry nothing an agent should answer.
    case 'system':
    case 'request_welcome':
      return ignored(id, `whatsapp ${type} message`);

    case 'reaction': {
      const reaction = message.at('reaction').object();
      return emitted(id, {
        type: 'inbound.reaction_received',
        data: {
          channel,
          raw,
          providerMessageId: reaction.at('message_id').string(LIMITS.providerMessageId),
          sender: whatsAppSender(message, contacts),
          // Meta removes a reaction by sending it again with an empty (or no) emoji.
          emoji: reaction.at('emoji').optionalText(LIMITS.emoji) || null,
          occurredAt: at,
        },
      });
    }

    case 'edit': {
      // Coexistence numbers only: `edit.message` is the whole new message.
      const edit = message.at('edit').object();
      const next = edit.at('message').object();
      return emitted(id, {
        type: 'inbound.message_edited',
        data: {
          channel,
          raw,
          providerMessageId: edit.at('original_message_id').string(LIMITS.providerMessageId),
          text: whatsAppContent(next, next.at('type').string(64)).text,
          editedAt: at,
        },
      });
    }

    case 'revoke':
      return emitted(id, {
        type: 'inbound.message_deleted',
        data: {
          channel,
          raw,
          providerMessageId: message
            .at('revoke')
            .object()
            .at('original_message_id')
            .string(LIMITS.providerMessageId),
          deletedAt: at,
        },
      });

    default: {
      const content = whatsAppContent(message, type);
      const context = message.at('context').optionalObject();
      return emitted(id, {
        type: 'inbound.message_received',
        data: {
          channel,
          raw,
          providerMessageId: id,
          sender: whatsAppSender(message, contacts),
          threadRef: null,
          // A forwarded message has a `context` without `id`: it replies to nothing.
          replyToProviderMessageId:
            context?.at('id').optionalString(LIMITS.providerMessageId) || null,
          text: content.text,
          html: null,
          attachments: content.attachments,
          location: content.location,
          email: null,
          sentAt: at,
        },
      });
    }
  }
}
