/** What the contact already has that a new message could belong to. */
export interface ThreadCandidates {
  /** Found by the channel's own reference (email In-Reply-To/References, reply token). */
  referenced: { id: string; status: ConversationState } | null;
  /** The contact's unresolved conversation on that channel and thread. */
  active: { id: string; status: Exclude<ConversationState, 'resolved'> } | null;
  /** The contact's last resolved conversation there, with when it was resolved. */
  lastResolved: { id: string; resolvedAt: Date } | null;
}

export type ConversationState = 'open' | 'pending' | 'snoozed' | 'resolved';

export type ThreadDecision =
  | { kind: 'join'; conversationId: string; wakesUp: boolean }
  | { kind: 'reopen'; conversationId: string }
  | { kind: 'open' };

/**
 * Where a new inbound message goes: the unresolved conversation it explicitly refers to;
 * else the contact's unresolved conversation on that thread (waking it if pending or
 * snoozed); else the resolved conversation it refers to, reopened; else the last one on that
 * thread, reopened, if it was resolved within the window; else a new one. (An unresolved
 * conversation on the thread wins over reopening, so a thread never has two.)
 */
export function decideThread(
  candidates: ThreadCandidates,
  now: Date,
  reopenWindowMs: number,
): ThreadDecision {
  const { referenced, active, lastResolved } = candidates;
  if (referenced && referenced.status !== 'resolved') {
    return { kind: 'join', conversationId: referenced.id, wakesUp: referenced.status !== 'open' };
  }
  if (active) {
    return { kind: 'join', conversationId: active.id, wakesUp: active.status !== 'open' };
  }
  if (referenced) return { kind: 'reopen', conversationId: referenced.id };
  if (lastResolved && now.getTime() - lastResolved.resolvedAt.getTime() <= reopenWindowMs) {
    return { kind: 'reopen', conversationId: lastResolved.id };
  }
  return { kind: 'open' };
}

/**
 * The channel thread a message belongs to. Email threads are named by their first message
 * (References lists the chain oldest first), so each email thread is its own conversation.
 */
export function threadKeyOf(message: {
  threadRef: string | null;
  email: { messageId: string | null; inReplyTo: string[]; references: string[] } | null;
}): string {
  if (message.threadRef) return message.threadRef;
  if (message.email) {
    return (
      message.email.references[0] ?? message.email.inReplyTo[0] ?? message.email.messageId ?? ''
    );
  }
  return '';
}
