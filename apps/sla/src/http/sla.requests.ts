import { z } from 'zod';
import {
  calendarDefinitionSchema,
  holidayNameSchema,
  slaPolicyInputSchema,
} from '../api/shared/sla-config.schemas';

/**
 * Request bodies of the SLA API. `ZodBodyPipe` answers 400 naming each bad field, and the
 * OpenAPI document is generated from these same schemas.
 */

/** `POST /v1/sla/calendars` and `PUT /v1/sla/calendars/:calendarId` (a whole calendar). */
export const calendarRequestSchema = calendarDefinitionSchema;
export type CalendarRequest = z.output<typeof calendarRequestSchema>;

/** `PUT /v1/sla/calendars/:calendarId/holidays/:date`. */
export const holidayRequestSchema = z.object({ name: holidayNameSchema });
export type HolidayRequest = z.output<typeof holidayRequestSchema>;

/** `POST /v1/sla/policies` and `PUT /v1/sla/policies/:policyId` (a new version). */
export const policyRequestSchema = slaPolicyInputSchema;
export type PolicyRequest = z.output<typeof policyRequestSchema>;
