import { WebhookInputError } from '../webhook-input.error';
import { identifier } from './twilio-form';

export type TwilioChannel = 'sms' | 'whatsapp';

export interface TwilioAddress {
  channel: TwilioChannel;
  /** The number without its channel prefix (E.164, a short code, or an alphanumeric sender). */
  address: string;
}

const WHATSAPP_PREFIX = 'whatsapp:';
/** Phone numbers and sender ids never contain ':', so anything before one is a channel prefix. */
const CHANNEL_PREFIX = /^[^:]*:/;
/** The contract's cap on `sender.phone`. */
const MAX_ADDRESS_LENGTH = 64;

/** Splits `whatsapp:+3161…` / `+3161…` into channel and number; other Twilio channels are not ours. */
export function parseTwilioAddress(value: string, key: string): TwilioAddress {
  let channel: TwilioChannel = 'sms';
  let address = value;
  if (value.startsWith(WHATSAPP_PREFIX)) {
    channel = 'whatsapp';
    address = value.slice(WHATSAPP_PREFIX.length);
  } else if (CHANNEL_PREFIX.test(value)) {
    throw new WebhookInputError(
      key,
      `unsupported channel prefix "${CHANNEL_PREFIX.exec(value)?.[0]}"`,
    );
  }
  if (address.length === 0) throw new WebhookInputError(key, 'no number after the prefix');
  return { channel, address: identifier(address, key, MAX_ADDRESS_LENGTH) };
}
