import { CHANNELS, SLA_METRICS, slaEscalationAction, slaPauseStatus } from '@switchboard/contracts';
import type { SlaPolicyDefinition } from '@switchboard/sla';
import { z } from 'zod';
import type { CalendarRecord, HolidayRecord } from '../api/calendars/calendar.repository';
import type { ConversationClocks } from '../api/clocks/get-conversation-clocks.use-case';
import type { PolicyRecord, PolicyVersionRecord } from '../api/policies/policy.repository';
import { slaTargetSchema, weeklyIntervalSchema } from '../api/shared/sla-config.schemas';

/**
 * What the SLA API answers, as schemas (for the OpenAPI document) and the functions that
 * shape each answer (typed by those schemas, so the two cannot drift). Instants are ISO 8601.
 */

const instant = z.iso.datetime();
const iso = (date: Date | number): string => new Date(date).toISOString();
const isoOrNull = (date: Date | number | null): string | null => (date === null ? null : iso(date));

// ---- calendars

export const calendarResponseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  weekly: z.array(weeklyIntervalSchema),
  closures: z.array(z.object({ from: instant, to: instant, name: z.string() })),
  createdAt: instant,
  updatedAt: instant,
});
export type CalendarResponse = z.output<typeof calendarResponseSchema>;
export const calendarResponse = (calendar: CalendarRecord): CalendarResponse => ({
  id: calendar.id,
  name: calendar.name,
  timeZone: calendar.timeZone,
  weekly: calendar.weekly.map(({ day, start, end }) => ({ day, start, end })),
  closures: calendar.closures.map(({ from, to, name }) => ({ from, to, name })),
  createdAt: iso(calendar.createdAt),
  updatedAt: iso(calendar.updatedAt),
});

export const holidayResponseSchema = z.object({ date: z.iso.date(), name: z.string() });
export type HolidayResponse = z.output<typeof holidayResponseSchema>;
export const holidayResponse = (holiday: HolidayRecord): HolidayResponse => ({
  date: holiday.date,
  name: holiday.name,
});

// ---- policies

/** A stored version's definition: the `SlaPolicyDefinition` the clocks run by. */
export const policyDefinitionResponseSchema = z.object({
  match: z.object({
    queueIds: z.array(z.string()).optional(),
    channels: z.array(z.enum(CHANNELS)).optional(),
    contactTiers: z.array(z.string()).optional(),
    minPriority: z.number().int().nullable().optional(),
  }),
  calendarId: z.uuid().nullable(),
  targets: z.partialRecord(z.enum(SLA_METRICS), slaTargetSchema),
  warnAtPercent: z.number().int().nullable(),
  pauseOn: z.array(slaPauseStatus),
  escalations: z.object({
    onWarning: z.array(slaEscalationAction),
    onBreach: z.array(slaEscalationAction),
  }),
});
type PolicyDefinitionResponse = z.output<typeof policyDefinitionResponseSchema>;
type Channel = (typeof CHANNELS)[number];
const definitionResponse = (definition: SlaPolicyDefinition): PolicyDefinitionResponse => {
  const { queueIds, channels, contactTiers, minPriority } = definition.match;
  return {
    match: {
      ...(queueIds ? { queueIds: [...queueIds] } : {}),
      // Stored only after the request schema checked them against CHANNELS.
      ...(channels ? { channels: channels as Channel[] } : {}),
      ...(contactTiers ? { contactTiers: [...contactTiers] } : {}),
      ...(minPriority !== undefined ? { minPriority } : {}),
    },
    calendarId: definition.calendarId,
    targets: { ...definition.targets },
    warnAtPercent: definition.warnAtPercent,
    pauseOn: [...definition.pauseOn],
    escalations: {
      onWarning: [...definition.escalations.onWarning],
      onBreach: [...definition.escalations.onBreach],
    },
  };
};

export const policyResponseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  /** The current version: what conversations bound from now on run by. */
  version: z.number().int().positive(),
  definition: policyDefinitionResponseSchema,
  createdAt: instant,
  updatedAt: instant,
});
export type PolicyResponse = z.output<typeof policyResponseSchema>;
export const policyResponse = (policy: PolicyRecord): PolicyResponse => ({
  id: policy.id,
  name: policy.name,
  position: policy.position,
  version: policy.version,
  definition: definitionResponse(policy.definition),
  createdAt: iso(policy.createdAt),
  updatedAt: iso(policy.updatedAt),
});

export const policyVersionResponseSchema = z.object({
  policyId: z.uuid(),
  version: z.number().int().positive(),
  /** Whether the policy is active and this is its current version. */
  current: z.boolean(),
  definition: policyDefinitionResponseSchema,
  createdAt: instant,
});
export type PolicyVersionResponse = z.output<typeof policyVersionResponseSchema>;
export const policyVersionResponse = (version: PolicyVersionRecord): PolicyVersionResponse => ({
  policyId: version.policyId,
  version: version.version,
  current: version.current,
  definition: definitionResponse(version.definition),
  createdAt: iso(version.createdAt),
});

// ---- a conversation's clocks

export const clockResponseSchema = z.object({
  id: z.uuid(),
  metric: z.enum(SLA_METRICS),
  cycle: z.number().int().positive(),
  /** Next responses and periodic updates recur within a cycle: 1, 2, … */
  ordinal: z.number().int().positive(),
  policyId: z.uuid(),
  policyVersion: z.number().int().positive(),
  targetSeconds: z.number().int().positive(),
  businessHours: z.boolean(),
  status: z.enum(['running', 'paused', 'met', 'stopped']),
  pausedBy: slaPauseStatus.nullable(),
  startedAt: instant,
  /** When the target is (or was) due; null while paused. */
  dueAt: instant.nullable(),
  warnedAt: instant.nullable(),
  breachedAt: instant.nullable(),
  endedAt: instant.nullable(),
  /** Of the target, what is left at `asOf` (business seconds for business-hours clocks)… */
  remainingSeconds: z.number().nonnegative(),
  /** …and how far past it the clock is. */
  overdueSeconds: z.number().nonnegative(),
});

export const conversationClocksResponseSchema = z.object({
  conversationId: z.uuid(),
  /** Opened (1) and each reopening (+1): clocks belong to one cycle. */
  cycle: z.number().int().positive(),
  status: z.enum(['open', 'pending', 'snoozed', 'resolved']),
  /** The policy bound for this cycle; null until the router first queues the conversation. */
  policyId: z.uuid().nullable(),
  policyVersion: z.number().int().positive().nullable(),
  /** The instant `remainingSeconds` and `overdueSeconds` were computed for. */
  asOf: instant,
  /** Newest cycle first. */
  clocks: z.array(clockResponseSchema),
});
export type ConversationClocksResponse = z.output<typeof conversationClocksResponseSchema>;
export const conversationClocksResponse = ({
  conversation,
  clocks,
  asOf,
}: ConversationClocks): ConversationClocksResponse => ({
  conversationId: conversation.conversationId,
  cycle: conversation.cycle,
  status: conversation.status,
  policyId: conversation.policyId,
  policyVersion: conversation.policyVersion,
  asOf: iso(asOf),
  clocks: clocks.map((clock) => ({
    ...clock,
    startedAt: iso(clock.startedAt),
    dueAt: isoOrNull(clock.dueAt),
    warnedAt: isoOrNull(clock.warnedAt),
    breachedAt: isoOrNull(clock.breachedAt),
    endedAt: isoOrNull(clock.endedAt),
  })),
});
