import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@switchboard/bus';
import { Topics, type AnyEnvelope } from '@switchboard/contracts';
import { TrackConversation, type ConversationHappening } from '../clocks/track-conversation';

/** Which conversation an event concerns and what happened, for the events clocks follow. */
function happeningOf(
  envelope: AnyEnvelope,
): { conversationId: string; happening: ConversationHappening } | null {
  switch (envelope.type) {
    case 'message.received':
      return {
        conversationId: envelope.data.conversationId,
        happening: { kind: 'customer_message', at: Date.parse(envelope.data.receivedAt) },
      };
    case 'message.sent':
      return {
        conversationId: envelope.data.conversationId,
        happening: { kind: 'agent_reply', at: Date.parse(envelope.data.sentAt) },
      };
    case 'conversation.status_changed':
      return {
        conversationId: envelope.data.conversationId,
        happening: {
          kind: 'status_changed',
          status: envelope.data.status,
          at: Date.parse(envelope.data.changedAt),
        },
      };
    case 'conversation.resolved':
      return {
        conversationId: envelope.data.conversationId,
        happening: { kind: 'resolved', at: Date.parse(envelope.data.resolvedAt) },
      };
    case 'conversation.reopened':
      return {
        conversationId: envelope.data.conversationId,
        happening: { kind: 'reopened', at: Date.parse(envelope.data.reopenedAt) },
      };
    case 'routing.queued':
      // Only the first queueing of a cycle binds its policy; requeues (transfers, overflow,
      // offers lapsing) never do.
      if (envelope.data.reason !== 'new') return null;
      return {
        conversationId: envelope.data.conversationId,
        happening: {
          kind: 'queued',
          queueId: envelope.data.queueId,
          priority: envelope.data.priority,
          channel: envelope.data.channel,
          at: Date.parse(envelope.data.at),
        },
      };
    default:
      return null;
  }
}

/**
 * Follows conversations: customer messages, agent replies, status changes and resolutions
 * (conversation events) and the router's queueing, which binds the policy.
 */
@Controller()
@UseFilters(BusExceptionFilter)
export class SlaIntakeHandler {
  constructor(private readonly track: TrackConversation) {}

  @EventPattern(Topics.conversationEvents)
  onConversationEvent(@Payload() envelope: AnyEnvelope): Promise<void> {
    return this.apply(envelope);
  }

  @EventPattern(Topics.routingEvents)
  onRoutingEvent(@Payload() envelope: AnyEnvelope): Promise<void> {
    return this.apply(envelope);
  }

  private async apply(envelope: AnyEnvelope): Promise<void> {
    const relevant = happeningOf(envelope);
    if (relevant) await this.track.apply(envelope, relevant.conversationId, relevant.happening);
  }
}
