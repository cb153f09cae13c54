export interface ActiveConversation {
  id: string;
  status: 'open' | 'pending' | 'snoozed';
}

export type ThreadDecision =
  { kind: 'join'; conversationId: string; wakesUp: boolean } | { kind: 'open' };

/**
 * Where a new inbound message goes: into the contact's unresolved conversation on that
 * channel thread (waking it if it was pending on the customer or snoozed), or a new one.
 */
export function decideThread(active: ActiveConversation | null): ThreadDecision {
  if (!active) return { kind: 'open' };
  return { kind: 'join', conversationId: active.id, wakesUp: active.status !== 'open' };
}
