import type { DeliveryStatus } from '@switchboard/contracts';
import type { ParsedWebhook } from '../parsed-inbound';
import { parseTwilioAddress } from './twilio-address';
import { clip, field, identifier, requiredField, type TwilioParams } from './twilio-form';

/**
 * Twilio's MessageStatus values that say something about delivery. `accepted` (a Messaging
 * Service took it) and `scheduled` both mean "not sent yet", which is our `queued`.
 */
const DELIVERY_STATUS = new Map<string, DeliveryStatus>([
  ['accepted', 'queued'],
  ['scheduled', 'queued'],
  ['queued', 'queued'],
  ['sending', 'sending'],
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['undelivered', 'undelivered'],
  ['failed', 'failed'],
]);

/**
 * A delivery report for one of our sends. Twilio puts no event time in it, so `now` (the
 * gateway's clock) stands for when it happened. The status is part of the delivery id: each
 * status of a message is its own delivery, while a retry of the same one is accepted once.
 */
export function parseTwilioStatusCallback(params: TwilioParams, now: Date): ParsedWebhook {
  const messageSid = identifier(requiredField(params, 'MessageSid'), 'MessageSid', 998);
  const messageStatus = identifier(requiredField(params, 'MessageStatus'), 'MessageStatus', 64);
  const { channel } = parseTwilioAddress(requiredField(params, 'From'), 'From');
  parseTwilioAddress(requiredField(params, 'To'), 'To');
  const deliveryId = `${messageSid}:${messageStatus}`;
  const status = DELIVERY_STATUS.get(messageStatus);
  if (status === undefined) {
    // Twilio adds statuses without notice (canceled, partially_delivered…): log, don't reject.
    return {
      deliveryId,
      events: [],
      ignoredBecause: `MessageStatus "${messageStatus}" is not a delivery status we track`,
    };
  }
  const errorCode = field(params, 'ErrorCode');
  const errorMessage = field(params, 'ErrorMessage');
  return {
    deliveryId,
    events: [
      {
        type: 'inbound.status_received',
        data: {
          channel,
          raw: { ...params },
          providerMessageId: messageSid,
          status,
          errorCode: errorCode ? identifier(errorCode, 'ErrorCode', 64) : null,
          errorMessage: errorMessage ? clip(errorMessage, 2_048) : null,
          occurredAt: now.toISOString(),
        },
      },
    ],
  };
}
