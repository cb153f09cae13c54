import { PRESENCES } from '@switchboard/routing';
import { z } from 'zod';
import {
  agentDefinitionSchema,
  queueDefinitionSchema,
  routingIdSchema,
  routingRulesSchema,
  routingSettingsSchema,
  skillDescriptionSchema,
} from '../use-cases/shared/routing-config.schemas';

/**
 * Request bodies of the routing API. `ZodBodyPipe` answers 400 naming each bad field, and the
 * OpenAPI document is generated from these same schemas.
 */

/** `PUT /v1/routing/skills/:name`; no body keeps the description (or leaves it empty). */
export const putSkillRequestSchema = z
  .object({ description: skillDescriptionSchema.optional() })
  .default({});
export type PutSkillRequest = z.output<typeof putSkillRequestSchema>;

/** `PUT /v1/routing/agents/:agentId`. */
export const putAgentRequestSchema = agentDefinitionSchema;
export type PutAgentRequest = z.output<typeof putAgentRequestSchema>;

/** `PUT /v1/routing/agents/:agentId/presence`. */
export const setPresenceRequestSchema = z.object({ presence: z.enum(PRESENCES) });
export type SetPresenceRequest = z.output<typeof setPresenceRequestSchema>;

/** `PUT /v1/routing/agents/:agentId/connection`, from the agent desk's socket. */
export const setConnectionRequestSchema = z.object({ connected: z.boolean() });
export type SetConnectionRequest = z.output<typeof setConnectionRequestSchema>;

/** `PUT /v1/routing/queues/:queueId`: the queue's definition without its id, plus a name. */
export const putQueueRequestSchema = queueDefinitionSchema;
export type PutQueueRequest = z.output<typeof putQueueRequestSchema>;

/** `PUT /v1/routing/rules`: the whole ordered list (a JSON array). */
export const replaceRulesRequestSchema = routingRulesSchema;
export type ReplaceRulesRequest = z.output<typeof replaceRulesRequestSchema>;

/** `PUT /v1/routing/settings`. */
export const putSettingsRequestSchema = routingSettingsSchema;
export type PutSettingsRequest = z.output<typeof putSettingsRequestSchema>;

/** `POST /v1/routing/conversations/:conversationId/accept` and `/reject`. */
export const answerOfferRequestSchema = z.object({ agentId: routingIdSchema });
export type AnswerOfferRequest = z.output<typeof answerOfferRequestSchema>;

/** `POST /v1/routing/conversations/:conversationId/transfer`: to one agent or to one queue. */
export const transferRequestSchema = z
  .object({ agentId: routingIdSchema.optional(), queueId: routingIdSchema.optional() })
  .superRefine((body, context) => {
    if (body.agentId === undefined && body.queueId === undefined)
      context.addIssue({
        code: 'custom',
        path: ['agentId'],
        message: 'give agentId (an agent) or queueId (a queue)',
      });
    if (body.agentId !== undefined && body.queueId !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['queueId'],
        message: 'give only one of agentId and queueId',
      });
  });
export type TransferRequest = z.output<typeof transferRequestSchema>;
