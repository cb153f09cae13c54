import type { DeliveryStatus } from '@switchboard/contracts';

/**
 * Providers report delivery out of order (a `sent` callback can arrive after `delivered`).
 * Statuses only move forward: queued → sending → sent → delivered → read, with undelivered
 * and failed as ends that only a later `read` (proof it arrived after all) can override.
 */
const RANK: Record<DeliveryStatus, number> = {
  queued: 0,
  sending: 1,
  sent: 2,
  undelivered: 3,
  failed: 3,
  delivered: 4,
  read: 5,
};

/** The status to store, or null when the report is stale or repeats the current one. */
export function nextDeliveryStatus(
  current: DeliveryStatus | null,
  reported: DeliveryStatus,
): DeliveryStatus | null {
  if (current === null) return reported;
  if (reported === current) return null;
  return RANK[reported] > RANK[current] ? reported : null;
}
