import type { z } from 'zod';
import {
  contactCreatedV1,
  contactMergedV1,
  contactTierChangedV1,
  conversationOpenedV1,
  conversationReopenedV1,
  conversationResolvedV1,
  conversationStatusChangedV1,
  messageDeletedV1,
  messageReceivedV1,
  messageSentV1,
  messageStatusChangedV1,
  messageUpdatedV1,
} from './events/conversation-events';
import {
  inboundMessageDeletedV1,
  inboundMessageEditedV1,
  inboundMessageReceivedV1,
  inboundReactionReceivedV1,
  inboundStatusReceivedV1,
} from './events/inbound-message';
import {
  routingAgentPresenceChangedV1,
  routingAssignedV1,
  routingConfigChangedV1,
  routingConnectionChangedV1,
  routingDequeuedV1,
  routingOfferAnsweredV1,
  routingOfferedV1,
  routingOfferExpiredV1,
  routingPresenceRequestedV1,
  routingPriorityRaisedV1,
  routingQueuedV1,
  routingSlaDueChangedV1,
  routingTransferredV1,
  routingTransferRequestedV1,
  routingUnassignedV1,
  routingWidenedV1,
  routingWorkEndedV1,
  routingWorkRequestedV1,
} from './events/routing-events';
import {
  slaBreachedV1,
  slaMetV1,
  slaPausedV1,
  slaResumedV1,
  slaStartedV1,
  slaStoppedV1,
  slaWarningV1,
} from './events/sla-events';
import { Topics, type Topic } from './topics';

/** One entry per event type: its current schema version, data schema and topic. */
export const EVENT_CATALOG = {
  'inbound.message_received': {
    version: 1,
    schema: inboundMessageReceivedV1,
    topic: Topics.inboundMessages,
  },
  'inbound.message_edited': {
    version: 1,
    schema: inboundMessageEditedV1,
    topic: Topics.inboundMessages,
  },
  'inbound.message_deleted': {
    version: 1,
    schema: inboundMessageDeletedV1,
    topic: Topics.inboundMessages,
  },
  'inbound.status_received': {
    version: 1,
    schema: inboundStatusReceivedV1,
    topic: Topics.inboundMessages,
  },
  'inbound.reaction_received': {
    version: 1,
    schema: inboundReactionReceivedV1,
    topic: Topics.inboundMessages,
  },
  'contact.created': { version: 1, schema: contactCreatedV1, topic: Topics.conversationEvents },
  'conversation.opened': {
    version: 1,
    schema: conversationOpenedV1,
    topic: Topics.conversationEvents,
  },
  'message.received': { version: 1, schema: messageReceivedV1, topic: Topics.conversationEvents },
  'conversation.reopened': {
    version: 1,
    schema: conversationReopenedV1,
    topic: Topics.conversationEvents,
  },
  'message.updated': { version: 1, schema: messageUpdatedV1, topic: Topics.conversationEvents },
  'message.deleted': { version: 1, schema: messageDeletedV1, topic: Topics.conversationEvents },
  'message.status_changed': {
    version: 1,
    schema: messageStatusChangedV1,
    topic: Topics.conversationEvents,
  },
  'contact.merged': { version: 1, schema: contactMergedV1, topic: Topics.conversationEvents },
  'conversation.resolved': {
    version: 1,
    schema: conversationResolvedV1,
    topic: Topics.conversationEvents,
  },
  'contact.tier_changed': {
    version: 1,
    schema: contactTierChangedV1,
    topic: Topics.conversationEvents,
  },
  'message.sent': { version: 1, schema: messageSentV1, topic: Topics.conversationEvents },
  'conversation.status_changed': {
    version: 1,
    schema: conversationStatusChangedV1,
    topic: Topics.conversationEvents,
  },
  'routing.queued': { version: 1, schema: routingQueuedV1, topic: Topics.routingEvents },
  'routing.widened': { version: 1, schema: routingWidenedV1, topic: Topics.routingEvents },
  'routing.offered': { version: 1, schema: routingOfferedV1, topic: Topics.routingEvents },
  'routing.offer_expired': {
    version: 1,
    schema: routingOfferExpiredV1,
    topic: Topics.routingEvents,
  },
  'routing.assigned': { version: 1, schema: routingAssignedV1, topic: Topics.routingEvents },
  'routing.transferred': { version: 1, schema: routingTransferredV1, topic: Topics.routingEvents },
  'routing.unassigned': { version: 1, schema: routingUnassignedV1, topic: Topics.routingEvents },
  'routing.dequeued': { version: 1, schema: routingDequeuedV1, topic: Topics.routingEvents },
  'routing.agent_presence_changed': {
    version: 1,
    schema: routingAgentPresenceChangedV1,
    topic: Topics.routingEvents,
  },
  'routing.work_requested': {
    version: 1,
    schema: routingWorkRequestedV1,
    topic: Topics.routingCommands,
  },
  'routing.work_ended': { version: 1, schema: routingWorkEndedV1, topic: Topics.routingCommands },
  'routing.presence_requested': {
    version: 1,
    schema: routingPresenceRequestedV1,
    topic: Topics.routingCommands,
  },
  'routing.connection_changed': {
    version: 1,
    schema: routingConnectionChangedV1,
    topic: Topics.routingCommands,
  },
  'routing.offer_answered': {
    version: 1,
    schema: routingOfferAnsweredV1,
    topic: Topics.routingCommands,
  },
  'routing.transfer_requested': {
    version: 1,
    schema: routingTransferRequestedV1,
    topic: Topics.routingCommands,
  },
  'routing.config_changed': {
    version: 1,
    schema: routingConfigChangedV1,
    topic: Topics.routingCommands,
  },
  'routing.sla_due_changed': {
    version: 1,
    schema: routingSlaDueChangedV1,
    topic: Topics.routingCommands,
  },
  'routing.priority_raised': {
    version: 1,
    schema: routingPriorityRaisedV1,
    topic: Topics.routingCommands,
  },
  'sla.started': { version: 1, schema: slaStartedV1, topic: Topics.slaEvents },
  'sla.paused': { version: 1, schema: slaPausedV1, topic: Topics.slaEvents },
  'sla.resumed': { version: 1, schema: slaResumedV1, topic: Topics.slaEvents },
  'sla.warning': { version: 1, schema: slaWarningV1, topic: Topics.slaEvents },
  'sla.breached': { version: 1, schema: slaBreachedV1, topic: Topics.slaEvents },
  'sla.met': { version: 1, schema: slaMetV1, topic: Topics.slaEvents },
  'sla.stopped': { version: 1, schema: slaStoppedV1, topic: Topics.slaEvents },
} as const satisfies Record<string, { version: number; schema: z.ZodType; topic: Topic }>;

export type EventType = keyof typeof EVENT_CATALOG;

export type EventData<T extends EventType> = z.infer<(typeof EVENT_CATALOG)[T]['schema']>;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOG, type);
}
