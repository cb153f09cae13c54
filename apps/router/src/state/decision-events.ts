import type { EventOutbox } from '@switchboard/bus';
import { assertUnreachable, CHANNELS, type Channel } from '@switchboard/contracts';
import type { RoutingDecision } from '@switchboard/routing';

const iso = (ms: number): string => new Date(ms).toISOString();

/** Work enters the engine from a validated `routing.work_requested`, so its channel is one of ours. */
function toChannel(channel: string): Channel {
  if ((CHANNELS as readonly string[]).includes(channel)) return channel as Channel;
  throw new Error(`work has an unknown channel "${channel}"`);
}

/**
 * Announces decisions as routing events. Conversation events are keyed by conversation and
 * agent events by agent, so each keeps its order for every consumer.
 */
export function addDecisionEvents(
  outbox: EventOutbox,
  decisions: readonly RoutingDecision[],
): void {
  for (const d of decisions) {
    switch (d.type) {
      case 'queued':
        outbox.add('routing.queued', d.conversationId, {
          conversationId: d.conversationId,
          queueId: d.queueId,
          ring: d.ring,
          reason: d.reason,
          priority: d.priority,
          channel: toChannel(d.channel),
          at: iso(d.at),
        });
        break;
      case 'widened':
        outbox.add('routing.widened', d.conversationId, {
          conversationId: d.conversationId,
          queueId: d.queueId,
          ring: d.ring,
          requirements: [...d.requirements],
          at: iso(d.at),
        });
        break;
      case 'offered':
        outbox.add('routing.offered', d.conversationId, {
          conversationId: d.conversationId,
          agentId: d.agentId,
          offerId: d.offerId,
          queueId: d.queueId,
          expiresAt: d.expiresAt === null ? null : iso(d.expiresAt),
          explanation: {
            strategy: d.explanation.strategy,
            ruleId: d.explanation.ruleId,
            ring: d.explanation.ring,
            requirements: [...d.explanation.requirements],
            via: d.explanation.via,
            candidates: d.explanation.candidates,
            detail: d.explanation.detail,
          },
          at: iso(d.at),
        });
        break;
      case 'offer_expired':
        outbox.add('routing.offer_expired', d.conversationId, {
          conversationId: d.conversationId,
          agentId: d.agentId,
          offerId: d.offerId,
          reason: d.reason,
          at: iso(d.at),
        });
        break;
      case 'assigned':
        outbox.add('routing.assigned', d.conversationId, {
          conversationId: d.conversationId,
          agentId: d.agentId,
          offerId: d.offerId,
          queueId: d.queueId,
          acceptedBy: d.acceptedBy,
          at: iso(d.at),
        });
        break;
      case 'transferred':
        outbox.add('routing.transferred', d.conversationId, {
          conversationId: d.conversationId,
          fromAgentId: d.fromAgentId,
          fromQueueId: d.fromQueueId,
          toAgentId: 'agentId' in d.to ? d.to.agentId : null,
          toQueueId: 'queueId' in d.to ? d.to.queueId : null,
          at: iso(d.at),
        });
        break;
      case 'unassigned':
        outbox.add('routing.unassigned', d.conversationId, {
          conversationId: d.conversationId,
          agentId: d.agentId,
          reason: d.reason,
          at: iso(d.at),
        });
        break;
      case 'dequeued':
        outbox.add('routing.dequeued', d.conversationId, {
          conversationId: d.conversationId,
          queueId: d.queueId,
          reason: d.reason,
          at: iso(d.at),
        });
        break;
      case 'agent_presence_changed':
        outbox.add('routing.agent_presence_changed', d.agentId, {
          agentId: d.agentId,
          presence: d.presence,
          reason: d.reason,
          at: iso(d.at),
        });
        break;
      default:
        assertUnreachable(d);
    }
  }
}
