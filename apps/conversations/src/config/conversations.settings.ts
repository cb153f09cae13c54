/** Behaviour settings the use cases read (validated with the rest of the configuration). */
export interface ConversationsSettings {
  /** A message within this long after resolution reopens the conversation instead of a new one. */
  reopenWindowMs: number;
  /** How often snoozes that ran out are looked for (`DEFAULT_SNOOZE_POLL_MS` when not said). */
  snoozePollMs?: number;
}

export const DEFAULT_SNOOZE_POLL_MS = 1_000;

export const CONVERSATIONS_SETTINGS = Symbol('CONVERSATIONS_SETTINGS');
