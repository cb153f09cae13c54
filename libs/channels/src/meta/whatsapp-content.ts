import { LIMITS } from './contract-limits';
import type { JsonField } from './json-field';
import {
  attachment,
  readLocation,
  textContent,
  unsupportedContent,
  type MessageContent,
} from './message-content';

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/**
 * The content of a WhatsApp Cloud message of `type` (also used for the new version inside an
 * `edit`). Reactions, edits and revokes are not content and are handled by the caller.
 */
export function whatsAppContent(message: JsonField, type: string): MessageContent {
  if (MEDIA_TYPES.has(type)) return media(message.at(type));
  switch (type) {
    case 'text':
      return textContent(message.at('text').object().at('body').text(LIMITS.text));
    case 'location': {
      const location = message.at('location').object();
      return {
        text: '',
        attachments: [],
        location: readLocation(
          location.at('latitude'),
          location.at('longitude'),
          location.at('name'),
          location.at('address'),
        ),
      };
    }
    case 'interactive':
      return interactive(message.at('interactive').object());
    case 'button':
      // A tap on a template's quick-reply button: `text` is the button's label.
      return textContent(message.at('button').object().at('text').text(LIMITS.text));
    case 'contacts': {
      const cards = message.at('contacts');
      const text = contactCards(cards.array());
      // Each card is within the limit; together they might not be.
      if (text.length > LIMITS.text)
        throw cards.error(`must total at most ${LIMITS.text} characters`);
      return textContent(text);
    }
    case 'unsupported':
    case 'unknown': {
      // `unsupported.type` says what it was (poll_creation, edit…); older payloads lack it.
      const detail = message.at('unsupported').optionalObject();
      return unsupportedContent(detail?.at('type').optionalText(64, { clip: true }) || type);
    }
    default:
      // order, and any type Meta adds later: the customer still wrote to us.
      return unsupportedContent(type);
  }
}

function media(field: JsonField): MessageContent {
  const media = field.object();
  const providerMediaId = media.at('id').optionalString(LIMITS.mediaId) || null;
  // Newer payloads (edits, some coexistence events) also carry a short-lived `url`.
  const url = media.at('url').optionalString(LIMITS.url) || null;
  if (providerMediaId === null && url === null) throw media.at('id').error('is required');
  return {
    text: media.at('caption').optionalText(LIMITS.text) ?? '',
    attachments: [
      attachment({
        url,
        providerMediaId,
        name: media.at('filename').optionalText(LIMITS.fileName, { clip: true }),
        contentType: media.at('mime_type').optionalString(LIMITS.contentType),
      }),
    ],
    location: null,
  };
}

/** Replies to our buttons, lists and flows: the text is what the customer saw and tapped. */
function interactive(interactive: JsonField): MessageContent {
  const kind = interactive.at('type').string(64);
  switch (kind) {
    case 'button_reply':
    case 'list_reply':
      return textContent(interactive.at(kind).object().at('title').text(LIMITS.text));
    case 'nfm_reply': {
      const reply = interactive.at('nfm_reply').object();
      const text =
        reply.at('body').optionalText(LIMITS.text) ?? reply.at('name').optionalText(LIMITS.text);
      return textContent(text ?? '');
    }
    default:
      return unsupportedContent(`interactive ${kind}`);
  }
}

/** Shared contact cards as "Name, +phone" lines; the contract has no field for vCards. */
function contactCards(cards: JsonField[]): string {
  const lines = cards.map((card) => {
    const name = card.object().at('name').optionalObject();
    const parts = [name?.at('formatted_name').optionalText(LIMITS.text) ?? null];
    for (const phone of card.at('phones').optionalArray()) {
      parts.push(phone.object().at('phone').optionalText(LIMITS.text));
    }
    return parts.filter((part): part is string => part !== null && part !== '').join(', ');
  });
  return lines.filter((line) => line !== '').join('\n');
}
