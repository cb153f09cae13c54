import type { InboundAttachment } from '@switchboard/contracts';
import { LIMITS } from './contract-limits';
import type { JsonField } from './json-field';
import {
  attachment,
  readLocation,
  unsupportedContent,
  type InboundLocation,
  type MessageContent,
} from './message-content';

/**
 * The content of a Messenger / Instagram `message`: its text (for a quick reply, the label
 * the customer tapped) and attachments, which Meta serves by URL with no MIME type.
 */
export function messagingContent(message: JsonField): MessageContent {
  const text = message.at('text').optionalText(LIMITS.text) ?? '';
  const attachments: InboundAttachment[] = [];
  let location: InboundLocation | null = null;

  for (const item of message.at('attachments').optionalArray()) {
    const type = item.object().at('type').optionalString(64);
    const payload = item.at('payload').optionalObject();
    if (payload === null) continue;
    const coordinates = payload.at('coordinates').optionalObject();
    if (type === 'location' && coordinates !== null) {
      // Retired by Messenger, but old clients still send it; cheap to keep.
      location = readLocation(
        coordinates.at('lat'),
        coordinates.at('long'),
        payload.at('title'),
        payload.at('address'),
      );
      continue;
    }
    const url = payload.at('url').optionalString(LIMITS.url) || null;
    // Templates and product cards have no file behind them: nothing to fetch or show.
    if (url === null) continue;
    const name = payload.at('title').optionalText(LIMITS.fileName, { clip: true });
    attachments.push(attachment({ url, name }));
  }

  // Instagram flags media it cannot hand to the API (e.g. some reels) with is_unsupported.
  const unsupported = message.at('is_unsupported').optionalBoolean();
  if (unsupported && text === '' && attachments.length === 0 && location === null) {
    return unsupportedContent(null);
  }
  return { text, attachments, location };
}
