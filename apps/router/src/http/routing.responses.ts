import type { Explanation } from '@switchboard/routing';
import { PRESENCES } from '@switchboard/routing';
import { z } from 'zod';
import type { AgentView } from '../use-cases/shared/agent-load';
import type { QueueRecord } from '../use-cases/shared/queue-catalogue.repository';
import type { HistoryEntry, RoutedWork } from '../use-cases/shared/routed-work.repository';
import type { StoredRule, StoredSettings } from '../use-cases/shared/routing-policy.repository';
import type { SkillRecord } from '../use-cases/shared/skill-catalogue.repository';
import type { RoutingExplanation } from '../use-cases/explain-routing/explain-routing.use-case';
import {
  agentDefinitionSchema,
  queueDefinitionSchema,
  routingRuleSchema,
  routingSettingsSchema,
} from '../use-cases/shared/routing-config.schemas';

/**
 * What the routing API answers, as schemas (for the OpenAPI document) and the functions that
 * shape each answer (typed by those schemas, so the two cannot drift). Instants are ISO 8601.
 */

const instant = z.iso.datetime();
const iso = (date: Date | number): string => new Date(date).toISOString();
const isoOrNull = (date: Date | number | null): string | null => (date === null ? null : iso(date));

/** The owning router has not applied the command within the wait; it will (it is on Kafka). */
export const pendingResponseSchema = z.object({
  status: z.literal('pending'),
  commandId: z.uuid(),
});
export type PendingResponse = z.output<typeof pendingResponseSchema>;
export const pendingResponse = (commandId: string): PendingResponse => ({
  status: 'pending',
  commandId,
});

// ---- skills

export const skillResponseSchema = z.object({
  name: z.string(),
  description: z.string(),
  createdAt: instant,
});
export type SkillResponse = z.output<typeof skillResponseSchema>;
export const skillResponse = (skill: SkillRecord): SkillResponse => ({
  name: skill.name,
  description: skill.description,
  createdAt: iso(skill.createdAt),
});

// ---- agents

export const agentResponseSchema = agentDefinitionSchema.extend({
  id: z.string(),
  presence: z.enum(PRESENCES),
  /** Whether the agent's desk is connected (a disconnected agent gets no new work). */
  connected: z.boolean(),
  disconnectedAt: instant.nullable(),
  load: z.object({
    offered: z.number().int(),
    assigned: z.number().int(),
    usedUnits: z.number(),
    totalUnits: z.number(),
  }),
  createdAt: instant,
  updatedAt: instant,
});
export type AgentResponse = z.output<typeof agentResponseSchema>;
export const agentResponse = (agent: AgentView): AgentResponse => ({
  id: agent.id,
  name: agent.name,
  skills: { ...agent.skills },
  languages: [...agent.languages],
  capacity: agent.capacity,
  presence: agent.presence,
  connected: agent.connected,
  disconnectedAt: isoOrNull(agent.disconnectedAt),
  load: agent.load,
  createdAt: iso(agent.createdAt),
  updatedAt: iso(agent.updatedAt),
});

export const presenceResponseSchema = z.object({
  agentId: z.string(),
  presence: z.enum(PRESENCES),
});
export const connectionResponseSchema = z.object({ agentId: z.string(), connected: z.boolean() });

// ---- queues

export const queueResponseSchema = queueDefinitionSchema.safeExtend({
  id: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type QueueResponse = z.output<typeof queueResponseSchema>;
export const queueResponse = (queue: QueueRecord): QueueResponse => {
  const definition = queue.definition;
  return {
    id: queue.id,
    name: queue.name,
    priority: definition.priority,
    requiredSkills: [...definition.requiredSkills],
    optionalSkills: [...definition.optionalSkills],
    strategy: definition.strategy,
    widening: [...definition.widening],
    offerTimeoutSeconds: definition.offerTimeoutSeconds,
    autoAccept: definition.autoAccept,
    affinity: definition.affinity,
    slaPolicyId: definition.slaPolicyId ?? null,
    createdAt: iso(queue.createdAt),
    updatedAt: iso(queue.updatedAt),
  };
};

// ---- rules and settings

export const rulesResponseSchema = z.array(routingRuleSchema);
export const rulesResponse = (rules: readonly StoredRule[]): z.output<typeof rulesResponseSchema> =>
  rules.map((rule) => ({
    id: rule.id,
    name: rule.name,
    conditions: rule.conditions as z.output<typeof routingRuleSchema>['conditions'],
    action: rule.action as z.output<typeof routingRuleSchema>['action'],
  }));

export const settingsResponseSchema = routingSettingsSchema;
export const settingsResponse = (
  settings: StoredSettings,
): z.output<typeof settingsResponseSchema> => ({
  maxMissedOffers: settings.maxMissedOffers,
  disconnectGraceSeconds: settings.disconnectGraceSeconds,
  onAgentOffline: settings.onAgentOffline,
  defaultQueueId: settings.defaultQueueId,
});

// ---- conversations

export const conversationResponseSchema = z.object({
  conversationId: z.uuid(),
  contactId: z.uuid(),
  channel: z.string(),
  state: z.enum(['waiting', 'offered', 'assigned']),
  queueId: z.string(),
  agentId: z.string().nullable(),
  /** When the pending offer lapses; null when none is pending or the queue auto-accepts. */
  offerExpiresAt: instant.nullable(),
  /** Widening ring: 0 while the queue's full requirements apply. */
  ring: z.number().int(),
  priority: z.number(),
  /**
   * When its SLA is next due (the earliest of its running clocks); null when none runs.
   * Waiting work of equal priority is served by it.
   */
  slaDueAt: instant.nullable(),
  ruleId: z.string().nullable(),
  waitingSince: instant,
  updatedAt: instant,
});
export type ConversationResponse = z.output<typeof conversationResponseSchema>;
export const conversationResponse = (work: RoutedWork): ConversationResponse => {
  const { snapshot } = work;
  return {
    conversationId: snapshot.conversationId,
    contactId: snapshot.contactId,
    channel: snapshot.channel,
    state: snapshot.state,
    queueId: snapshot.queueId,
    agentId: snapshot.agentId,
    offerExpiresAt: snapshot.state === 'offered' ? isoOrNull(snapshot.offerExpiresAt) : null,
    ring: snapshot.ring,
    priority: snapshot.priority,
    slaDueAt: isoOrNull(snapshot.slaDueAt ?? null),
    ruleId: snapshot.ruleId,
    waitingSince: iso(snapshot.waitingSince),
    updatedAt: iso(work.updatedAt),
  };
};

export const answerResponseSchema = z.object({
  conversationId: z.uuid(),
  agentId: z.string(),
  state: z.enum(['assigned', 'requeued']),
});

export const explainResponseSchema = z.object({
  /**
   * `state` is not_routed, waiting (with the requirements, ring, and every agent's reason for
   * not being offered it), offered or assigned (with why that agent was chosen).
   */
  live: z
    .object({
      conversationId: z.uuid(),
      state: z.enum(['not_routed', 'waiting', 'offered', 'assigned']),
    })
    .loose(),
  /** Decisions as the engine made them (their own times in epoch milliseconds). */
  history: z.array(
    z.object({ type: z.string(), at: instant, decision: z.record(z.string(), z.unknown()) }),
  ),
});
export type ExplainResponse = z.output<typeof explainResponseSchema>;
export const explainResponse = (explanation: RoutingExplanation): ExplainResponse => ({
  live: liveExplanation(explanation.live),
  history: explanation.history.map((entry: HistoryEntry) => ({
    type: entry.type,
    at: iso(entry.at),
    decision: { ...entry.decision },
  })),
});

/** The engine's explanation with its instants as ISO 8601. */
export function liveExplanation(live: Explanation): ExplainResponse['live'] {
  switch (live.state) {
    case 'not_routed':
      return { ...live };
    case 'offered':
    case 'assigned':
      return { ...live, offerExpiresAt: isoOrNull(live.offerExpiresAt) };
    case 'waiting':
      return {
        ...live,
        waitingSince: iso(live.waitingSince),
        nextWideningAt: isoOrNull(live.nextWideningAt),
      };
  }
}
