import type {
  AgentProfile,
  QueueDefinition,
  RoutingDecision,
  RoutingDecisionType,
  RoutingSettings,
  WorkRequest,
} from '../model';
import { DEFAULT_ROUTING_SETTINGS } from '../model';
import { RoutingEngine } from '../routing-engine';

/** A Monday, 09:00 UTC: the start of every test's clock. */
export const T0 = Date.UTC(2025, 0, 6, 9);

/** `n` seconds after T0. */
export function at(seconds: number): number {
  return T0 + seconds * 1000;
}

export function agentProfile(id: string, overrides: Partial<AgentProfile> = {}): AgentProfile {
  return { id, skills: {}, languages: [], capacity: { totalUnits: 1 }, ...overrides };
}

export function queueDefinition(
  id: string,
  overrides: Partial<QueueDefinition> = {},
): QueueDefinition {
  return {
    id,
    priority: 0,
    requiredSkills: [],
    optionalSkills: [],
    strategy: 'longest_idle',
    widening: [],
    offerTimeoutSeconds: 30,
    autoAccept: false,
    affinity: { windowSeconds: 0, waitSeconds: 0 },
    ...overrides,
  };
}

/** A chat in queue `support` from a contact of its own, unless told otherwise. */
export function work(conversationId: string, overrides: Partial<WorkRequest> = {}): WorkRequest {
  return {
    conversationId,
    contactId: `contact-${conversationId}`,
    channel: 'chat',
    queueId: 'support',
    ...overrides,
  };
}

export interface EngineSetup {
  readonly settings?: Partial<RoutingSettings>;
  /** Defaults to one `support` queue with no requirements. */
  readonly queues?: readonly QueueDefinition[];
  /** Put online at T0, in this order. */
  readonly agents?: readonly AgentProfile[];
  /** Registered but left offline. */
  readonly offlineAgents?: readonly AgentProfile[];
}

/** An engine with offer ids `offer-1`, `offer-2`, … and the given queues and agents at T0. */
export function createEngine(setup: EngineSetup = {}): RoutingEngine {
  let ids = 0;
  const engine = new RoutingEngine({
    settings: { ...DEFAULT_ROUTING_SETTINGS, ...setup.settings },
    newId: () => `offer-${++ids}`,
  });
  for (const queue of setup.queues ?? [queueDefinition('support')]) engine.upsertQueue(queue, T0);
  for (const agent of [...(setup.agents ?? []), ...(setup.offlineAgents ?? [])])
    engine.upsertAgent(agent, T0);
  for (const agent of setup.agents ?? []) engine.setPresence(agent.id, 'online', T0);
  return engine;
}

export function ofType<T extends RoutingDecisionType>(
  decisions: readonly RoutingDecision[],
  type: T,
): Extract<RoutingDecision, { type: T }>[] {
  return decisions.filter((d): d is Extract<RoutingDecision, { type: T }> => d.type === type);
}

/** Conversation → agent of every offer among the decisions. */
export function offers(decisions: readonly RoutingDecision[]): Record<string, string> {
  return Object.fromEntries(ofType(decisions, 'offered').map((d) => [d.conversationId, d.agentId]));
}

/** Who holds the conversation now and how, or `waiting`. */
export function holderOf(engine: RoutingEngine, conversationId: string): string {
  const item = engine.findWork(conversationId);
  if (!item) return 'not routed';
  return item.state === 'waiting' ? 'waiting' : `${item.state}:${item.agentId}`;
}
