import type { WebhookDestination } from '../channel-adapter';
import type { ParsedWebhook } from '../parsed-inbound';
import type { WebhookRequest } from '../webhook-request';
import { metaDeliveryId } from './meta-delivery-id';
import { readMetaEnvelope } from './meta-envelope';
import { ignored, type MetaItemOutcome } from './meta-item-outcome';
import { metaUnits, type MetaUnit } from './meta-units';
import { messagingEvent } from './messaging-event';
import { whatsAppChange } from './whatsapp-change';

/** The part of a batch addressed to one account. */
export interface MetaDestinationWebhook {
  destination: WebhookDestination;
  webhook: ParsedWebhook;
}

/**
 * Every event in the POST, across all `entry[]` and `changes[]` / `messaging[]`, whichever
 * account each is addressed to (see `parseMetaWebhookByDestination` to keep them apart).
 * One malformed item rejects the POST with a `WebhookInputError` naming its field.
 */
export function parseMetaWebhook(request: WebhookRequest): ParsedWebhook {
  const outcomes = metaUnits(readMetaEnvelope(request.rawBody)).flatMap(unitOutcomes);
  return assemble(outcomes, request.rawBody, '');
}

/**
 * The same, split per destination account in first-seen order. One Meta app can serve many
 * tenants and Meta batches across its pages / numbers, so a gateway that attributes events
 * to a channel account must use this rather than `parse` + the first destination.
 * Slices without a routable account (e.g. a WABA-level change) are left out.
 */
export function parseMetaWebhookByDestination(request: WebhookRequest): MetaDestinationWebhook[] {
  const slices = new Map<
    string,
    { destination: WebhookDestination; outcomes: MetaItemOutcome[] }
  >();
  for (const unit of metaUnits(readMetaEnvelope(request.rawBody))) {
    if (unit.destination === null) continue;
    const id = `${unit.destination.channel}:${unit.destination.accountExternalId}`;
    const slice = slices.get(id) ?? { destination: unit.destination, outcomes: [] };
    slice.outcomes.push(...unitOutcomes(unit));
    slices.set(id, slice);
  }
  return [...slices.values()].map(({ destination, outcomes }) => ({
    destination,
    webhook: assemble(outcomes, request.rawBody, destination.accountExternalId),
  }));
}

function unitOutcomes(unit: MetaUnit): MetaItemOutcome[] {
  switch (unit.kind) {
    case 'whatsapp_value':
      return whatsAppChange(unit.value);
    case 'messaging':
      return unit.events.map((event) =>
        messagingEvent(event, unit.channel, unit.destination.accountExternalId),
      );
    case 'skipped':
      return [ignored(null, unit.reason)];
  }
}

function assemble(outcomes: MetaItemOutcome[], rawBody: Buffer, account: string): ParsedWebhook {
  const deliveryId = metaDeliveryId(
    outcomes.map((outcome) => outcome.key),
    rawBody,
    account,
  );
  const events = outcomes.flatMap((outcome) => outcome.events);
  if (events.length > 0) return { deliveryId, events };
  const reasons = new Set(outcomes.map((outcome) => outcome.ignoredBecause ?? 'no events'));
  return { deliveryId, events, ignoredBecause: [...reasons].join('; ') || 'empty batch' };
}
