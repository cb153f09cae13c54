export { metaAdapter, type MetaSecrets } from './meta.adapter';
export { destinationsOf, metaDestination } from './meta-destination';
export { type MetaChannel } from './meta-envelope';
export { META_SIGNATURE_HEADER, metaSignature, verifyMetaSignature } from './meta-signature';
export { verifyMetaSubscription, type MetaSubscriptionResult } from './meta-subscription';
export {
  parseMetaWebhook,
  parseMetaWebhookByDestination,
  type MetaDestinationWebhook,
} from './meta-webhook.parser';
export { xCrcResponse } from './x-crc';
