import { CHANNELS, contactTierSchema, routingId, storableString } from '@switchboard/contracts';
import {
  MAX_SKILL_LEVEL,
  MIN_SKILL_LEVEL,
  ROUTING_STRATEGIES,
  DEFAULT_ROUTING_SETTINGS,
} from '@switchboard/routing';
import { z } from 'zod';

/**
 * The shapes of a tenant's routing configuration, checked field by field. The HTTP edge
 * parses request bodies with them (a 400 names each bad field) and the commands check them
 * again, so a use case never sees a definition the engine would refuse.
 */

/** As the `routing_skills.name` CHECK: a lowercase slug. */
export const skillNameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    'lowercase letters, digits, ".", "_" or "-" (starting with a letter or digit), at most 64',
  );

/** Agent and queue ids, chosen by the tenant. */
export const routingIdSchema = routingId;

export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{3}$/, 'an ISO 639-3 code: three lowercase letters');

export const skillLevelSchema = z
  .number()
  .int()
  .min(MIN_SKILL_LEVEL)
  .max(MAX_SKILL_LEVEL, `at most ${MAX_SKILL_LEVEL}`);

export const channelSchema = z.enum(CHANNELS);

const displayName = storableString().trim().min(1).max(200);

export const skillRequirementSchema = z.object({
  skill: skillNameSchema,
  minLevel: skillLevelSchema,
});

// ---- skills

export const skillDescriptionSchema = storableString().trim().max(1000);

// ---- agents

export const capacitySchema = z.object({
  totalUnits: z.number().positive().max(10_000),
  channels: z
    .partialRecord(
      channelSchema,
      z.object({
        units: z.number().positive().max(10_000).optional(),
        max: z.number().int().min(0).max(10_000).optional(),
      }),
      {
        // An enum-keyed record reports keys outside the enum as unrecognized (not in its typings).
        error: (issue) => {
          const { code, keys } = issue as { code: string; keys?: string[] };
          return code === 'unrecognized_keys' && keys
            ? `not channels: ${keys.join(', ')} (channels are ${CHANNELS.join(', ')})`
            : undefined;
        },
      },
    )
    .optional(),
});

export const agentDefinitionSchema = z.object({
  name: displayName,
  /** Skill → level (1–10); every skill must be in the tenant's catalogue. */
  skills: z
    .record(skillNameSchema, skillLevelSchema, {
      error: (issue) =>
        issue.code === 'invalid_key' ? 'is not a skill name (a lowercase slug)' : undefined,
    })
    .default({}),
  languages: z
    .array(languageCodeSchema)
    .max(50)
    .refine((codes) => new Set(codes).size === codes.length, 'lists a language twice')
    .default([]),
  capacity: capacitySchema,
});
export type AgentDefinition = z.output<typeof agentDefinitionSchema>;

// ---- queues

const wideningStepSchema = z.object({
  afterSeconds: z.number().int().positive().max(604_800),
  lowerLevelsBy: z.number().int().min(0).max(MAX_SKILL_LEVEL).optional(),
  dropOptionalSkills: z.boolean().optional(),
  overflowToQueueId: routingIdSchema.optional(),
});

/** A queue as the API takes it: `QueueDefinition` without its id (the path has it), plus a name. */
export const queueDefinitionSchema = z
  .object({
    name: displayName,
    /** Higher is served first. */
    priority: z.number().int().min(-1000).max(1000).default(0),
    requiredSkills: z.array(skillRequirementSchema).max(50),
    optionalSkills: z.array(skillRequirementSchema).max(50).default([]),
    strategy: z.enum(ROUTING_STRATEGIES).default('longest_idle'),
    widening: z.array(wideningStepSchema).max(20).default([]),
    offerTimeoutSeconds: z.number().int().min(0).max(86_400).default(30),
    autoAccept: z.boolean().default(false),
    affinity: z
      .object({
        windowSeconds: z.number().int().min(0).max(31_536_000),
        waitSeconds: z.number().int().min(0).max(86_400),
      })
      .default({ windowSeconds: 0, waitSeconds: 0 }),
    /** The SLA policy this queue's work falls under (used by the SLA service). */
    slaPolicyId: routingIdSchema.nullable().default(null),
  })
  .superRefine((queue, context) => {
    if (!queue.autoAccept && queue.offerTimeoutSeconds < 1)
      context.addIssue({
        code: 'custom',
        path: ['offerTimeoutSeconds'],
        message: 'must be at least 1 unless offers are auto-accepted',
      });
    queue.widening.forEach((step, index) => {
      const previous = index === 0 ? 0 : queue.widening[index - 1]!.afterSeconds;
      if (index > 0 && step.afterSeconds <= previous)
        context.addIssue({
          code: 'custom',
          path: ['widening', index, 'afterSeconds'],
          message: 'must be greater than the step before',
        });
    });
    duplicateSkills(queue.requiredSkills, ['requiredSkills'], context);
    duplicateSkills(queue.optionalSkills, ['optionalSkills'], context);
  });
export type QueueInput = z.output<typeof queueDefinitionSchema>;

// ---- rules

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether the runtime's time-zone database knows the zone (what the engine will use). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const weeklyScheduleSchema = z.object({
  timeZone: z.string().min(1).max(100).refine(isKnownTimeZone, 'not a known IANA time zone'),
  intervals: z
    .array(
      z
        .object({
          /** ISO weekday: 1 = Monday … 7 = Sunday. */
          day: z.number().int().min(1).max(7),
          start: z.string().regex(clock, 'a time HH:MM (00:00 to 23:59)'),
          end: z
            .string()
            .refine((value) => clock.test(value) || value === '24:00', 'a time HH:MM or 24:00'),
        })
        .refine((interval) => interval.start !== interval.end, {
          path: ['end'],
          message: 'must differ from start',
        }),
    )
    .min(1)
    .max(100),
});

const ruleConditionsSchema = z.object({
  channels: z.array(channelSchema).min(1).optional(),
  channelAccountIds: z.array(z.uuid()).min(1).optional(),
  languages: z.array(languageCodeSchema).min(1).optional(),
  contactTiers: z.array(contactTierSchema).min(1).optional(),
  keywords: z.array(storableString().trim().min(1).max(200)).min(1).max(200).optional(),
  hours: z.object({ schedule: weeklyScheduleSchema, inside: z.boolean().default(true) }).optional(),
});

const ruleActionSchema = z.object({
  queueId: routingIdSchema,
  skills: z.array(skillRequirementSchema).max(50).optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  requireLanguage: z.boolean().optional(),
});

export const routingRuleSchema = z.object({
  id: routingIdSchema,
  name: storableString().trim().max(200).default(''),
  /** Every condition given must hold; none given matches everything. */
  conditions: ruleConditionsSchema.default({}),
  action: ruleActionSchema,
});
export type RoutingRuleInput = z.output<typeof routingRuleSchema>;

/** The whole ordered rule list: the first rule that matches decides. */
export const routingRulesSchema = z
  .array(routingRuleSchema)
  .max(500)
  .superRefine((rules, context) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id))
        context.addIssue({ code: 'custom', path: [index, 'id'], message: 'is used twice' });
      seen.add(rule.id);
    });
  });

// ---- settings

export const routingSettingsSchema = z.object({
  /** Offers missed in a row before the agent is set away. */
  maxMissedOffers: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(DEFAULT_ROUTING_SETTINGS.maxMissedOffers),
  /** How long a disconnected desk keeps its work before the agent counts as offline. */
  disconnectGraceSeconds: z
    .number()
    .int()
    .min(0)
    .max(86_400)
    .default(DEFAULT_ROUTING_SETTINGS.disconnectGraceSeconds),
  onAgentOffline: z.enum(['keep', 'reroute']).default(DEFAULT_ROUTING_SETTINGS.onAgentOffline),
  /** Where work goes when no rule matches; null leaves such work unrouted. */
  defaultQueueId: routingIdSchema.nullable(),
});
export type RoutingSettingsInput = z.output<typeof routingSettingsSchema>;

function duplicateSkills(
  requirements: readonly { skill: string }[],
  path: (string | number)[],
  context: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  requirements.forEach((requirement, index) => {
    if (seen.has(requirement.skill))
      context.addIssue({
        code: 'custom',
        path: [...path, index, 'skill'],
        message: 'is listed twice',
      });
    seen.add(requirement.skill);
  });
}
