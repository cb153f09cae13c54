import fc from 'fast-check';
import { businessSecondsBetween, type BusinessCalendar } from './business-hours';
import {
  consumedAt,
  endClock,
  fireDue,
  pauseClock,
  reschedule,
  resumeClock,
  standing,
  startClock,
  type ClockFiring,
  type ClockState,
  type ClockTiming,
} from './sla-clock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);

const weekdays = (timeZone: string, start = '09:00', end = '17:00'): BusinessCalendar => ({
  timeZone,
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start, end })),
});
const newYork = weekdays('America/New_York');
const london = weekdays('Europe/London');
const sydney = weekdays('Australia/Sydney');

const calendarTime = (targetSeconds: number, warnAtPercent: number | null = 75): ClockTiming => ({
  targetSeconds,
  calendar: null,
  warnAtPercent,
});
const businessTime = (
  calendar: BusinessCalendar,
  targetSeconds: number,
  warnAtPercent: number | null = 75,
): ClockTiming => ({ targetSeconds, calendar, warnAtPercent });

// Friday 6 March 2026, 09:00 in New York (EST, UTC−5); DST starts Sunday 8 March.
const T0 = at('2026-03-06T09:00:00-05:00');

describe('SLA clock', () => {
  describe('in calendar time', () => {
    it('starts running with its warning and breach scheduled', () => {
      const clock = startClock(calendarTime(3600), T0);
      expect(clock).toEqual<ClockState>({
        status: 'running',
        pausedBy: null,
        startedAt: T0,
        consumedSeconds: 0,
        runningSince: T0,
        dueAt: T0 + HOUR,
        warnAt: T0 + 45 * MINUTE,
        warnedAt: null,
        breachedAt: null,
        endedAt: null,
        nextFireAt: T0 + 45 * MINUTE,
      });
    });

    it('schedules only the breach when the policy does not warn', () => {
      const clock = startClock(calendarTime(3600, null), T0);
      expect(clock.warnAt).toBeNull();
      expect(clock.nextFireAt).toBe(T0 + HOUR);
      expect(fireDue(clock, T0 + HOUR).fired).toEqual([
        { kind: 'breach', dueAt: T0 + HOUR, lateByMs: 0 },
      ]);
    });

    it('counts every second, also across the DST change (12:00 EST Saturday + 24 h = 13:00 EDT Sunday)', () => {
      const saturdayNoon = at('2026-03-07T12:00:00-05:00');
      const clock = startClock(calendarTime(24 * 3600), saturdayNoon);
      expect(clock.dueAt).toBe(at('2026-03-08T13:00:00-04:00'));
      expect(clock.warnAt).toBe(at('2026-03-08T07:00:00-04:00')); // 18 h later
    });

    it('fires nothing before the warning is due, and returns the same clock', () => {
      const clock = startClock(calendarTime(3600), T0);
      const result = fireDue(clock, T0 + 45 * MINUTE - 1);
      expect(result.fired).toEqual([]);
      expect(result.clock).toBe(clock);
    });

    it('fires the warning at 75% and then the breach, each once', () => {
      const started = startClock(calendarTime(3600), T0);

      const warned = fireDue(started, T0 + 45 * MINUTE);
      expect(warned.fired).toEqual<ClockFiring[]>([
        { kind: 'warning', dueAt: T0 + 45 * MINUTE, lateByMs: 0 },
      ]);
      expect(warned.clock).toMatchObject({
        status: 'running',
        warnAt: null,
        warnedAt: T0 + 45 * MINUTE,
        dueAt: T0 + HOUR,
        breachedAt: null,
        nextFireAt: T0 + HOUR,
      });
      expect(fireDue(warned.clock, T0 + 59 * MINUTE).fired).toEqual([]);

      const breached = fireDue(warned.clock, T0 + HOUR);
      expect(breached.fired).toEqual<ClockFiring[]>([
        { kind: 'breach', dueAt: T0 + HOUR, lateByMs: 0 },
      ]);
      expect(breached.clock).toMatchObject({
        status: 'running', // a breached clock keeps counting until its reply or resolution
        dueAt: T0 + HOUR,
        breachedAt: T0 + HOUR,
        nextFireAt: null,
      });
      expect(fireDue(breached.clock, T0 + 5 * HOUR).fired).toEqual([]);
    });

    it('fires both the warning and the breach after downtime, each marked late', () => {
      const clock = startClock(calendarTime(3600), T0);
      const { clock: after, fired } = fireDue(clock, T0 + 2 * HOUR);
      expect(fired).toEqual<ClockFiring[]>([
        { kind: 'warning', dueAt: T0 + 45 * MINUTE, lateByMs: 75 * MINUTE },
        { kind: 'breach', dueAt: T0 + HOUR, lateByMs: HOUR },
      ]);
      expect(after).toMatchObject({
        warnedAt: T0 + 2 * HOUR, // when the warning was announced
        breachedAt: T0 + HOUR, // when the target was missed
        nextFireAt: null,
      });
    });

    it('fires the warning before the breach when both fall on the same instant (warn at 100%)', () => {
      const clock = startClock(calendarTime(600, 100), T0);
      expect(clock.warnAt).toBe(T0 + 10 * MINUTE);
      expect(fireDue(clock, T0 + 10 * MINUTE).fired.map((f) => f.kind)).toEqual([
        'warning',
        'breach',
      ]);
    });

    it('reports what is consumed, left and overdue while running', () => {
      const clock = startClock(calendarTime(3600), T0);
      expect(consumedAt(clock, calendarTime(3600), T0 - MINUTE)).toBe(0);
      expect(consumedAt(clock, calendarTime(3600), T0 + 20 * MINUTE)).toBe(1200);
      expect(standing(clock, calendarTime(3600), T0 + 20 * MINUTE)).toEqual({
        remainingSeconds: 2400,
        overdueSeconds: 0,
      });
      expect(standing(clock, calendarTime(3600), T0 + 90 * MINUTE)).toEqual({
        remainingSeconds: 0,
        overdueSeconds: 1800,
      });
    });

    it('stands still while paused and reschedules from the resumption', () => {
      const timing = calendarTime(8 * 3600);
      // Friday 09:00 EST; paused 10:00 (1 h used); resumed Monday 09:00 EDT (after the DST change).
      const started = startClock(timing, T0);
      const paused = pauseClock(started, timing, T0 + HOUR, 'pending');
      expect(paused).toEqual<ClockState>({
        ...started,
        status: 'paused',
        pausedBy: 'pending',
        consumedSeconds: 3600,
        runningSince: null,
        dueAt: null,
        warnAt: null,
        nextFireAt: null,
      });
      const sunday = at('2026-03-08T12:00:00-04:00');
      expect(consumedAt(paused, timing, sunday)).toBe(3600);
      expect(fireDue(paused, sunday)).toEqual({ clock: paused, fired: [] });

      const monday = at('2026-03-09T09:00:00-04:00');
      const resumed = resumeClock(paused, timing, monday);
      expect(resumed).toEqual<ClockState>({
        ...paused,
        status: 'running',
        pausedBy: null,
        runningSince: monday,
        dueAt: at('2026-03-09T16:00:00-04:00'), // 7 h left
        warnAt: at('2026-03-09T14:00:00-04:00'), // 6 h of 8, 5 h after resuming
        nextFireAt: at('2026-03-09T14:00:00-04:00'),
      });
      expect(consumedAt(resumed, timing, monday + 30 * MINUTE)).toBe(3600 + 1800);
    });

    it('is due to the millisecond after a pause with fractional seconds used', () => {
      // 32185 s − 32184.706 s is 0.294 s up to float noise: due 294 ms after resuming, not 295.
      const timing = calendarTime(32185, null);
      const paused = pauseClock(startClock(timing, T0), timing, T0 + 32_184_706, 'pending');
      const resumed = resumeClock(paused, timing, T0 + HOUR * 10);
      expect(resumed.dueAt).toBe(T0 + HOUR * 10 + 294);
      expect(fireDue(resumed, T0 + HOUR * 10 + 294).fired).toEqual([
        { kind: 'breach', dueAt: T0 + HOUR * 10 + 294, lateByMs: 0 },
      ]);
    });

    it('does not warn again after a pause when the warning already fired', () => {
      const timing = calendarTime(3600);
      const warned = fireDue(startClock(timing, T0), T0 + 50 * MINUTE).clock;
      const paused = pauseClock(warned, timing, T0 + 50 * MINUTE, 'snoozed');
      expect(paused.pausedBy).toBe('snoozed');
      const resumed = resumeClock(paused, timing, T0 + 3 * HOUR);
      expect(resumed.warnAt).toBeNull();
      expect(resumed.dueAt).toBe(T0 + 3 * HOUR + 10 * MINUTE);
      expect(resumed.nextFireAt).toBe(resumed.dueAt);
    });

    it('keeps a breached clock breached across a pause, and keeps counting how far over it is', () => {
      const timing = calendarTime(3600);
      const breached = fireDue(startClock(timing, T0), T0 + HOUR).clock;
      const paused = pauseClock(breached, timing, T0 + 70 * MINUTE, 'pending');
      // Paused: no due time (the contract's "null while paused"); the breach stays recorded.
      expect(paused.dueAt).toBeNull();
      expect(paused.breachedAt).toBe(T0 + HOUR);
      expect(paused.consumedSeconds).toBe(70 * 60);
      const resumed = resumeClock(paused, timing, T0 + 5 * HOUR);
      expect(resumed).toMatchObject({
        status: 'running',
        dueAt: T0 + HOUR,
        breachedAt: T0 + HOUR,
        warnAt: null,
        nextFireAt: null,
      });
      expect(fireDue(resumed, T0 + 9 * HOUR).fired).toEqual([]);
      expect(standing(resumed, timing, T0 + 5 * HOUR + 20 * MINUTE).overdueSeconds).toBe(30 * 60);
    });

    it('records a breach then the late reply: met, with how far over the target it was', () => {
      const timing = calendarTime(3600);
      const breached = fireDue(startClock(timing, T0), T0 + HOUR).clock;
      const met = endClock(breached, timing, T0 + 90 * MINUTE, 'met');
      expect(met).toMatchObject({
        status: 'met',
        pausedBy: null,
        consumedSeconds: 5400,
        runningSince: null,
        dueAt: T0 + HOUR,
        breachedAt: T0 + HOUR,
        warnAt: null,
        endedAt: T0 + 90 * MINUTE,
        nextFireAt: null,
      });
      // An ended clock no longer counts.
      expect(standing(met, timing, T0 + 10 * HOUR)).toEqual({
        remainingSeconds: 0,
        overdueSeconds: 1800,
      });
    });

    it('ends a clock met in time with what was left', () => {
      const timing = calendarTime(3600);
      const met = endClock(startClock(timing, T0), timing, T0 + 10 * MINUTE, 'met');
      expect(met.breachedAt).toBeNull();
      expect(met.warnedAt).toBeNull();
      expect(standing(met, timing, T0 + 2 * HOUR)).toEqual({
        remainingSeconds: 3000,
        overdueSeconds: 0,
      });
      expect(fireDue(met, T0 + 2 * HOUR).fired).toEqual([]);
    });

    it('stops a paused clock with the time used before its pause', () => {
      const timing = calendarTime(3600);
      const paused = pauseClock(startClock(timing, T0), timing, T0 + 15 * MINUTE, 'pending');
      const stopped = endClock(paused, timing, T0 + 5 * HOUR, 'stopped');
      expect(stopped).toMatchObject({
        status: 'stopped',
        pausedBy: null,
        consumedSeconds: 900,
        endedAt: T0 + 5 * HOUR,
        nextFireAt: null,
      });
    });

    it('ignores transitions that do not apply to the clock’s status', () => {
      const timing = calendarTime(3600);
      const running = startClock(timing, T0);
      const paused = pauseClock(running, timing, T0 + MINUTE, 'pending');
      const ended = endClock(running, timing, T0 + MINUTE, 'met');
      expect(resumeClock(running, timing, T0 + MINUTE)).toBe(running);
      expect(pauseClock(paused, timing, T0 + HOUR, 'snoozed')).toBe(paused);
      expect(pauseClock(ended, timing, T0 + HOUR, 'pending')).toBe(ended);
      expect(resumeClock(ended, timing, T0 + HOUR)).toBe(ended);
      expect(endClock(ended, timing, T0 + HOUR, 'stopped')).toBe(ended);
      expect(fireDue(ended, T0 + 9 * HOUR)).toEqual({ clock: ended, fired: [] });
    });
  });

  describe('in business hours', () => {
    it('started Friday evening in New York, is due Monday', () => {
      // Friday 20 November 2026 18:00 EST, after closing; 4 business hours; 09:00–17:00 weekdays.
      const timing = businessTime(newYork, 4 * 3600);
      const friday = at('2026-11-20T18:00:00-05:00');
      const clock = startClock(timing, friday);
      expect(clock.dueAt).toBe(at('2026-11-23T13:00:00-05:00'));
      expect(clock.warnAt).toBe(at('2026-11-23T12:00:00-05:00')); // 3 h of 4
      expect(clock.nextFireAt).toBe(clock.warnAt);
      expect(consumedAt(clock, timing, at('2026-11-22T12:00:00-05:00'))).toBe(0);
      expect(standing(clock, timing, at('2026-11-23T10:00:00-05:00'))).toEqual({
        remainingSeconds: 3 * 3600,
        overdueSeconds: 0,
      });
      expect(fireDue(clock, at('2026-11-23T11:59:59-05:00')).fired).toEqual([]);
    });

    it('pauses over a weekend and resumes on Monday with the business time that was left', () => {
      // Friday 15:00 EST, 4 business hours: 2 h on Friday, due Monday 11:00.
      const timing = businessTime(newYork, 4 * 3600);
      const started = startClock(timing, at('2026-11-20T15:00:00-05:00'));
      expect(started.dueAt).toBe(at('2026-11-23T11:00:00-05:00'));
      expect(started.warnAt).toBe(at('2026-11-23T10:00:00-05:00'));

      const paused = pauseClock(started, timing, at('2026-11-20T16:30:00-05:00'), 'pending');
      expect(paused.consumedSeconds).toBe(5400);
      expect(standing(paused, timing, at('2026-11-24T12:00:00-05:00')).remainingSeconds).toBe(9000);

      const monday = at('2026-11-23T10:00:00-05:00');
      const resumed = resumeClock(paused, timing, monday);
      expect(resumed.runningSince).toBe(monday);
      expect(resumed.dueAt).toBe(at('2026-11-23T12:30:00-05:00')); // 2.5 h left
      expect(resumed.warnAt).toBe(at('2026-11-23T11:30:00-05:00')); // 3 h of 4, 1.5 h on
      expect(consumedAt(resumed, timing, at('2026-11-23T11:00:00-05:00'))).toBe(5400 + 3600);
    });

    it('places a target across the DST change on the new offset (New York, 8 March 2026)', () => {
      // Friday 16:00 EST + 2 business hours: 1 h on Friday, then Monday from 09:00 EDT (UTC−4).
      const timing = businessTime(newYork, 2 * 3600);
      const clock = startClock(timing, at('2026-03-06T16:00:00-05:00'));
      expect(clock.warnAt).toBe(at('2026-03-09T09:30:00-04:00'));
      expect(clock.dueAt).toBe(at('2026-03-09T10:00:00-04:00'));
      expect(clock.dueAt).toBe(at('2026-03-09T14:00:00Z'));
      expect(consumedAt(clock, timing, clock.dueAt!)).toBe(7200);
    });

    it('counts the real length of a wall-clock day that loses an hour', () => {
      const sundays: BusinessCalendar = {
        timeZone: 'America/New_York',
        weekly: [{ day: 7, start: '00:00', end: '24:00' }],
      };
      // 8 March 2026 has 23 hours: 20 business hours from midnight end at 21:00 EDT.
      const clock = startClock(businessTime(sundays, 20 * 3600), at('2026-03-08T00:00:00-05:00'));
      expect(clock.dueAt).toBe(at('2026-03-08T21:00:00-04:00'));
      // 24 business hours do not fit into that Sunday: 1 h is left for the next one.
      const longer = startClock(businessTime(sundays, 24 * 3600), at('2026-03-08T00:00:00-05:00'));
      expect(longer.dueAt).toBe(at('2026-03-15T01:00:00-04:00'));
    });

    it('counts the repeated hour when London goes back (25 October 2026)', () => {
      const nights: BusinessCalendar = {
        timeZone: 'Europe/London',
        weekly: [{ day: 7, start: '00:00', end: '04:00' }],
      };
      // 00:00–04:00 local lasts 5 hours that night: 5 business hours end at 04:00 GMT.
      const clock = startClock(businessTime(nights, 5 * 3600), at('2026-10-25T00:00:00+01:00'));
      expect(clock.dueAt).toBe(at('2026-10-25T04:00:00Z'));
    });

    it('is due at closing time when the target ends exactly there (Sydney)', () => {
      // Friday 2 October 2026 16:30 AEST, 1 business hour, warning at 50%.
      const timing = businessTime(sydney, 3600, 50);
      const clock = startClock(timing, at('2026-10-02T16:30:00+10:00'));
      expect(clock.warnAt).toBe(at('2026-10-02T17:00:00+10:00'));
      // Sydney moved to AEDT (UTC+11) on Sunday 4 October.
      expect(clock.dueAt).toBe(at('2026-10-05T09:30:00+11:00'));
    });

    it('fires late after downtime over a weekend, lateness in real milliseconds', () => {
      // London, Friday 13 November 2026 16:00 GMT, 2 business hours, warn at 75% (1.5 h).
      const timing = businessTime(london, 2 * 3600);
      const clock = startClock(timing, at('2026-11-13T16:00:00Z'));
      expect(clock.warnAt).toBe(at('2026-11-16T09:30:00Z'));
      expect(clock.dueAt).toBe(at('2026-11-16T10:00:00Z'));
      const { fired } = fireDue(clock, at('2026-11-16T12:00:00Z'));
      expect(fired).toEqual<ClockFiring[]>([
        { kind: 'warning', dueAt: at('2026-11-16T09:30:00Z'), lateByMs: 150 * MINUTE },
        { kind: 'breach', dueAt: at('2026-11-16T10:00:00Z'), lateByMs: 2 * HOUR },
      ]);
    });

    it('reports overdue business time after a breach, not the closed hours in between', () => {
      const timing = businessTime(newYork, 3600);
      const clock = startClock(timing, at('2026-11-20T16:00:00-05:00')); // due 17:00 Friday
      expect(clock.dueAt).toBe(at('2026-11-20T17:00:00-05:00'));
      const breached = fireDue(clock, at('2026-11-21T10:00:00-05:00'));
      expect(breached.fired).toEqual([
        { kind: 'warning', dueAt: at('2026-11-20T16:45:00-05:00'), lateByMs: 17.25 * HOUR },
        { kind: 'breach', dueAt: at('2026-11-20T17:00:00-05:00'), lateByMs: 17 * HOUR },
      ]);
      const met = endClock(breached.clock, timing, at('2026-11-23T09:45:00-05:00'), 'met');
      expect(standing(met, timing, at('2026-11-30T00:00:00Z'))).toEqual({
        remainingSeconds: 0,
        overdueSeconds: 45 * 60,
      });
    });
  });

  describe('properties', () => {
    const instant = fc.integer({
      min: at('2026-01-01T00:00:00Z'),
      max: at('2027-12-01T00:00:00Z'),
    });
    const warnAtPercent = fc.option(fc.integer({ min: 1, max: 100 }), { nil: null });
    const steps = (maxGapMs: number) =>
      fc.array(
        fc.record({
          gapMs: fc.integer({ min: 0, max: maxGapMs }),
          action: fc.constantFrom('fire', 'pause', 'resume', 'fire-pause', 'fire-resume'),
        }),
        { maxLength: 25 },
      );

    /**
     * Replays steps as the state machine does (fire what fell due, then pause or resume),
     * modelling the running time independently: breach and warning due instants where the
     * running time crosses the threshold.
     */
    function replayCalendar(
      targetSeconds: number,
      percent: number | null,
      start: number,
      script: { gapMs: number; action: string }[],
    ) {
      const timing = calendarTime(targetSeconds, percent);
      const targetMs = targetSeconds * 1000;
      const warnMs = percent === null ? null : targetSeconds * percent * 10;
      let clock = startClock(timing, start);
      let now = start;
      let runningMs = 0;
      let expectedBreach: number | null = null;
      let expectedWarning: number | null = null;
      const fired: (ClockFiring & { at: number })[] = [];
      const fire = () => {
        const result = fireDue(clock, now);
        clock = result.clock;
        fired.push(...result.fired.map((f) => ({ ...f, at: now })));
      };
      for (const { gapMs, action } of script) {
        const from = now;
        now += gapMs;
        if (clock.status === 'running') {
          if (runningMs < targetMs && runningMs + gapMs >= targetMs)
            expectedBreach = from + (targetMs - runningMs);
          if (warnMs !== null && runningMs < warnMs && runningMs + gapMs >= warnMs)
            expectedWarning = from + (warnMs - runningMs);
          runningMs += gapMs;
        }
        if (action.startsWith('fire')) fire();
        if (action.endsWith('pause')) clock = pauseClock(clock, timing, now, 'pending');
        if (action.endsWith('resume')) clock = resumeClock(clock, timing, now);
      }
      fire();
      return { timing, clock, now, runningMs, fired, expectedBreach, expectedWarning };
    }

    const calendarScript = fc
      .tuple(
        fc.integer({ min: 1, max: 72 * 3600 }),
        warnAtPercent,
        instant,
        steps(12 * HOUR).map((list) =>
          // Every pause fires first, as every transition of the state machine does.
          list.map((step) => (step.action === 'pause' ? { ...step, action: 'fire-pause' } : step)),
        ),
      )
      .map(([target, percent, start, script]) => ({ target, percent, start, script }));

    it('in calendar time, consumes exactly the running time, whatever the pauses', () => {
      fc.assert(
        fc.property(calendarScript, ({ target, percent, start, script }) => {
          const { timing, clock, now, runningMs } = replayCalendar(target, percent, start, script);
          expect(consumedAt(clock, timing, now)).toBeCloseTo(runningMs / 1000, 6);
          const ended = endClock(clock, timing, now, 'met');
          expect(ended.consumedSeconds).toBeCloseTo(runningMs / 1000, 6);
          const { remainingSeconds, overdueSeconds } = standing(ended, timing, now + HOUR);
          expect(remainingSeconds - overdueSeconds).toBeCloseTo(target - runningMs / 1000, 6);
        }),
        { numRuns: 200 },
      );
    });

    it('fires the breach exactly once, never before the running time reaches the target', () => {
      fc.assert(
        fc.property(calendarScript, ({ target, percent, start, script }) => {
          const { fired, runningMs, expectedBreach, expectedWarning } = replayCalendar(
            target,
            percent,
            start,
            script,
          );
          const breaches = fired.filter((f) => f.kind === 'breach');
          const warnings = fired.filter((f) => f.kind === 'warning');
          expect(breaches).toHaveLength(runningMs >= target * 1000 ? 1 : 0);
          for (const breach of breaches) {
            expect(breach.dueAt).toBe(expectedBreach);
            expect(breach.at).toBeGreaterThanOrEqual(breach.dueAt);
            expect(breach.lateByMs).toBe(breach.at - breach.dueAt);
          }
          const warnMs = percent === null ? Infinity : target * percent * 10;
          expect(warnings).toHaveLength(runningMs >= warnMs ? 1 : 0);
          for (const warning of warnings) {
            expect(warning.dueAt).toBe(expectedWarning);
            expect(warning.at).toBeGreaterThanOrEqual(warning.dueAt);
            expect(warning.lateByMs).toBe(warning.at - warning.dueAt);
          }
          if (warnings.length && breaches.length)
            expect(fired.indexOf(warnings[0]!)).toBeLessThan(fired.indexOf(breaches[0]!));
        }),
        { numRuns: 200 },
      );
    });

    const businessScript = fc
      .tuple(
        fc.constantFrom(newYork, london, sydney),
        fc.integer({ min: 1, max: 40 * 3600 }),
        warnAtPercent,
        instant,
        steps(3 * 24 * HOUR),
      )
      .map(([calendar, target, percent, start, script]) => ({
        timing: businessTime(calendar, target, percent),
        start,
        script,
      }));

    it('in business hours, pausing and resuming never change the target units left', () => {
      fc.assert(
        fc.property(businessScript, ({ timing, start, script }) => {
          let clock = startClock(timing, start);
          let now = start;
          let since: number | null = start;
          let consumed = 0;
          for (const { gapMs, action } of script) {
            now += gapMs;
            clock = fireDue(clock, now).clock;
            const before = standing(clock, timing, now);
            if (action.endsWith('pause')) {
              clock = pauseClock(clock, timing, now, 'snoozed');
              if (since !== null) consumed += businessSecondsBetween(timing.calendar!, since, now);
              since = null;
            } else if (action.endsWith('resume')) {
              clock = resumeClock(clock, timing, now);
              since ??= now;
            }
            expect(standing(clock, timing, now)).toEqual(before);
            if (clock.status === 'paused')
              expect(standing(clock, timing, now + 7 * 24 * HOUR)).toEqual(before);
          }
          const running = since === null ? 0 : businessSecondsBetween(timing.calendar!, since, now);
          expect(consumedAt(clock, timing, now)).toBeCloseTo(consumed + running, 6);
        }),
        { numRuns: 200 },
      );
    });

    it('in business hours, is due when the business time used reaches the target', () => {
      fc.assert(
        fc.property(businessScript, ({ timing, start, script }) => {
          let clock = startClock(timing, start);
          let now = start;
          for (const { gapMs, action } of script) {
            now += gapMs;
            clock = fireDue(clock, now).clock;
            if (action.endsWith('pause')) clock = pauseClock(clock, timing, now, 'pending');
            else if (action.endsWith('resume')) clock = resumeClock(clock, timing, now);
            if (clock.status === 'running' && clock.breachedAt === null) {
              expect(consumedAt(clock, timing, clock.dueAt!)).toBeCloseTo(timing.targetSeconds, 3);
              expect(clock.dueAt!).toBeGreaterThanOrEqual(now);
            }
          }
        }),
        { numRuns: 100 },
      );
    });

    it('keeps every scheduled instant on a whole millisecond', () => {
      const instants = (clock: ClockState) =>
        [clock.dueAt, clock.warnAt, clock.nextFireAt].filter((x): x is number => x !== null);
      fc.assert(
        fc.property(
          fc.oneof(
            businessScript,
            calendarScript.map(({ target, percent, start, script }) => ({
              timing: calendarTime(target, percent),
              start,
              script,
            })),
          ),
          ({ timing, start, script }) => {
            let clock = startClock(timing, start);
            let now = start;
            for (const { gapMs, action } of script) {
              now += gapMs;
              clock = fireDue(clock, now).clock;
              if (action.endsWith('pause')) clock = pauseClock(clock, timing, now, 'pending');
              else if (action.endsWith('resume')) clock = resumeClock(clock, timing, now);
              for (const value of instants(clock)) expect(Number.isInteger(value)).toBe(true);
            }
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe('when the calendar changes under a running clock', () => {
    // Friday 17:00 New York, 2 business hours: due Monday 11:00.
    const friday = at('2026-03-13T16:00:00-04:00');
    const started = startClock(businessTime(newYork, 2 * 3600, 50), friday);

    it('a holiday added since it started moves the due and warning instants later', () => {
      expect(started.dueAt).toBe(at('2026-03-16T10:00:00-04:00'));
      const holidayMonday = businessTime({ ...newYork, holidays: ['2026-03-16'] }, 2 * 3600, 50);
      const moved = reschedule(started, holidayMonday);
      expect(moved.dueAt).toBe(at('2026-03-17T10:00:00-04:00'));
      // Its first business hour (Friday) is unchanged: so is its warning.
      expect(moved.warnAt).toBe(at('2026-03-13T17:00:00-04:00'));
      const warned = fireDue(moved, at('2026-03-13T17:00:00-04:00'));
      expect(warned.fired.map((firing) => firing.kind)).toEqual(['warning']);
      expect(warned.clock.nextFireAt).toBe(at('2026-03-17T10:00:00-04:00'));
      // Nothing fires at the old due time any more.
      expect(fireDue(warned.clock, at('2026-03-16T10:00:00-04:00')).fired).toEqual([]);
    });

    it('an unchanged calendar changes nothing, and a fired warning stays fired', () => {
      expect(reschedule(started, businessTime(newYork, 2 * 3600, 50))).toEqual(started);
      const warned = fireDue(started, at('2026-03-16T09:30:00-04:00')).clock;
      expect(reschedule(warned, businessTime(newYork, 2 * 3600, 50))).toEqual(warned);
    });

    it('leaves paused and ended clocks alone', () => {
      const timing = businessTime(newYork, 2 * 3600, 50);
      const paused = pauseClock(started, timing, friday + 30 * MINUTE, 'pending');
      expect(
        reschedule(paused, { ...timing, calendar: { ...newYork, holidays: ['2026-03-16'] } }),
      ).toBe(paused);
    });
  });

  it('never falls due when the calendar has not that much open time ahead (no failure)', () => {
    // One hour a week, and a target of more hours than the three-year horizon holds.
    const sparse: BusinessCalendar = {
      timeZone: 'Europe/London',
      weekly: [{ day: 1, start: '09:00', end: '10:00' }],
    };
    const clock = startClock(businessTime(sparse, 200 * 3600, 50), T0);
    expect(clock).toMatchObject({ status: 'running', dueAt: null, nextFireAt: clock.warnAt });
    expect(clock.warnAt).not.toBeNull();
    expect(fireDue(clock, T0 + 4 * 366 * 24 * HOUR).fired.map((firing) => firing.kind)).toEqual([
      'warning',
    ]);
  });

  it('resumes no earlier than the clock started', () => {
    const timing = calendarTime(3600, null);
    const paused = pauseClock(startClock(timing, T0), timing, T0, 'snoozed');
    const resumed = resumeClock(paused, timing, T0 - 10 * MINUTE);
    expect(resumed).toMatchObject({ runningSince: T0, dueAt: T0 + HOUR });
  });
});
