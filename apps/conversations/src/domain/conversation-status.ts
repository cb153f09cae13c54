import type { ConversationState } from './conversation-routing';

/** The statuses an agent (or the API) may set; `resolved` has its own endpoint. */
export type ActiveStatus = Exclude<ConversationState, 'resolved'>;

/** Who changed a status when no agent did: a customer's message, or a snooze running out. */
export const CHANGED_BY_CUSTOMER_MESSAGE = 'customer_message';
export const CHANGED_BY_SNOOZE_EXPIRY = 'snooze_expired';

export interface StatusState {
  status: ConversationState;
  /** When a snooze ends by itself; null when not snoozed or snoozed until the customer writes. */
  snoozedUntil: Date | null;
}

export type StatusDecision =
  { kind: 'change'; previousStatus: ActiveStatus } | { kind: 'unchanged' } | { kind: 'resolved' };

/**
 * Setting a status: a resolved conversation is not reopened by it (only the customer reopens
 * one, by writing); asking for the state it is already in (the same snooze end too) changes
 * and announces nothing, so a retried request is harmless.
 */
export function decideStatusChange(
  current: StatusState,
  wanted: { status: ActiveStatus; snoozedUntil: Date | null },
): StatusDecision {
  if (current.status === 'resolved') return { kind: 'resolved' };
  const sameEnd =
    (current.snoozedUntil?.getTime() ?? null) === (wanted.snoozedUntil?.getTime() ?? null);
  if (current.status === wanted.status && (wanted.status !== 'snoozed' || sameEnd)) {
    return { kind: 'unchanged' };
  }
  return { kind: 'change', previousStatus: current.status };
}

/**
 * A customer's message brings a conversation waiting on them (`pending`) or set aside
 * (`snoozed`) back to `open`; it returns the status it wakes from, or null when there is
 * nothing to announce (already open, or resolved: reopening is announced on its own).
 */
export function statusWokenByCustomer(status: ConversationState): ActiveStatus | null {
  return status === 'pending' || status === 'snoozed' ? status : null;
}
