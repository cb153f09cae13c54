import type { AgentState } from './agent-state';
import type {
  AgentProfile,
  AssignmentExplanation,
  Presence,
  QueueDefinition,
  SkillRequirement,
  WorkState,
} from './model';
import { WorkItem } from './work-item';

/** An agent's routing state beyond its profile: what the service stores per agent. */
export interface AgentRuntime {
  readonly presence: Presence;
  readonly connected: boolean;
  readonly disconnectedAt: number | null;
  readonly lastRoutedAt: number;
  readonly missedOffers: number;
}

/** Everything needed to put a conversation back where it was after a rebuild. */
export interface WorkSnapshot {
  readonly conversationId: string;
  readonly contactId: string;
  readonly channel: string;
  readonly queueId: string;
  readonly ruleId: string | null;
  readonly priority: number;
  readonly skills: readonly SkillRequirement[];
  readonly language: string | null;
  readonly slaDueAt: number | null;
  readonly waitingSince: number;
  readonly queueEnteredAt: number;
  readonly ring: number;
  readonly visitedQueues: readonly string[];
  readonly state: WorkState;
  readonly agentId: string | null;
  readonly offerId: string | null;
  readonly offerExpiresAt: number | null;
  readonly explanation: AssignmentExplanation | null;
  readonly declinedBy: readonly string[];
  readonly reservedFor: string | null;
  readonly reservedUntil: number | null;
  readonly reservedBecause: 'affinity' | 'transfer' | null;
}

/** A tenant's whole routing state as stored: the engine is rebuilt from this. */
export interface RoutingStateSnapshot {
  readonly queues: readonly QueueDefinition[];
  readonly agents: readonly { readonly profile: AgentProfile; readonly runtime: AgentRuntime }[];
  readonly work: readonly WorkSnapshot[];
  /** Each contact's most recent agent and when, for affinity. */
  readonly lastAgents: readonly {
    readonly contactId: string;
    readonly agentId: string;
    readonly at: number;
  }[];
}

export function agentRuntime(agent: AgentState): AgentRuntime {
  return {
    presence: agent.presence,
    connected: agent.connected,
    disconnectedAt: agent.disconnectedAt,
    lastRoutedAt: agent.lastRoutedAt,
    missedOffers: agent.missedOffers,
  };
}

export function workSnapshot(item: WorkItem): WorkSnapshot {
  return {
    conversationId: item.conversationId,
    contactId: item.contactId,
    channel: item.channel,
    queueId: item.queueId,
    ruleId: item.ruleId,
    priority: item.priority,
    skills: item.extraSkills,
    language: item.language,
    slaDueAt: item.slaDueAt,
    waitingSince: item.waitingSince,
    queueEnteredAt: item.queueEnteredAt,
    ring: item.ring,
    visitedQueues: [...item.visitedQueues],
    state: item.state,
    agentId: item.agentId,
    offerId: item.offerId,
    offerExpiresAt: item.offerExpiresAt,
    explanation: item.explanation,
    declinedBy: [...item.declinedBy],
    reservedFor: item.reservedFor,
    reservedUntil: item.reservedUntil,
    reservedBecause: item.reservedBecause,
  };
}

export function workItemFromSnapshot(snapshot: WorkSnapshot, sequence: number): WorkItem {
  const item = new WorkItem(
    {
      conversationId: snapshot.conversationId,
      contactId: snapshot.contactId,
      channel: snapshot.channel,
      queueId: snapshot.queueId,
      skills: snapshot.skills,
      language: snapshot.language,
      slaDueAt: snapshot.slaDueAt,
      ruleId: snapshot.ruleId,
    },
    snapshot.priority,
    snapshot.waitingSince,
    sequence,
  );
  item.queueEnteredAt = snapshot.queueEnteredAt;
  item.ring = snapshot.ring;
  for (const queueId of snapshot.visitedQueues) item.visitedQueues.add(queueId);
  item.state = snapshot.state;
  item.agentId = snapshot.agentId;
  item.offerId = snapshot.offerId;
  item.offerExpiresAt = snapshot.offerExpiresAt;
  item.explanation = snapshot.explanation;
  for (const agentId of snapshot.declinedBy) item.declinedBy.add(agentId);
  item.reservedFor = snapshot.reservedFor;
  item.reservedUntil = snapshot.reservedUntil;
  item.reservedBecause = snapshot.reservedBecause;
  return item;
}
