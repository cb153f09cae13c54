/**
 * Kafka topic names. Keys decide order and ownership (see docs/ARCHITECTURE.md):
 * inbound messages by tenant/channel/sender, conversation events by conversation.
 */
export const Topics = {
  inboundMessages: 'switchboard.inbound.messages',
  conversationEvents: 'switchboard.conversation.events',
  /** Decisions, keyed by conversation (agent events by agent). */
  routingEvents: 'switchboard.routing.events',
  /** Work and agent commands for the router, keyed by tenant: one router instance owns a tenant. */
  routingCommands: 'switchboard.routing.commands',
  /** SLA clock events, keyed by conversation. */
  slaEvents: 'switchboard.sla.events',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);
