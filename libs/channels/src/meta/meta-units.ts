import type { WebhookDestination } from '../channel-adapter';
import type { JsonField } from './json-field';
import type { MetaEnvelope } from './meta-envelope';

/** The contract's limit for an account's external id. */
const ACCOUNT_ID_MAX = 512;

/**
 * One slice of a batch addressed to a single account: a WhatsApp `changes[].value` (its own
 * `metadata.phone_number_id`) or a Messenger/Instagram `entry` (its `id`). One Meta app may
 * serve many tenants, and Meta batches across accounts, so a POST is split at this level.
 */
export type MetaUnit =
  | { kind: 'whatsapp_value'; destination: WebhookDestination; value: JsonField }
  | {
      kind: 'messaging';
      channel: 'messenger' | 'instagram';
      destination: WebhookDestination;
      events: JsonField[];
    }
  | { kind: 'skipped'; destination: WebhookDestination | null; reason: string };

/** Walks every `entry[]` (and for WhatsApp every `changes[]`), reading only ids and frames. */
export function metaUnits(envelope: MetaEnvelope): MetaUnit[] {
  const { channel, entries } = envelope;
  return channel === 'whatsapp_cloud'
    ? entries.flatMap(whatsAppUnits)
    : entries.flatMap((entry) => messagingUnits(channel, entry));
}

function whatsAppUnits(entry: JsonField): MetaUnit[] {
  return entry
    .object()
    .at('changes')
    .array()
    .map((change): MetaUnit => {
      const field = change.object().at('field').optionalString(64);
      const value = change.at('value');
      if (field !== 'messages') {
        // account_update, template status, smb_message_echoes (our own sends from the app)…
        // Routed if they name a number, otherwise nobody's: nothing in them is inbound.
        const metadata = value.at('metadata');
        const id = metadata.at('phone_number_id');
        const destination =
          value.isPresent() && metadata.isPresent() && id.isPresent()
            ? whatsAppDestination(value)
            : null;
        return { kind: 'skipped', destination, reason: `change field "${field ?? ''}"` };
      }
      return { kind: 'whatsapp_value', destination: whatsAppDestination(value), value };
    });
}

function whatsAppDestination(value: JsonField): WebhookDestination {
  const id = value.object().at('metadata').object().at('phone_number_id').string(ACCOUNT_ID_MAX);
  return { channel: 'whatsapp_cloud', accountExternalId: id };
}

function messagingUnits(channel: 'messenger' | 'instagram', entry: JsonField): MetaUnit[] {
  const id = entry.object().at('id').string(ACCOUNT_ID_MAX);
  const destination: WebhookDestination = { channel, accountExternalId: id };
  const units: MetaUnit[] = [];
  const messaging = entry.at('messaging');
  if (messaging.isPresent()) {
    units.push({ kind: 'messaging', channel, destination, events: messaging.array() });
  }
  // Handover protocol: another app owns the thread; it answers, we must not do it twice.
  if (entry.at('standby').isPresent()) {
    units.push({
      kind: 'skipped',
      destination,
      reason: 'standby (another app has thread control)',
    });
  }
  // Page feed and Instagram comments/mentions: not direct messages.
  if (entry.at('changes').isPresent()) {
    units.push({ kind: 'skipped', destination, reason: 'entry changes (feed or comments)' });
  }
  if (units.length === 0) {
    units.push({ kind: 'skipped', destination, reason: 'entry without messaging' });
  }
  return units;
}
