import {
  addBusinessSeconds,
  businessSecondsBetween,
  NoOpenTimeError,
  type BusinessCalendar,
} from './business-hours';

/** How a clock counts: its target and, for business-hours targets, the calendar. */
export interface ClockTiming {
  readonly targetSeconds: number;
  /** Only business hours count when set; every second counts when null. */
  readonly calendar: BusinessCalendar | null;
  readonly warnAtPercent: number | null;
}

export type ClockStatus = 'running' | 'paused' | 'met' | 'stopped';

/** A clock's state. Instants are epoch ms; seconds are target units (business or calendar). */
export interface ClockState {
  readonly status: ClockStatus;
  readonly pausedBy: 'pending' | 'snoozed' | null;
  readonly startedAt: number;
  /** Target units used up before `runningSince`. */
  readonly consumedSeconds: number;
  /** When the current running stretch began; null unless running. */
  readonly runningSince: number | null;
  readonly dueAt: number | null;
  readonly warnAt: number | null;
  readonly warnedAt: number | null;
  readonly breachedAt: number | null;
  readonly endedAt: number | null;
  /** The next warning or breach to fire; null when none is pending. */
  readonly nextFireAt: number | null;
}

/** A warning or breach that fell due: when it was due and how late it is noticed. */
export interface ClockFiring {
  readonly kind: 'warning' | 'breach';
  readonly dueAt: number;
  readonly lateByMs: number;
}

/** Target units between two instants of a running stretch. */
function unitsBetween(timing: ClockTiming, from: number, to: number): number {
  if (to <= from) return 0;
  return timing.calendar ? businessSecondsBetween(timing.calendar, from, to) : (to - from) / 1000;
}

/**
 * The instant `units` target units after `from`; null when the calendar has not that much open
 * time ahead (years of closures): such a deadline never comes, rather than failing the clock.
 */
function instantAfter(timing: ClockTiming, from: number, units: number): number | null {
  if (units <= 0) return from;
  // Units are whole milliseconds (integer targets, percents and instants) up to float noise
  // from subtracting seconds: round, as ceil turns that noise into a due 1 ms late.
  if (!timing.calendar) return from + Math.round(units * 1000);
  try {
    return addBusinessSeconds(timing.calendar, from, units);
  } catch (error) {
    if (error instanceof NoOpenTimeError) return null;
    throw error;
  }
}

/** The warning threshold in target units; null when the policy does not warn. */
function warningUnits(timing: ClockTiming): number | null {
  return timing.warnAtPercent === null ? null : (timing.targetSeconds * timing.warnAtPercent) / 100;
}

/** Target units used up by `now`. */
export function consumedAt(clock: ClockState, timing: ClockTiming, now: number): number {
  return (
    clock.consumedSeconds +
    (clock.runningSince === null ? 0 : unitsBetween(timing, clock.runningSince, now))
  );
}

/** Of the target, what is left and how far past it the clock is, at `now`. */
export function standing(
  clock: ClockState,
  timing: ClockTiming,
  now: number,
): { remainingSeconds: number; overdueSeconds: number } {
  const consumed = consumedAt(clock, timing, now);
  return {
    remainingSeconds: Math.max(0, timing.targetSeconds - consumed),
    overdueSeconds: Math.max(0, consumed - timing.targetSeconds),
  };
}

/** Due and warning instants of a running stretch that begins at `since`. */
function scheduled(clock: ClockState, timing: ClockTiming, since: number): ClockState {
  const dueAt =
    clock.breachedAt ?? instantAfter(timing, since, timing.targetSeconds - clock.consumedSeconds);
  const threshold = warningUnits(timing);
  const warnAt =
    threshold === null || clock.warnedAt !== null || clock.breachedAt !== null
      ? null
      : instantAfter(timing, since, threshold - clock.consumedSeconds);
  const pending = [warnAt, clock.breachedAt === null ? dueAt : null].filter(
    (instant): instant is number => instant !== null,
  );
  return {
    ...clock,
    status: 'running',
    pausedBy: null,
    runningSince: since,
    dueAt,
    warnAt,
    nextFireAt: pending.length ? Math.min(...pending) : null,
  };
}

/**
 * A running clock's due and warning instants computed afresh, with the calendar as it is now:
 * a holiday or closure added since they were computed moves them later.
 */
export function reschedule(clock: ClockState, timing: ClockTiming): ClockState {
  if (clock.status !== 'running' || clock.runningSince === null) return clock;
  return scheduled(clock, timing, clock.runningSince);
}

export function startClock(timing: ClockTiming, at: number): ClockState {
  return scheduled(
    {
      status: 'running',
      pausedBy: null,
      startedAt: at,
      consumedSeconds: 0,
      runningSince: at,
      dueAt: null,
      warnAt: null,
      warnedAt: null,
      breachedAt: null,
      endedAt: null,
      nextFireAt: null,
    },
    timing,
    at,
  );
}

/**
 * Fires what fell due by `now`: the warning, the breach, or both, in that order (after
 * downtime both may be overdue: each happened, so each is announced, marked late). Every
 * transition fires first, so a reply that beats the scheduler by a few milliseconds past the
 * deadline still records the breach.
 */
export function fireDue(
  clock: ClockState,
  now: number,
): { clock: ClockState; fired: ClockFiring[] } {
  if (clock.status !== 'running') return { clock, fired: [] };
  const fired: ClockFiring[] = [];
  let next = clock;
  if (next.warnAt !== null && next.warnedAt === null && next.warnAt <= now) {
    fired.push({ kind: 'warning', dueAt: next.warnAt, lateByMs: now - next.warnAt });
    next = { ...next, warnedAt: now };
  }
  const due = next.dueAt;
  if (due !== null && next.breachedAt === null && due <= now) {
    fired.push({ kind: 'breach', dueAt: due, lateByMs: now - due });
    next = { ...next, breachedAt: due };
  }
  if (fired.length === 0) return { clock, fired };
  const warnAt = next.warnedAt === null ? next.warnAt : null;
  const dueAt = next.breachedAt === null ? next.dueAt : null;
  const pending = [warnAt, dueAt].filter((instant): instant is number => instant !== null);
  return {
    clock: { ...next, warnAt, nextFireAt: pending.length ? Math.min(...pending) : null },
    fired,
  };
}

/** Stops time: what was used up is kept, nothing fires while paused. */
export function pauseClock(
  clock: ClockState,
  timing: ClockTiming,
  now: number,
  by: 'pending' | 'snoozed',
): ClockState {
  if (clock.status !== 'running') return clock;
  return {
    ...clock,
    status: 'paused',
    pausedBy: by,
    consumedSeconds: consumedAt(clock, timing, now),
    runningSince: null,
    dueAt: null,
    warnAt: null,
    nextFireAt: null,
  };
}

/**
 * Time runs again from `now`, or from the clock's start if `now` is earlier: a resume dated
 * before the clock existed (a snooze's end, announced late, after a reply started a clock)
 * counts nothing from before it.
 */
export function resumeClock(clock: ClockState, timing: ClockTiming, now: number): ClockState {
  if (clock.status !== 'paused') return clock;
  return scheduled(clock, timing, Math.max(now, clock.startedAt));
}

/** Ends the clock: `met` by the awaited reply or resolution, `stopped` when it no longer applies. */
export function endClock(
  clock: ClockState,
  timing: ClockTiming,
  now: number,
  outcome: 'met' | 'stopped',
): ClockState {
  if (clock.status === 'met' || clock.status === 'stopped') return clock;
  return {
    ...clock,
    status: outcome,
    pausedBy: null,
    consumedSeconds: consumedAt(clock, timing, now),
    runningSince: null,
    warnAt: null,
    endedAt: now,
    nextFireAt: null,
  };
}
