import type {
  InboundMessageDeleted,
  InboundMessageEdited,
  InboundMessageReceived,
  InboundReactionReceived,
  InboundStatusReceived,
} from '@switchboard/contracts';

/** Filled in by the gateway, not the adapter: which of our accounts, and when we got it. */
type GatewayFields = 'channelAccountId' | 'receivedAt';

/**
 * One fact an adapter found in a webhook. A webhook may carry several (Meta batches entries)
 * or none (an echo of our own send, a bot message, a typing indicator).
 */
export type ParsedInbound =
  | { type: 'inbound.message_received'; data: Omit<InboundMessageReceived, GatewayFields> }
  | { type: 'inbound.message_edited'; data: Omit<InboundMessageEdited, 'channelAccountId'> }
  | { type: 'inbound.message_deleted'; data: Omit<InboundMessageDeleted, 'channelAccountId'> }
  | { type: 'inbound.status_received'; data: Omit<InboundStatusReceived, 'channelAccountId'> }
  | { type: 'inbound.reaction_received'; data: Omit<InboundReactionReceived, 'channelAccountId'> };

export interface ParsedWebhook {
  /** The provider's id for this delivery, so a retry is accepted once (MessageSid, event_id, update_id…). */
  deliveryId: string;
  events: ParsedInbound[];
  /** Why nothing was extracted, when `events` is empty (for logs). */
  ignoredBecause?: string;
}

export type VerificationResult = { ok: true } | { ok: false; status: 401 | 403; reason: string };
