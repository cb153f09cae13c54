import type { ConversationState } from './conversation-routing';

/** A message already stored under the provider message id a reply would take. */
export interface StoredReply {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  sentAt: Date | null;
  receivedAt: Date;
}

export type ReplyDecision =
  | { kind: 'store' }
  | { kind: 'duplicate'; messageId: string; sentAt: Date }
  | { kind: 'resolved' }
  | { kind: 'client-id-taken' };

/** Where a reply sent with a client message id is stored, so a retry finds the first. */
export function clientReplyProviderMessageId(clientMessageId: string): string {
  return `client:${clientMessageId}`;
}

/**
 * Our id for an outbound message until a provider gives it one: from the client's id when it
 * sent one, else from our own message id (the prefixes keep the two apart).
 */
export function outboundProviderMessageId(
  messageId: string,
  clientMessageId: string | null,
): string {
  return clientMessageId === null
    ? `switchboard:${messageId}`
    : clientReplyProviderMessageId(clientMessageId);
}

/**
 * Storing an agent's reply: a retry (same client message id, same conversation) gets the first
 * reply back, even once the conversation is resolved; a client id already used elsewhere is a
 * conflict; a resolved conversation takes no replies (the customer reopens it by writing).
 */
export function decideReply(
  conversation: { id: string; status: ConversationState },
  stored: StoredReply | null,
): ReplyDecision {
  if (stored) {
    return stored.direction === 'outbound' && stored.conversationId === conversation.id
      ? { kind: 'duplicate', messageId: stored.id, sentAt: stored.sentAt ?? stored.receivedAt }
      : { kind: 'client-id-taken' };
  }
  if (conversation.status === 'resolved') return { kind: 'resolved' };
  return { kind: 'store' };
}
