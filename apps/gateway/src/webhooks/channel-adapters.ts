import {
  destinationsOf,
  mailgunAdapter,
  parseMetaWebhookByDestination,
  metaAdapter,
  postmarkAdapter,
  sendgridAdapter,
  slackAdapter,
  telegramAdapter,
  twilioAdapter,
  type InboundChannelAdapter,
} from '@switchboard/channels';
import type { WebhookAdapters } from './webhook-adapters';

/** Every provider adapter, each behind the same interface. */
export const CHANNEL_ADAPTERS: WebhookAdapters = {
  twilio: twilioAdapter as InboundChannelAdapter<never>,
  slack: slackAdapter as InboundChannelAdapter<never>,
  meta: {
    ...metaAdapter,
    destinations: destinationsOf,
    parseByDestination: parseMetaWebhookByDestination,
  } as InboundChannelAdapter<never>,
  telegram: telegramAdapter as InboundChannelAdapter<never>,
  sendgrid: sendgridAdapter as InboundChannelAdapter<never>,
  mailgun: mailgunAdapter as InboundChannelAdapter<never>,
  postmark: postmarkAdapter as InboundChannelAdapter<never>,
};
