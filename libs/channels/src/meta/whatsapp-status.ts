import { toStorableDeep, type DeliveryStatus } from '@switchboard/contracts';
import { LIMITS } from './contract-limits';
import type { JsonField } from './json-field';
import { emitted, ignored, type MetaItemOutcome } from './meta-item-outcome';
import { instantFromUnixSeconds } from './meta-time';

/** Cloud API statuses we track; `played` (voice notes), `deleted`, `warning` are not ours. */
const STATUSES: Readonly<Record<string, DeliveryStatus>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

/** One `value.statuses[]` item: a delivery report for a message we sent. */
export function whatsAppStatus(status: JsonField): MetaItemOutcome {
  status.object();
  const id = status.at('id').string(LIMITS.providerMessageId);
  const value = status.at('status').string(64);
  const occurredAt = instantFromUnixSeconds(status.at('timestamp'));
  // Each status of a message is its own delivery: key on both.
  const key = `${id}:${value}`;
  const mapped = Object.hasOwn(STATUSES, value) ? STATUSES[value] : undefined;
  if (mapped === undefined) return ignored(key, `whatsapp status "${value}"`);

  const error = status.at('errors').optionalArray()[0]?.object();
  return emitted(key, {
    type: 'inbound.status_received',
    data: {
      channel: 'whatsapp_cloud',
      raw: toStorableDeep(status.value),
      providerMessageId: id,
      status: mapped,
      errorCode: error ? errorCode(error.at('code')) : null,
      errorMessage:
        error?.at('title').optionalText(LIMITS.errorMessage, { clip: true }) ||
        error?.at('message').optionalText(LIMITS.errorMessage, { clip: true }) ||
        null,
      occurredAt,
    },
  });
}

/** Meta's codes are numbers (130472); kept as text like every provider's code. */
function errorCode(code: JsonField): string | null {
  if (typeof code.value === 'number' && Number.isFinite(code.value)) return String(code.value);
  return code.optionalString(LIMITS.errorCode) || null;
}
