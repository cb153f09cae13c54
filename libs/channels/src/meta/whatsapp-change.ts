import type { JsonField } from './json-field';
import { ignored, type MetaItemOutcome } from './meta-item-outcome';
import { whatsAppMessage } from './whatsapp-message';
import { whatsAppStatus } from './whatsapp-status';

/** One `changes[].value` of field `messages`: every message and every status in it. */
export function whatsAppChange(value: JsonField): MetaItemOutcome[] {
  value.object();
  // Read once: each message finds its sender's profile here.
  const contacts = value.at('contacts').optionalArray();
  const outcomes = [
    ...value
      .at('messages')
      .optionalArray()
      .map((message) => whatsAppMessage(message, contacts)),
    ...value.at('statuses').optionalArray().map(whatsAppStatus),
  ];
  return outcomes.length > 0 ? outcomes : [ignored(null, 'change without messages or statuses')];
}
