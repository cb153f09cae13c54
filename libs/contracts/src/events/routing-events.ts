import { z } from 'zod';
import { CHANNELS } from '../channel';

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });
/** Agent and queue ids are chosen by the tenant (e.g. an HR id, "billing-tier-2"). */
export const routingId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" or "-", at most 64');
const requirement = z.object({
  skill: z.string().min(1),
  minLevel: z.number().int().min(1).max(10),
});
const presence = z.enum(['online', 'away', 'offline']);

// ---- Routing events (topic switchboard.routing.events; key: conversation id, agent id for agent events)

export const routingQueuedV1 = z.object({
  conversationId: uuid,
  queueId: routingId,
  ring: z.number().int().nonnegative(),
  reason: z.enum([
    'new',
    'offer_rejected',
    'offer_timeout',
    'offer_withdrawn',
    'agent_offline',
    'transferred',
    'overflow',
    'queue_changed',
  ]),
  /** The work's priority (higher is served first) and channel, for SLA policies that match on them. */
  priority: z.number().int(),
  channel: z.enum(CHANNELS),
  at: instant,
});

export const routingWidenedV1 = z.object({
  conversationId: uuid,
  queueId: routingId,
  ring: z.number().int().positive(),
  requirements: z.array(requirement),
  at: instant,
});

export const routingOfferedV1 = z.object({
  conversationId: uuid,
  agentId: routingId,
  offerId: uuid,
  queueId: routingId,
  /** null when the queue accepts on the agent's behalf. */
  expiresAt: instant.nullable(),
  explanation: z.object({
    strategy: z.string(),
    ruleId: z.string().nullable(),
    ring: z.number().int().nonnegative(),
    requirements: z.array(requirement),
    via: z.enum(['best_agent', 'agent_freed', 'affinity', 'transfer_target']),
    candidates: z.number().int().nonnegative(),
    detail: z.string(),
  }),
  at: instant,
});

export const routingOfferExpiredV1 = z.object({
  conversationId: uuid,
  agentId: routingId,
  offerId: uuid,
  reason: z.enum(['timeout', 'rejected', 'withdrawn']),
  at: instant,
});

export const routingAssignedV1 = z.object({
  conversationId: uuid,
  agentId: routingId,
  offerId: uuid,
  queueId: routingId,
  acceptedBy: z.enum(['agent', 'auto_accept']),
  at: instant,
});

export const routingTransferredV1 = z.object({
  conversationId: uuid,
  fromAgentId: routingId.nullable(),
  fromQueueId: routingId,
  toAgentId: routingId.nullable(),
  toQueueId: routingId.nullable(),
  at: instant,
});

export const routingUnassignedV1 = z.object({
  conversationId: uuid,
  agentId: routingId,
  reason: z.enum(['resolved', 'agent_offline', 'transferred']),
  at: instant,
});

export const routingDequeuedV1 = z.object({
  conversationId: uuid,
  queueId: routingId,
  reason: z.enum(['resolved']),
  at: instant,
});

export const routingAgentPresenceChangedV1 = z.object({
  agentId: routingId,
  presence,
  reason: z.enum(['requested', 'missed_offers', 'disconnected', 'removed']),
  at: instant,
});

// ---- Routing commands (topic switchboard.routing.commands; key: tenant id, so one router owns a tenant)

export const routingWorkRequestedV1 = z.object({
  conversationId: uuid,
  contactId: uuid,
  channel: z.enum(CHANNELS),
  channelAccountId: uuid.nullable(),
  language: z.string().nullable(),
  /** The message that asks for an agent, for keyword rules. */
  text: z.string(),
  receivedAt: instant,
});

export const routingWorkEndedV1 = z.object({
  conversationId: uuid,
  reason: z.enum(['resolved']),
  at: instant,
});

export const routingPresenceRequestedV1 = z.object({ agentId: routingId, presence });

export const routingConnectionChangedV1 = z.object({ agentId: routingId, connected: z.boolean() });

export const routingOfferAnsweredV1 = z.object({
  conversationId: uuid,
  agentId: routingId,
  answer: z.enum(['accept', 'reject']),
});

export const routingTransferRequestedV1 = z
  .object({
    conversationId: uuid,
    toAgentId: routingId.nullable(),
    toQueueId: routingId.nullable(),
  })
  .refine((t) => (t.toAgentId === null) !== (t.toQueueId === null), {
    message: 'exactly one of toAgentId and toQueueId',
  });

export const routingConfigChangedV1 = z.object({
  subject: z.enum(['agent', 'queue', 'rules', 'settings']),
  /** The agent or queue id; null for rules and settings. */
  id: routingId.nullable(),
});

/** The SLA service's earliest due time for the conversation: waiting work is served by it. */
export const routingSlaDueChangedV1 = z.object({
  conversationId: uuid,
  dueAt: instant.nullable(),
});

/** An SLA escalation: serve the conversation at least at this priority. */
export const routingPriorityRaisedV1 = z.object({
  conversationId: uuid,
  priority: z.number().int().min(0).max(1_000),
});

export type RoutingWorkRequested = z.infer<typeof routingWorkRequestedV1>;
export type RoutingOffered = z.infer<typeof routingOfferedV1>;
export type RoutingAssigned = z.infer<typeof routingAssignedV1>;
