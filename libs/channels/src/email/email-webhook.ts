import type { InboundChannelAdapter } from '../channel-adapter';
import type { ParsedWebhook } from '../parsed-inbound';
import type { WebhookRequest } from '../webhook-request';
import { contentDigest } from './content-digest';
import type { EmailReading } from './email-reading';

/** An inbound email provider: parsing MIME is asynchronous, so `parse` always is. */
export interface EmailInboundAdapter<TSecrets> extends InboundChannelAdapter<TSecrets> {
  parse(request: WebhookRequest, now: Date): Promise<ParsedWebhook>;
}

/** The webhook's result: the mail's events, or why there are none. */
export function emailWebhook(reading: EmailReading, deliveryId: string): ParsedWebhook {
  return {
    deliveryId,
    events: reading.events,
    ...(reading.ignoredBecause === undefined ? {} : { ignoredBecause: reading.ignoredBecause }),
  };
}

/**
 * The delivery id when the provider gives none that survives its retries (SendGrid stamps
 * nothing, Mailgun's token is per post): the mail's own key with the recipient, stable across
 * retries yet distinct when one mail is delivered to two of our addresses.
 */
export function emailDeliveryId(recipient: string, reading: EmailReading): string {
  return contentDigest(Buffer.from(`${recipient}\n${reading.messageKey}`, 'utf8'));
}
