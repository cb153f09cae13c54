import {
  CHANNELS,
  contactTierSchema,
  routingId,
  SLA_METRICS,
  slaEscalationAction,
  slaPauseStatus,
  storableString,
  type SlaMetric,
} from '@switchboard/contracts';
import { z } from 'zod';

/**
 * The shapes of a tenant's SLA configuration, checked field by field. The HTTP edge parses
 * request bodies with them (a 400 names each bad field) and the commands check them again, so
 * a use case never sees a definition the clocks could not run by.
 */

export const configNameSchema = storableString().trim().min(1).max(200);

// ---- calendars

/** An IANA zone name Intl knows (`Europe/Berlin`, `UTC`); offsets like `+01:00` are not zones. */
export const timeZoneSchema = z
  .string()
  .max(100)
  .refine(
    (zone) => /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) && isKnownZone(zone),
    'not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)',
  );

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const startOfInterval = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a local time HH:MM, 00:00 to 23:59');
const endOfInterval = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a local time HH:MM, 00:00 to 24:00');

/** Open from `start` to `end` on an ISO weekday; an `end` not after `start` runs overnight. */
export const weeklyIntervalSchema = z.object({
  day: z
    .number()
    .int()
    .min(1, 'an ISO weekday: 1 (Monday) to 7 (Sunday)')
    .max(7, 'an ISO weekday: 1 (Monday) to 7 (Sunday)'),
  start: startOfInterval,
  end: endOfInterval,
});

/** An ISO 8601 instant with its offset, stored in UTC. */
const instantSchema = z.iso
  .datetime({ offset: true, error: 'an ISO 8601 date-time with an offset' })
  .transform((value) => new Date(value).toISOString());

/** Closed between two instants (an office move, an outage). */
export const closureSchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    name: storableString().trim().max(200).default(''),
  })
  .refine((closure) => Date.parse(closure.to) > Date.parse(closure.from), {
    path: ['to'],
    message: 'must be after from',
  });

export const calendarDefinitionSchema = z.object({
  name: configNameSchema,
  timeZone: timeZoneSchema,
  weekly: z.array(weeklyIntervalSchema).min(1, 'at least one open interval').max(100),
  closures: z.array(closureSchema).max(500).default([]),
});
export type CalendarDefinition = z.output<typeof calendarDefinitionSchema>;

/** A local date `YYYY-MM-DD` that exists (no February 30th). */
export const holidayDateSchema = z.iso
  .date('a date YYYY-MM-DD that exists')
  .refine((date) => date >= '1970-01-01', 'a date from 1970-01-01 on');

export const holidayNameSchema = storableString().trim().min(1).max(200);

// ---- policies

export const slaTargetSchema = z.object({
  seconds: z.number().int().min(1).max(31_536_000, 'at most 31536000 (a year)'),
  /** Counted in the policy's calendar's business hours; every second counts when false. */
  businessHours: z.boolean(),
});

const targetShape = Object.fromEntries(
  SLA_METRICS.map((metric) => [metric, slaTargetSchema.optional()]),
) as Record<SlaMetric, z.ZodOptional<typeof slaTargetSchema>>;

export const slaTargetsSchema = z
  .strictObject(targetShape, {
    error: (issue) => {
      const { code, keys } = issue as { code: string; keys?: string[] };
      return code === 'unrecognized_keys' && keys
        ? `not metrics: ${keys.join(', ')} (metrics are ${SLA_METRICS.join(', ')})`
        : undefined;
    },
  })
  .refine(
    (targets) => Object.values(targets).some((target) => target !== undefined),
    `at least one target (${SLA_METRICS.join(', ')})`,
  );

const distinct = <T>(list: readonly T[]): boolean => new Set(list).size === list.length;

export const slaMatchSchema = z.strictObject({
  queueIds: z.array(routingId).max(100).refine(distinct, 'lists a queue twice').optional(),
  channels: z.array(z.enum(CHANNELS)).refine(distinct, 'lists a channel twice').optional(),
  contactTiers: z
    .array(contactTierSchema)
    .max(100)
    .refine(distinct, 'lists a tier twice')
    .optional(),
  /** Matches work served at this priority or higher. */
  minPriority: z.number().int().min(0).max(1_000).nullable().optional(),
});

/** A policy: its name and place in the matching order, and the definition each version keeps. */
export const slaPolicyInputSchema = z
  .object({
    name: configNameSchema,
    /** Matched in ascending order; the first policy whose conditions hold applies. */
    position: z.number().int().min(0).max(1_000_000),
    match: slaMatchSchema.default({}),
    calendarId: z
      .uuid()
      .transform((id) => id.toLowerCase())
      .nullable()
      .default(null),
    targets: slaTargetsSchema,
    warnAtPercent: z.number().int().min(1).max(99).nullable().default(null),
    pauseOn: z.array(slaPauseStatus).refine(distinct, 'lists a status twice').default([]),
    escalations: z
      .object({
        onWarning: z.array(slaEscalationAction).max(20).default([]),
        onBreach: z.array(slaEscalationAction).max(20).default([]),
      })
      .default({ onWarning: [], onBreach: [] }),
  })
  .superRefine((policy, context) => {
    const businessHours = Object.values(policy.targets).some((target) => target?.businessHours);
    if (businessHours && policy.calendarId === null)
      context.addIssue({
        code: 'custom',
        path: ['calendarId'],
        message: 'required when a target counts business hours',
      });
    if (policy.escalations.onWarning.length > 0 && policy.warnAtPercent === null)
      context.addIssue({
        code: 'custom',
        path: ['escalations', 'onWarning'],
        message: 'never happens: warnAtPercent is null (no warnings)',
      });
  });
export type SlaPolicyInput = z.output<typeof slaPolicyInputSchema>;
