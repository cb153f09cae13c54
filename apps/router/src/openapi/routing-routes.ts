import type { PathParameterDocs, ResponseDoc, RouteDoc } from '@switchboard/platform';
import { z } from 'zod';
import {
  answerOfferRequestSchema,
  putAgentRequestSchema,
  putQueueRequestSchema,
  putSettingsRequestSchema,
  putSkillRequestSchema,
  replaceRulesRequestSchema,
  setConnectionRequestSchema,
  setPresenceRequestSchema,
  transferRequestSchema,
} from '../http/routing.requests';
import {
  agentResponseSchema,
  answerResponseSchema,
  connectionResponseSchema,
  conversationResponseSchema,
  explainResponseSchema,
  pendingResponseSchema,
  presenceResponseSchema,
  queueResponseSchema,
  rulesResponseSchema,
  settingsResponseSchema,
  skillResponseSchema,
} from '../http/routing.responses';
import { routedConversationsFilterSchema } from '../use-cases/list-routed-conversations/list-routed-conversations.command';
import { routingIdSchema, skillNameSchema } from '../use-cases/shared/routing-config.schemas';

/** Path parameters, by name, wherever they appear. */
export const PATH_PARAMETERS: PathParameterDocs = {
  name: { schema: skillNameSchema, description: 'The skill: a lowercase slug.' },
  agentId: { schema: routingIdSchema, description: 'The agent id the tenant chose.' },
  queueId: { schema: routingIdSchema, description: 'The queue id the tenant chose.' },
  conversationId: { schema: z.uuid(), description: 'The conversation (a UUID).' },
};

const pending: ResponseDoc = {
  description:
    'The router owning the tenant has not applied it within the wait; it will (the command is on Kafka).',
  schema: pendingResponseSchema,
};

/** Every route of the routing API. A unit spec holds the controllers to this list. */
export const ROUTING_ROUTES: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/routing/openapi.json',
    tag: 'Documentation',
    summary: 'This document',
    public: true,
    responses: { 200: { description: 'The OpenAPI 3.1 document of the routing API.' } },
  },
  // ---- skills
  {
    method: 'get',
    path: '/v1/routing/skills',
    tag: 'Skills',
    summary: 'List the skill catalogue',
    responses: { 200: { description: 'Skills by name.', schema: z.array(skillResponseSchema) } },
  },
  {
    method: 'put',
    path: '/v1/routing/skills/:name',
    tag: 'Skills',
    summary: 'Add a skill or change its description',
    body: putSkillRequestSchema,
    responses: {
      200: { description: 'Updated.', schema: skillResponseSchema },
      201: { description: 'Created.', schema: skillResponseSchema },
    },
  },
  {
    method: 'delete',
    path: '/v1/routing/skills/:name',
    tag: 'Skills',
    summary: 'Delete a skill no agent, queue or rule uses',
    responses: { 204: { description: 'Deleted.' } },
    errors: [404, 409],
  },
  // ---- agents
  {
    method: 'get',
    path: '/v1/routing/agents',
    tag: 'Agents',
    summary: 'List agents with presence, connection and load',
    responses: { 200: { description: 'Agents by id.', schema: z.array(agentResponseSchema) } },
  },
  {
    method: 'get',
    path: '/v1/routing/agents/:agentId',
    tag: 'Agents',
    summary: 'One agent with presence, connection and load',
    responses: { 200: { description: 'The agent.', schema: agentResponseSchema } },
    errors: [404],
  },
  {
    method: 'put',
    path: '/v1/routing/agents/:agentId',
    tag: 'Agents',
    summary: 'Create or redefine an agent',
    description:
      'Skills must be in the catalogue; channels are Switchboard channels. The router owning the tenant applies the profile before the answer (or soon after, if it is slow).',
    body: putAgentRequestSchema,
    responses: {
      200: { description: 'Redefined; the agent as stored.', schema: agentResponseSchema },
      201: { description: 'Created; the agent as stored.', schema: agentResponseSchema },
    },
  },
  {
    method: 'delete',
    path: '/v1/routing/agents/:agentId',
    tag: 'Agents',
    summary: 'Delete an agent (its work is routed to others)',
    responses: { 204: { description: 'Deleted and its work re-routed.' }, 202: pending },
    errors: [404],
  },
  {
    method: 'put',
    path: '/v1/routing/agents/:agentId/presence',
    tag: 'Agents',
    summary: 'Set an agent online, away or offline',
    body: setPresenceRequestSchema,
    responses: { 200: { description: 'Applied.', schema: presenceResponseSchema }, 202: pending },
    errors: [404],
  },
  {
    method: 'put',
    path: '/v1/routing/agents/:agentId/connection',
    tag: 'Agents',
    summary: "Report that the agent's desk connected or disconnected",
    body: setConnectionRequestSchema,
    responses: {
      200: { description: 'Applied.', schema: connectionResponseSchema },
      202: pending,
    },
    errors: [404],
  },
  // ---- queues
  {
    method: 'get',
    path: '/v1/routing/queues',
    tag: 'Queues',
    summary: 'List queues',
    responses: { 200: { description: 'Queues by id.', schema: z.array(queueResponseSchema) } },
  },
  {
    method: 'get',
    path: '/v1/routing/queues/:queueId',
    tag: 'Queues',
    summary: 'One queue',
    responses: { 200: { description: 'The queue.', schema: queueResponseSchema } },
    errors: [404],
  },
  {
    method: 'put',
    path: '/v1/routing/queues/:queueId',
    tag: 'Queues',
    summary: 'Create or redefine a queue',
    description:
      'Skills must be in the catalogue and overflow queues must exist. Waiting work in the queue is re-placed under the new definition.',
    body: putQueueRequestSchema,
    responses: {
      200: { description: 'Redefined; the queue as stored.', schema: queueResponseSchema },
      201: { description: 'Created; the queue as stored.', schema: queueResponseSchema },
    },
  },
  {
    method: 'delete',
    path: '/v1/routing/queues/:queueId',
    tag: 'Queues',
    summary: 'Delete a queue nothing refers to and no conversation is in',
    responses: { 204: { description: 'Deleted.' }, 202: pending },
    errors: [404, 409],
  },
  // ---- rules and settings
  {
    method: 'get',
    path: '/v1/routing/rules',
    tag: 'Rules and settings',
    summary: 'The routing rules, in the order they are tried',
    responses: { 200: { description: 'The rules.', schema: rulesResponseSchema } },
  },
  {
    method: 'put',
    path: '/v1/routing/rules',
    tag: 'Rules and settings',
    summary: 'Replace the whole ordered rule list',
    description:
      'The first rule whose every condition holds chooses the queue of a new conversation; when none does, the default queue does.',
    body: replaceRulesRequestSchema,
    responses: { 200: { description: 'The rules as stored.', schema: rulesResponseSchema } },
  },
  {
    method: 'get',
    path: '/v1/routing/settings',
    tag: 'Rules and settings',
    summary: 'The routing settings and default queue',
    responses: { 200: { description: 'The settings.', schema: settingsResponseSchema } },
  },
  {
    method: 'put',
    path: '/v1/routing/settings',
    tag: 'Rules and settings',
    summary: 'Replace the routing settings and default queue',
    body: putSettingsRequestSchema,
    responses: { 200: { description: 'The settings as stored.', schema: settingsResponseSchema } },
  },
  // ---- conversations
  {
    method: 'get',
    path: '/v1/routing/conversations',
    tag: 'Conversations',
    summary: 'Conversations in routing, longest waiting first',
    description:
      'Filter by state, agent and queue: `?state=offered&agentId=ada` lists what an agent is being offered, `?queueId=billing&state=waiting` a backlog.',
    query: routedConversationsFilterSchema,
    responses: {
      200: { description: 'At most `limit` of them.', schema: z.array(conversationResponseSchema) },
    },
  },
  {
    method: 'get',
    path: '/v1/routing/conversations/:conversationId',
    tag: 'Conversations',
    summary: 'Where a conversation is in routing',
    responses: {
      200: { description: 'Waiting, offered or assigned.', schema: conversationResponseSchema },
    },
    errors: [404],
  },
  {
    method: 'post',
    path: '/v1/routing/conversations/:conversationId/accept',
    tag: 'Conversations',
    summary: 'The offered agent accepts the conversation',
    body: answerOfferRequestSchema,
    responses: {
      200: { description: 'Assigned to the agent.', schema: answerResponseSchema },
      202: pending,
    },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/v1/routing/conversations/:conversationId/reject',
    tag: 'Conversations',
    summary: 'The offered agent rejects the conversation',
    body: answerOfferRequestSchema,
    responses: {
      200: { description: 'Back in its queue.', schema: answerResponseSchema },
      202: pending,
    },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/v1/routing/conversations/:conversationId/transfer',
    tag: 'Conversations',
    summary: 'Transfer a conversation to an agent or a queue',
    body: transferRequestSchema,
    responses: {
      200: { description: 'Where the conversation is now.', schema: conversationResponseSchema },
      202: pending,
    },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/v1/routing/conversations/:conversationId/explain',
    tag: 'Conversations',
    summary: 'Why a conversation went to its agent, or why it is still waiting',
    responses: {
      200: {
        description: 'The live explanation and the decision history.',
        schema: explainResponseSchema,
      },
    },
    errors: [404],
  },
];
