import type { PathParameterDocs, RouteDoc } from '@switchboard/platform';
import { z } from 'zod';
import {
  calendarRequestSchema,
  holidayRequestSchema,
  policyRequestSchema,
} from '../http/sla.requests';
import {
  calendarResponseSchema,
  conversationClocksResponseSchema,
  holidayResponseSchema,
  policyResponseSchema,
  policyVersionResponseSchema,
} from '../http/sla.responses';
import { holidayDateParam } from '../http/sla-param.pipes';

/** Path parameters, by name, wherever they appear. */
export const PATH_PARAMETERS: PathParameterDocs = {
  calendarId: { schema: z.uuid(), description: 'The calendar (a UUID the server gave it).' },
  date: { schema: holidayDateParam, description: 'A local date of the calendar, YYYY-MM-DD.' },
  policyId: { schema: z.uuid(), description: 'The policy (a UUID the server gave it).' },
  version: { schema: z.number().int().min(1), description: 'A version of the policy: 1, 2, …' },
  conversationId: { schema: z.uuid(), description: 'The conversation (a UUID).' },
};

/** Every route of the SLA API. A unit spec holds the controllers to this list. */
export const SLA_ROUTES: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/sla/openapi.json',
    tag: 'Documentation',
    summary: 'This document',
    public: true,
    responses: { 200: { description: 'The OpenAPI 3.1 document of the SLA API.' } },
  },
  // ---- calendars
  {
    method: 'get',
    path: '/v1/sla/calendars',
    tag: 'Calendars',
    summary: 'List business-hours calendars',
    responses: {
      200: { description: 'Calendars by name.', schema: z.array(calendarResponseSchema) },
    },
  },
  {
    method: 'post',
    path: '/v1/sla/calendars',
    tag: 'Calendars',
    summary: 'Create a business-hours calendar',
    description:
      'Weekly open intervals in the calendar’s IANA time zone (an `end` not after its `start` runs overnight; `24:00` ends at midnight) and closures between two instants. A calendar that leaves no open time is refused: no business-hours clock could ever run out in it.',
    body: calendarRequestSchema,
    responses: {
      201: { description: 'Created; its id is the server’s.', schema: calendarResponseSchema },
    },
    errors: [409],
  },
  {
    method: 'get',
    path: '/v1/sla/calendars/:calendarId',
    tag: 'Calendars',
    summary: 'One calendar',
    responses: { 200: { description: 'The calendar.', schema: calendarResponseSchema } },
    errors: [404],
  },
  {
    method: 'put',
    path: '/v1/sla/calendars/:calendarId',
    tag: 'Calendars',
    summary: 'Replace a calendar (its holidays stay)',
    body: calendarRequestSchema,
    responses: { 200: { description: 'The calendar as stored.', schema: calendarResponseSchema } },
    errors: [404, 409],
  },
  {
    method: 'delete',
    path: '/v1/sla/calendars/:calendarId',
    tag: 'Calendars',
    summary: 'Delete a calendar nothing counts in',
    description:
      'Refused (409) while an active policy’s current version, an open conversation’s bound policy version or a clock counts in it.',
    responses: { 204: { description: 'Deleted, with its holidays.' } },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/v1/sla/calendars/:calendarId/holidays',
    tag: 'Calendars',
    summary: 'A calendar’s holidays',
    responses: {
      200: { description: 'Holidays by date.', schema: z.array(holidayResponseSchema) },
    },
    errors: [404],
  },
  {
    method: 'put',
    path: '/v1/sla/calendars/:calendarId/holidays/:date',
    tag: 'Calendars',
    summary: 'Close a local date all day, or rename its holiday',
    body: holidayRequestSchema,
    responses: {
      200: { description: 'Renamed.', schema: holidayResponseSchema },
      201: { description: 'Added.', schema: holidayResponseSchema },
    },
    errors: [404],
  },
  {
    method: 'delete',
    path: '/v1/sla/calendars/:calendarId/holidays/:date',
    tag: 'Calendars',
    summary: 'Open a holiday again',
    responses: { 204: { description: 'Removed.' } },
    errors: [404],
  },
  // ---- policies
  {
    method: 'get',
    path: '/v1/sla/policies',
    tag: 'Policies',
    summary: 'Active policies in matching order',
    description:
      'A conversation is bound, when the router first queues it, to the first policy by `position` whose conditions all hold.',
    responses: {
      200: {
        description: 'Each at its current version.',
        schema: z.array(policyResponseSchema),
      },
    },
  },
  {
    method: 'post',
    path: '/v1/sla/policies',
    tag: 'Policies',
    summary: 'Create a policy (version 1)',
    description:
      'Names are unique among active policies. A target counted in business hours needs `calendarId`, one of the tenant’s calendars.',
    body: policyRequestSchema,
    responses: { 201: { description: 'Created at version 1.', schema: policyResponseSchema } },
    errors: [409],
  },
  {
    method: 'get',
    path: '/v1/sla/policies/:policyId',
    tag: 'Policies',
    summary: 'An active policy at its current version',
    responses: { 200: { description: 'The policy.', schema: policyResponseSchema } },
    errors: [404],
  },
  {
    method: 'put',
    path: '/v1/sla/policies/:policyId',
    tag: 'Policies',
    summary: 'Write the next version of a policy',
    description:
      'The definition becomes a new immutable version, made current; conversations bound from then on use it, clocks already running keep the version they started with.',
    body: policyRequestSchema,
    responses: { 200: { description: 'At its new version.', schema: policyResponseSchema } },
    errors: [404, 409],
  },
  {
    method: 'delete',
    path: '/v1/sla/policies/:policyId',
    tag: 'Policies',
    summary: 'Stop a policy matching',
    description: 'Its versions stay readable, and clocks running under them run on.',
    responses: { 204: { description: 'Deactivated.' } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/v1/sla/policies/:policyId/versions/:version',
    tag: 'Policies',
    summary: 'One version of a policy (deleted policies too)',
    responses: { 200: { description: 'The version.', schema: policyVersionResponseSchema } },
    errors: [404],
  },
  // ---- clocks
  {
    method: 'get',
    path: '/v1/sla/conversations/:conversationId/clocks',
    tag: 'Clocks',
    summary: 'A conversation’s SLA state and every clock it has had',
    description:
      'Remaining and overdue seconds are computed at the moment of the request (in business seconds for business-hours clocks).',
    responses: {
      200: { description: 'Newest cycle first.', schema: conversationClocksResponseSchema },
    },
    errors: [404],
  },
];
