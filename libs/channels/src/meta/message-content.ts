import type { InboundAttachment, InboundMessageReceived } from '@switchboard/contracts';
import { LIMITS } from './contract-limits';
import type { JsonField } from './json-field';

export type InboundLocation = NonNullable<InboundMessageReceived['location']>;

/** What a message says, whichever Meta channel it came from. */
export interface MessageContent {
  text: string;
  attachments: InboundAttachment[];
  location: InboundLocation | null;
}

export function textContent(text: string): MessageContent {
  return { text, attachments: [], location: null };
}

/**
 * Something the customer really sent but the API will not show us (a poll, a first message
 * from a click-to-WhatsApp ad, an edit while Meta has edits switched off). Dropping it would
 * leave the customer unanswered, so it becomes a message an agent can see and follow up.
 */
export function unsupportedContent(what: string | null): MessageContent {
  return textContent(what === null ? '[unsupported message]' : `[unsupported message: ${what}]`);
}

export function attachment(
  fields: Partial<Pick<InboundAttachment, 'url' | 'providerMediaId' | 'name' | 'contentType'>>,
): InboundAttachment {
  return {
    url: fields.url ?? null,
    providerMediaId: fields.providerMediaId ?? null,
    name: fields.name ?? null,
    contentType: fields.contentType ?? null,
    size: null,
    contentId: null,
  };
}

/** A location with the contract's ranges checked, so a bad coordinate names its field. */
export function readLocation(
  latitude: JsonField,
  longitude: JsonField,
  name: JsonField,
  address: JsonField,
): InboundLocation {
  return {
    latitude: coordinate(latitude, 90),
    longitude: coordinate(longitude, 180),
    name: name.optionalText(LIMITS.placeName, { clip: true }),
    address: address.optionalText(LIMITS.address, { clip: true }),
  };
}

function coordinate(field: JsonField, bound: number): number {
  const value = field.optionalNumber();
  if (value === null) throw field.error('is required');
  if (Math.abs(value) > bound) throw field.error(`must be between -${bound} and ${bound}`);
  return value;
}
