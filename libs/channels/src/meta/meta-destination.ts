import type { WebhookDestination } from '../channel-adapter';
import { WebhookInputError } from '../webhook-input.error';
import type { WebhookRequest } from '../webhook-request';
import { readMetaEnvelope } from './meta-envelope';
import { metaUnits } from './meta-units';

/**
 * Every account a POST is addressed to, first-seen order, without duplicates: the WhatsApp
 * `phone_number_id` of each change, the page / Instagram account id of each entry. Reads
 * only ids, so it is cheap to call before the signature is checked.
 */
export function destinationsOf(request: WebhookRequest): WebhookDestination[] {
  const seen = new Map<string, WebhookDestination>();
  for (const { destination } of metaUnits(readMetaEnvelope(request.rawBody))) {
    if (destination === null) continue;
    const id = `${destination.channel}:${destination.accountExternalId}`;
    if (!seen.has(id)) seen.set(id, destination);
  }
  return [...seen.values()];
}

/**
 * The first destination: whose app secret `verify` uses. A batch may name several accounts
 * (`destinationsOf`); if they can belong to different tenants, the gateway must route each
 * slice itself (`parseMetaWebhookByDestination`) and check each account's secret.
 */
export function metaDestination(request: WebhookRequest): WebhookDestination {
  const [first] = destinationsOf(request);
  if (first === undefined) throw new WebhookInputError('entry', 'names no account');
  return first;
}
