import type { ConversationState } from './conversation-routing';

export type ResolutionDecision =
  { kind: 'resolve'; resolvedAt: Date } | { kind: 'already-resolved'; resolvedAt: Date };

/**
 * Resolving is idempotent: a resolved conversation keeps the moment it was resolved (so a
 * retried request gets the same answer and nothing is announced twice); any other state is
 * resolved now. One marked resolved without a moment (never written so) is resolved now.
 */
export function decideResolution(
  conversation: { status: ConversationState; resolvedAt: Date | null },
  now: Date,
): ResolutionDecision {
  if (conversation.status === 'resolved' && conversation.resolvedAt) {
    return { kind: 'already-resolved', resolvedAt: conversation.resolvedAt };
  }
  return { kind: 'resolve', resolvedAt: now };
}
