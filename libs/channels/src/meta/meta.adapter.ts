import type { InboundChannelAdapter } from '../channel-adapter';
import { metaDestination } from './meta-destination';
import { verifyMetaSignature } from './meta-signature';
import { parseMetaWebhook } from './meta-webhook.parser';

/** One Meta app's secret signs every WhatsApp Cloud, Messenger and Instagram delivery. */
export interface MetaSecrets {
  appSecret: string;
}

/**
 * WhatsApp Cloud API (`object: whatsapp_business_account`), Messenger (`page`) and Instagram
 * (`instagram`) all arrive in Meta's webhook envelope, signed the same way: one adapter.
 * Meta's signature has no timestamp, so `now` is unused (replays are caught by `deliveryId`).
 */
export const metaAdapter: InboundChannelAdapter<MetaSecrets> = {
  destination: metaDestination,
  verify: (request, secrets) => verifyMetaSignature(request, secrets.appSecret),
  parse: parseMetaWebhook,
};
