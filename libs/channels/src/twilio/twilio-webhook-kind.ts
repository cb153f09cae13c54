import { field, hasField, type TwilioParams } from './twilio-form';

/**
 * Twilio posts inbound messages and status callbacks of our own sends in the same form format.
 * A status callback carries `MessageStatus` and never a `Body`; inbound messages always carry
 * `Body` (empty for media only), and their `SmsStatus=received` is not a delivery report.
 */
export function isStatusCallback(params: TwilioParams): boolean {
  return field(params, 'MessageStatus') !== null && !hasField(params, 'Body');
}

/** Which address is ours: the recipient of an inbound message, the sender of our own message. */
export function ourAddressField(params: TwilioParams): 'To' | 'From' {
  return isStatusCallback(params) ? 'From' : 'To';
}
