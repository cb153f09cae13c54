import type { AgentState } from './agent-state';
import type { AssignmentExplanation, SkillRequirement } from './model';
import { firstShortfall } from './requirements';
import type { RoutingEngine } from './routing-engine';

export type IneligibleReason =
  'offline' | 'away' | 'disconnected' | 'missing_skill' | 'no_capacity' | 'declined';

export interface AgentVerdict {
  readonly agentId: string;
  readonly eligible: boolean;
  readonly reason: IneligibleReason | null;
  readonly detail: string;
}

export type Explanation =
  | { readonly conversationId: string; readonly state: 'not_routed' }
  | {
      readonly conversationId: string;
      readonly state: 'offered' | 'assigned';
      readonly agentId: string;
      readonly queueId: string;
      readonly offerExpiresAt: number | null;
      readonly why: AssignmentExplanation | null;
    }
  | {
      readonly conversationId: string;
      readonly state: 'waiting';
      readonly queueId: string;
      readonly ruleId: string | null;
      readonly priority: number;
      readonly ring: number;
      readonly requirements: readonly SkillRequirement[];
      readonly waitingSince: number;
      readonly nextWideningAt: number | null;
      readonly reservedFor: string | null;
      readonly reservedBecause: 'affinity' | 'transfer' | null;
      readonly agentsConsidered: number;
      readonly ineligible: Readonly<Record<IneligibleReason, number>>;
      /** Up to 20 agents with the reason each is not offered the work. */
      readonly examples: readonly AgentVerdict[];
      readonly summary: string;
    };

const MAX_EXAMPLES = 20;

/**
 * Why a conversation went to its agent, or why it is still waiting: every agent is judged
 * against the work's current requirements (a full scan, fine for a question a person asks).
 */
export function explainRouting(engine: RoutingEngine, conversationId: string): Explanation {
  const item = engine.findWork(conversationId);
  if (!item) return { conversationId, state: 'not_routed' };
  if (item.state !== 'waiting')
    return {
      conversationId,
      state: item.state,
      agentId: item.agentId!,
      queueId: item.queueId,
      offerExpiresAt: item.offerExpiresAt,
      why: item.explanation,
    };
  const ineligible: Record<IneligibleReason, number> = {
    offline: 0,
    away: 0,
    disconnected: 0,
    missing_skill: 0,
    no_capacity: 0,
    declined: 0,
  };
  const examples: AgentVerdict[] = [];
  let considered = 0;
  let eligible = 0;
  for (const agent of engine.agents()) {
    considered += 1;
    const verdict = judge(agent, item.channel, item.requirements, item.declinedBy);
    if (verdict.eligible) eligible += 1;
    else ineligible[verdict.reason!] += 1;
    if (examples.length < MAX_EXAMPLES && (verdict.eligible || verdict.reason !== 'missing_skill'))
      examples.push(verdict);
  }
  const queue = engine.findQueue(item.queueId);
  const step = queue?.widening[item.ring];
  const nextWideningAt = step ? item.queueEnteredAt + step.afterSeconds * 1000 : null;
  return {
    conversationId,
    state: 'waiting',
    queueId: item.queueId,
    ruleId: item.ruleId,
    priority: item.priority,
    ring: item.ring,
    requirements: item.requirements,
    waitingSince: item.waitingSince,
    nextWideningAt,
    reservedFor: item.reservedFor,
    reservedBecause: item.reservedBecause,
    agentsConsidered: considered,
    ineligible,
    examples,
    summary: summarize(item.reservedFor, item.reservedBecause, eligible, ineligible),
  };
}

function judge(
  agent: AgentState,
  channel: string,
  requirements: readonly SkillRequirement[],
  declinedBy: ReadonlySet<string>,
): AgentVerdict {
  const verdict = (reason: IneligibleReason | null, detail: string): AgentVerdict => ({
    agentId: agent.id,
    eligible: reason === null,
    reason,
    detail,
  });
  if (agent.presence !== 'online') return verdict(agent.presence, `agent is ${agent.presence}`);
  if (!agent.connected)
    return verdict('disconnected', 'desk disconnected, within the grace period');
  const shortfall = firstShortfall(agent.skills, requirements);
  if (shortfall)
    return verdict(
      'missing_skill',
      `${shortfall.skill} at level ${shortfall.has}, needs ${shortfall.required}`,
    );
  if (declinedBy.has(agent.id)) return verdict('declined', 'rejected or missed an offer of it');
  if (!agent.canTake(channel))
    return verdict(
      'no_capacity',
      `${agent.usedUnits} of ${agent.profile.capacity.totalUnits} units used, ${agent.onChannel.get(channel) ?? 0} on ${channel}`,
    );
  return verdict(null, 'eligible with capacity');
}

function summarize(
  reservedFor: string | null,
  reservedBecause: string | null,
  eligible: number,
  ineligible: Record<IneligibleReason, number>,
): string {
  if (reservedFor)
    return reservedBecause === 'transfer'
      ? `waiting for agent ${reservedFor}, to whom it was transferred, to have capacity`
      : `waiting for the contact's recent agent ${reservedFor} to have capacity`;
  if (eligible > 0) return `${eligible} eligible agent(s) are being offered it now`;
  const reasons = Object.entries(ineligible)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${reason.replace('_', ' ')}`);
  return `no eligible agent has capacity (${reasons.join(', ') || 'no agents'})`;
}
