import type { InboundMessageReceived } from '@switchboard/contracts';
import { WebhookInputError } from '../webhook-input.error';
import { clip, field, type TwilioParams } from './twilio-form';

type InboundLocation = NonNullable<InboundMessageReceived['location']>;

/** A plain decimal, as Twilio writes coordinates; `Number()` alone would accept "", "0x1f", "Infinity". */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** WhatsApp shared locations: `Latitude`/`Longitude`, with `Label` and `Address` for a place. */
export function twilioLocation(params: TwilioParams): InboundLocation | null {
  const latitude = field(params, 'Latitude');
  const longitude = field(params, 'Longitude');
  if (latitude === null && longitude === null) return null;
  return {
    latitude: coordinate(latitude, 'Latitude', 90),
    longitude: coordinate(longitude, 'Longitude', 180),
    name: optionalText(field(params, 'Label'), 1_024),
    address: optionalText(field(params, 'Address'), 2_048),
  };
}

function coordinate(value: string | null, key: string, bound: number): number {
  if (value === null) throw new WebhookInputError(key, 'missing while the other coordinate is set');
  const number = Number(value);
  if (!DECIMAL.test(value) || Math.abs(number) > bound) {
    throw new WebhookInputError(key, `not a coordinate within ±${bound}: "${value}"`);
  }
  return number;
}

function optionalText(value: string | null, max: number): string | null {
  return value ? clip(value, max) : null;
}
