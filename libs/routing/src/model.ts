/**
 * The routing model. Times are epoch milliseconds and are always passed in by the caller,
 * so the engine never reads a clock. Skill levels run from 1 (novice) to 10 (expert).
 */

export const MIN_SKILL_LEVEL = 1;
export const MAX_SKILL_LEVEL = 10;

export const PRESENCES = ['online', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

export const ROUTING_STRATEGIES = [
  'longest_idle',
  'most_spare_capacity',
  'best_proficiency',
  'round_robin',
] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

export interface SkillRequirement {
  readonly skill: string;
  readonly minLevel: number;
}

/** What one conversation on a channel costs an agent, and how many of them it may hold. */
export interface ChannelCapacity {
  /** Units one conversation takes (default 1). */
  readonly units?: number;
  /** Most conversations on this channel at once (default: no limit but the total; 0 = never). */
  readonly max?: number;
}

/** Salesforce-style capacity: a total of units, a cost per channel, optional per-channel caps. */
export interface CapacityModel {
  readonly totalUnits: number;
  readonly channels?: Readonly<Record<string, ChannelCapacity>>;
}

export interface AgentProfile {
  readonly id: string;
  /** Skill name → level (1–10). */
  readonly skills: Readonly<Record<string, number>>;
  /** ISO 639-3 codes the agent works in, matched against a conversation's language. */
  readonly languages: readonly string[];
  readonly capacity: CapacityModel;
}

/** One bullseye ring: after `afterSeconds` in the queue the requirements relax. Cumulative. */
export interface WideningStep {
  readonly afterSeconds: number;
  /** Lower every skill's minimum level by this much (never below 1). */
  readonly lowerLevelsBy?: number;
  /** Optional skills stop being required. */
  readonly dropOptionalSkills?: boolean;
  /** Move the work to another queue (its requirements, strategy and rings apply from then on). */
  readonly overflowToQueueId?: string;
}

export interface AffinityPolicy {
  /** How recent the contact's last agent must be to be preferred (0 = no affinity). */
  readonly windowSeconds: number;
  /** How long work waits for that agent when the agent is online but busy. */
  readonly waitSeconds: number;
}

export interface QueueDefinition {
  readonly id: string;
  /** Default priority of work in this queue; higher is served first. */
  readonly priority: number;
  readonly requiredSkills: readonly SkillRequirement[];
  /** Required in the innermost ring; a widening step may drop them. */
  readonly optionalSkills: readonly SkillRequirement[];
  readonly strategy: RoutingStrategy;
  readonly widening: readonly WideningStep[];
  readonly offerTimeoutSeconds: number;
  /** Offers are accepted on the agent's behalf the moment they are made. */
  readonly autoAccept: boolean;
  readonly affinity: AffinityPolicy;
  /**
   * The SLA policy work in this queue falls under (the SLA service matches it); routing reads
   * only the resulting due time (`setSlaDue`).
   */
  readonly slaPolicyId?: string | null;
}

export interface RoutingSettings {
  /** Offers missed in a row before the agent is set away. */
  readonly maxMissedOffers: number;
  /** How long a disconnected agent keeps its work before it counts as offline. */
  readonly disconnectGraceSeconds: number;
  /** What happens to an agent's assigned conversations when it goes offline. */
  readonly onAgentOffline: 'keep' | 'reroute';
}

export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = {
  maxMissedOffers: 3,
  disconnectGraceSeconds: 60,
  onAgentOffline: 'reroute',
};

/** A conversation that needs an agent. */
export interface WorkRequest {
  readonly conversationId: string;
  readonly contactId: string;
  readonly channel: string;
  readonly queueId: string;
  /** Defaults to the queue's priority. */
  readonly priority?: number;
  /** Added to the queue's required skills (e.g. by a routing rule). */
  readonly skills?: readonly SkillRequirement[];
  /** When set, only agents working in this language are eligible. */
  readonly language?: string | null;
  readonly slaDueAt?: number | null;
  /** The routing rule that chose the queue, for explanations. */
  readonly ruleId?: string | null;
}

export type WorkState = 'waiting' | 'offered' | 'assigned';

export type OfferEndReason = 'timeout' | 'rejected' | 'withdrawn';

export type QueuedReason =
  | 'new'
  | 'offer_rejected'
  | 'offer_timeout'
  | 'offer_withdrawn'
  | 'agent_offline'
  | 'transferred'
  | 'overflow'
  | 'queue_changed';

/** Why work went to an agent: enough to answer "why this agent?" later. */
export interface AssignmentExplanation {
  readonly strategy: RoutingStrategy;
  readonly queueId: string;
  readonly ruleId: string | null;
  readonly ring: number;
  readonly requirements: readonly SkillRequirement[];
  /** How the agent was found. */
  readonly via: 'best_agent' | 'agent_freed' | 'affinity' | 'transfer_target';
  /** Eligible agents with free capacity when the choice was made (1 when the agent chose the work). */
  readonly candidates: number;
  readonly detail: string;
}

/** What the engine decided; the service persists these, then announces them. */
export type RoutingDecision =
  | {
      readonly type: 'queued';
      readonly conversationId: string;
      readonly queueId: string;
      readonly ring: number;
      readonly reason: QueuedReason;
      readonly priority: number;
      readonly channel: string;
      readonly at: number;
    }
  | {
      readonly type: 'widened';
      readonly conversationId: string;
      readonly queueId: string;
      readonly ring: number;
      readonly requirements: readonly SkillRequirement[];
      readonly at: number;
    }
  | {
      readonly type: 'offered';
      readonly conversationId: string;
      readonly agentId: string;
      readonly offerId: string;
      readonly queueId: string;
      /** null when the queue accepts on the agent's behalf. */
      readonly expiresAt: number | null;
      readonly explanation: AssignmentExplanation;
      readonly at: number;
    }
  | {
      readonly type: 'offer_expired';
      readonly conversationId: string;
      readonly agentId: string;
      readonly offerId: string;
      readonly reason: OfferEndReason;
      readonly at: number;
    }
  | {
      readonly type: 'assigned';
      readonly conversationId: string;
      readonly agentId: string;
      readonly offerId: string;
      readonly queueId: string;
      readonly acceptedBy: 'agent' | 'auto_accept';
      readonly at: number;
    }
  | {
      readonly type: 'transferred';
      readonly conversationId: string;
      readonly fromAgentId: string | null;
      readonly fromQueueId: string;
      readonly to: { readonly agentId: string } | { readonly queueId: string };
      readonly at: number;
    }
  | {
      readonly type: 'unassigned';
      readonly conversationId: string;
      readonly agentId: string;
      readonly reason: 'resolved' | 'agent_offline' | 'transferred';
      readonly at: number;
    }
  | {
      readonly type: 'dequeued';
      readonly conversationId: string;
      readonly queueId: string;
      readonly reason: 'resolved';
      readonly at: number;
    }
  | {
      readonly type: 'agent_presence_changed';
      readonly agentId: string;
      readonly presence: Presence;
      readonly reason: 'requested' | 'missed_offers' | 'disconnected' | 'removed';
      readonly at: number;
    };

export type RoutingDecisionType = RoutingDecision['type'];
