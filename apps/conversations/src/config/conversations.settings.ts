/** Behaviour settings the use cases read (validated with the rest of the configuration). */
export interface ConversationsSettings {
  /** A message within this long after resolution reopens the conversation instead of a new one. */
  reopenWindowMs: number;
}

export const CONVERSATIONS_SETTINGS = Symbol('CONVERSATIONS_SETTINGS');
