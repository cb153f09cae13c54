import { z } from 'zod';
import { routingId } from './routing-events';

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });

/** What a clock measures (Zendesk's reply-time, next-reply, periodic-update and resolution metrics). */
export const SLA_METRICS = [
  'first_response',
  'next_response',
  'periodic_update',
  'resolution',
] as const;
export const slaMetric = z.enum(SLA_METRICS);
export type SlaMetric = z.infer<typeof slaMetric>;

/** A conversation status during which a policy may pause its clocks. */
export const slaPauseStatus = z.enum(['pending', 'snoozed']);

/** What happens when a clock warns or breaches. */
export const slaEscalationAction = z.discriminatedUnion('type', [
  /** The router serves the conversation at this priority (higher first), if that is higher. */
  z.object({ type: z.literal('raise_priority'), priority: z.number().int().min(0).max(1_000) }),
  /** The router moves the conversation to this queue (a transfer to the queue). */
  z.object({ type: z.literal('move_to_queue'), queueId: routingId }),
  /** For the desk and the dispatcher: tell these supervisors (all of the tenant's when empty). */
  z.object({
    type: z.literal('notify_supervisor'),
    supervisorIds: z.array(routingId).max(50),
  }),
]);
export type SlaEscalationAction = z.infer<typeof slaEscalationAction>;

/** Fields every clock event carries: which clock, under which policy, and where it stands. */
const clockFields = {
  clockId: uuid,
  conversationId: uuid,
  metric: slaMetric,
  policyId: uuid,
  /** Running clocks keep the policy version they started with. */
  policyVersion: z.number().int().positive(),
  /** The target, in business seconds when `businessHours`, else in seconds. */
  targetSeconds: z.number().int().positive(),
  businessHours: z.boolean(),
  /** When the target is (or was) due; null while paused. */
  dueAt: instant.nullable(),
  /** Of the target, what is left (0 once overdue) and how far past it the clock is. */
  remainingSeconds: z.number().nonnegative(),
  overdueSeconds: z.number().nonnegative(),
  /**
   * The earliest due time among the conversation's running clocks after this change (null when
   * none runs): the router orders waiting work by it.
   */
  conversationDueAt: instant.nullable(),
  at: instant,
};

export const slaStartedV1 = z.object(clockFields);
export const slaPausedV1 = z.object({ ...clockFields, status: slaPauseStatus });
export const slaResumedV1 = z.object(clockFields);

export const slaWarningV1 = z.object({
  ...clockFields,
  /** The threshold, as a percentage of the target. */
  warnAtPercent: z.number().int().min(1).max(99),
  /** How long after its moment the warning fired (e.g. the service was down); 0 when on time. */
  lateByMs: z.number().int().nonnegative(),
  escalations: z.array(slaEscalationAction),
});

export const slaBreachedV1 = z.object({
  ...clockFields,
  lateByMs: z.number().int().nonnegative(),
  escalations: z.array(slaEscalationAction),
});

/** The clock stopped: met by an agent's reply or the resolution, possibly after breaching. */
export const slaMetV1 = z.object({ ...clockFields, breached: z.boolean() });

/** The clock stopped unmet: the conversation was resolved before an agent replied. */
export const slaStoppedV1 = z.object({
  ...clockFields,
  reason: z.enum(['resolved']),
  breached: z.boolean(),
});

export type SlaStarted = z.infer<typeof slaStartedV1>;
export type SlaBreached = z.infer<typeof slaBreachedV1>;
export type SlaWarning = z.infer<typeof slaWarningV1>;
