import type { SlaMetric } from '@switchboard/contracts';
import type { BusinessCalendar, ClockState, ClockStatus, SlaClock } from '@switchboard/sla';
import { isoOrNull, msOrNull } from './instants';

/** A row of `sla_clocks` as node-postgres returns it. */
export interface ClockRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  metric: SlaMetric;
  cycle: number;
  ordinal: number;
  policy_id: string;
  policy_version: number;
  target_seconds: number;
  business_hours: boolean;
  calendar_id: string | null;
  warn_at_percent: number | null;
  status: ClockStatus;
  paused_by: 'pending' | 'snoozed' | null;
  started_at: Date;
  consumed_seconds: number;
  running_since: Date | null;
  due_at: Date | null;
  warn_at: Date | null;
  warned_at: Date | null;
  breached_at: Date | null;
  ended_at: Date | null;
  next_fire_at: Date | null;
}

export function clockStateOf(row: ClockRow): ClockState {
  return {
    status: row.status,
    pausedBy: row.paused_by,
    startedAt: row.started_at.getTime(),
    consumedSeconds: row.consumed_seconds,
    runningSince: msOrNull(row.running_since),
    dueAt: msOrNull(row.due_at),
    warnAt: msOrNull(row.warn_at),
    warnedAt: msOrNull(row.warned_at),
    breachedAt: msOrNull(row.breached_at),
    endedAt: msOrNull(row.ended_at),
    nextFireAt: msOrNull(row.next_fire_at),
  };
}

/**
 * A stored clock with its timing. A business-hours clock whose calendar was deleted counts
 * calendar time from then on rather than stopping (deleting a calendar in use is refused by
 * the API; this covers a manual delete).
 */
export function clockOf(row: ClockRow, calendars: ReadonlyMap<string, BusinessCalendar>): SlaClock {
  const calendar = row.calendar_id ? (calendars.get(row.calendar_id) ?? null) : null;
  return {
    id: row.id,
    metric: row.metric,
    cycle: row.cycle,
    ordinal: row.ordinal,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    calendarId: row.calendar_id,
    timing: {
      targetSeconds: row.target_seconds,
      calendar,
      warnAtPercent: row.warn_at_percent,
    },
    state: clockStateOf(row),
  };
}

/** Column values for an upsert, in `CLOCK_COLUMNS` order. */
export function clockValues(tenantId: string, conversationId: string, clock: SlaClock): unknown[] {
  const { state } = clock;
  return [
    clock.id,
    tenantId,
    conversationId,
    clock.metric,
    clock.cycle,
    clock.ordinal,
    clock.policyId,
    clock.policyVersion,
    clock.timing.targetSeconds,
    clock.calendarId !== null,
    clock.calendarId,
    clock.timing.warnAtPercent,
    state.status,
    state.pausedBy,
    isoOrNull(state.startedAt),
    state.consumedSeconds,
    isoOrNull(state.runningSince),
    isoOrNull(state.dueAt),
    isoOrNull(state.warnAt),
    isoOrNull(state.warnedAt),
    isoOrNull(state.breachedAt),
    isoOrNull(state.endedAt),
    isoOrNull(state.nextFireAt),
  ];
}

export const CLOCK_COLUMNS = [
  'id',
  'tenant_id',
  'conversation_id',
  'metric',
  'cycle',
  'ordinal',
  'policy_id',
  'policy_version',
  'target_seconds',
  'business_hours',
  'calendar_id',
  'warn_at_percent',
  'status',
  'paused_by',
  'started_at',
  'consumed_seconds',
  'running_since',
  'due_at',
  'warn_at',
  'warned_at',
  'breached_at',
  'ended_at',
  'next_fire_at',
] as const;
