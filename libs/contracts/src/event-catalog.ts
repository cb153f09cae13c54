import type { z } from 'zod';
import {
  contactCreatedV1,
  contactMergedV1,
  conversationOpenedV1,
  conversationReopenedV1,
  messageDeletedV1,
  messageReceivedV1,
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
} as const satisfies Record<string, { version: number; schema: z.ZodType; topic: Topic }>;

export type EventType = keyof typeof EVENT_CATALOG;

export type EventData<T extends EventType> = z.infer<(typeof EVENT_CATALOG)[T]['schema']>;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOG, type);
}
