import fc from 'fast-check';
import {
  addBusinessSeconds,
  businessSecondsBetween,
  type BusinessCalendar,
} from './business-hours';

const HOUR = 3600;
const weekdays = (start: string, end: string) =>
  [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));

const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  weekly: weekdays('09:00', '17:00'),
};
const utc = (iso: string) => Date.parse(iso);

describe('business hours', () => {
  it('counts only open hours, across a weekend', () => {
    // Friday 16:00 to Monday 10:00 in New York: 1 h on Friday, 1 h on Monday.
    expect(
      businessSecondsBetween(newYork, utc('2026-11-20T21:00:00Z'), utc('2026-11-23T15:00:00Z')),
    ).toBe(2 * HOUR);
    expect(addBusinessSeconds(newYork, utc('2026-11-20T21:00:00Z'), 2 * HOUR)).toBe(
      utc('2026-11-23T15:00:00Z'),
    );
  });

  it('starts the clock at opening when work arrives while closed', () => {
    // Saturday noon + 30 min → Monday 09:30 local (EST, UTC−5).
    expect(addBusinessSeconds(newYork, utc('2026-11-21T17:00:00Z'), 1800)).toBe(
      utc('2026-11-23T14:30:00Z'),
    );
  });

  it('skips holidays and one-off closures', () => {
    const calendar: BusinessCalendar = {
      ...newYork,
      holidays: ['2026-11-26'], // Thanksgiving, a Thursday
      closures: [{ from: utc('2026-11-27T14:00:00Z'), to: utc('2026-11-27T16:00:00Z') }],
    };
    // Wednesday 16:00 + 2 h: 1 h Wednesday, Thursday closed, Friday 09:00–11:00 closed → 12:00.
    expect(addBusinessSeconds(calendar, utc('2026-11-25T21:00:00Z'), 2 * HOUR)).toBe(
      utc('2026-11-27T17:00:00Z'),
    );
  });

  it('adds up split shifts', () => {
    const calendar: BusinessCalendar = {
      timeZone: 'Europe/London',
      weekly: [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '13:00', end: '17:00' },
      ],
    };
    // Monday 2026-11-23 in London (GMT): 11:00 + 2 h → 12:00, lunch, then 13:00 + 1 h = 14:00.
    expect(addBusinessSeconds(calendar, utc('2026-11-23T11:00:00Z'), 2 * HOUR)).toBe(
      utc('2026-11-23T14:00:00Z'),
    );
    expect(
      businessSecondsBetween(calendar, utc('2026-11-23T00:00:00Z'), utc('2026-11-24T00:00:00Z')),
    ).toBe(8 * HOUR);
  });

  it('runs an overnight shift past midnight', () => {
    const calendar: BusinessCalendar = {
      timeZone: 'Europe/London',
      weekly: [{ day: 5, start: '22:00', end: '06:00' }], // Friday night into Saturday
    };
    expect(
      businessSecondsBetween(calendar, utc('2026-11-20T00:00:00Z'), utc('2026-11-22T00:00:00Z')),
    ).toBe(8 * HOUR);
    expect(addBusinessSeconds(calendar, utc('2026-11-20T23:00:00Z'), 3 * HOUR)).toBe(
      utc('2026-11-21T02:00:00Z'),
    );
  });

  it('counts only wall-clock hours that exist when the clocks go forward (New York, March)', () => {
    const allSunday: BusinessCalendar = {
      timeZone: 'America/New_York',
      weekly: [{ day: 7, start: '00:00', end: '24:00' }],
    };
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT, so the day has 23 hours.
    expect(
      businessSecondsBetween(allSunday, utc('2026-03-08T05:00:00Z'), utc('2026-03-09T04:00:00Z')),
    ).toBe(23 * HOUR);
    const night: BusinessCalendar = {
      timeZone: 'America/New_York',
      weekly: [{ day: 7, start: '01:00', end: '05:00' }],
    };
    expect(
      businessSecondsBetween(night, utc('2026-03-08T00:00:00Z'), utc('2026-03-08T12:00:00Z')),
    ).toBe(3 * HOUR);
  });

  it('counts the repeated hour twice when the clocks go back (London, October)', () => {
    const night: BusinessCalendar = {
      timeZone: 'Europe/London',
      weekly: [{ day: 7, start: '00:00', end: '04:00' }],
    };
    // 2026-10-25: 02:00 BST goes back to 01:00 GMT; 00:00–04:00 local lasts 5 hours.
    expect(
      businessSecondsBetween(night, utc('2026-10-24T20:00:00Z'), utc('2026-10-25T12:00:00Z')),
    ).toBe(5 * HOUR);
  });

  it('follows the southern hemisphere (Sydney goes forward in October)', () => {
    const sydney: BusinessCalendar = {
      timeZone: 'Australia/Sydney',
      weekly: [{ day: 7, start: '00:00', end: '24:00' }],
    };
    // 2026-10-04: 02:00 AEST jumps to 03:00 AEDT.
    expect(
      businessSecondsBetween(sydney, utc('2026-10-03T14:00:00Z'), utc('2026-10-04T13:00:00Z')),
    ).toBe(23 * HOUR);
    // Friday 16:30 AEST + 1 h with 09:00–17:00 weekdays → Monday 09:30 AEDT (UTC+11).
    const office: BusinessCalendar = {
      timeZone: 'Australia/Sydney',
      weekly: weekdays('09:00', '17:00'),
    };
    expect(addBusinessSeconds(office, utc('2026-10-02T06:30:00Z'), HOUR)).toBe(
      utc('2026-10-04T22:30:00Z'),
    );
  });

  it('refuses a calendar that is never open', () => {
    expect(() => addBusinessSeconds({ timeZone: 'UTC', weekly: [] }, 0, 1)).toThrow(/no open time/);
  });

  describe('properties', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney'];
    const clock = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const calendar = fc.record({
      timeZone: fc.constantFrom(...zones),
      weekly: fc.array(
        fc.record({ day: fc.integer({ min: 1, max: 7 }), start: clock, end: clock }),
        { minLength: 1, maxLength: 6 },
      ),
      holidays: fc.array(
        fc
          .date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        { maxLength: 3 },
      ),
    });
    /** At most eight weeks of the calendar's open time (a quarter-hour a week is a valid calendar). */
    const within = (c: BusinessCalendar, seconds: number): number => {
      const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
      const weekly = c.weekly.reduce((total, interval) => {
        const length = minutes(interval.end) - minutes(interval.start);
        return total + (length > 0 ? length : length + 1440) * 60;
      }, 0);
      return Math.min(seconds, weekly * 8);
    };
    // Two years around DST changes in both hemispheres.
    const instant = fc.integer({
      min: utc('2026-01-01T00:00:00Z'),
      max: utc('2027-12-31T00:00:00Z'),
    });

    it('adding then counting gives back the seconds added', () => {
      fc.assert(
        fc.property(
          calendar,
          instant,
          fc.integer({ min: 0, max: 5 * 24 * 3600 }),
          (c, start, seconds) => {
            const target = within(c, seconds);
            const end = addBusinessSeconds(c, start, target);
            expect(end).toBeGreaterThanOrEqual(start);
            expect(businessSecondsBetween(c, start, end)).toBeCloseTo(target, 3);
          },
        ),
        { numRuns: 150 },
      );
    });

    it('is monotonic and additive', () => {
      fc.assert(
        fc.property(
          calendar,
          instant,
          fc.nat(10 * 24 * 3600),
          fc.nat(10 * 24 * 3600),
          (c, a, x, y) => {
            const b = a + x * 1000;
            const d = b + y * 1000;
            expect(businessSecondsBetween(c, a, d)).toBeCloseTo(
              businessSecondsBetween(c, a, b) + businessSecondsBetween(c, b, d),
              3,
            );
            const [fewer, more] =
              x <= y ? [within(c, x), within(c, y)] : [within(c, y), within(c, x)];
            expect(addBusinessSeconds(c, a, fewer)).toBeLessThanOrEqual(
              addBusinessSeconds(c, a, more),
            );
          },
        ),
        { numRuns: 150 },
      );
    });
  });
});
