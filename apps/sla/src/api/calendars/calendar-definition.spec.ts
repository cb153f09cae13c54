import { businessCalendarOf, closedByField, noOpenTimeProblem } from './calendar-definition';
import { describeUsage } from './delete-calendar.use-case';

const now = Date.UTC(2026, 10, 23, 10, 0, 0); // a Monday
const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

describe('businessCalendarOf', () => {
  it('turns closures into epoch ms and keeps holidays as local dates', () => {
    expect(
      businessCalendarOf(
        {
          timeZone: 'Europe/Berlin',
          weekly: weekdays,
          closures: [
            { from: '2026-12-24T11:00:00.000Z', to: '2026-12-27T00:00:00.000Z', name: '' },
          ],
        },
        ['2026-12-31'],
      ),
    ).toEqual({
      timeZone: 'Europe/Berlin',
      weekly: weekdays,
      holidays: ['2026-12-31'],
      closures: [{ from: Date.UTC(2026, 11, 24, 11), to: Date.UTC(2026, 11, 27) }],
    });
  });
});

describe('noOpenTimeProblem', () => {
  it('finds none in a calendar with weekly hours', () => {
    const calendar = businessCalendarOf({ timeZone: 'UTC', weekly: weekdays, closures: [] }, []);
    expect(noOpenTimeProblem(calendar, now, 'weekly')).toBeNull();
  });

  it('finds none when a long closure still ends within the horizon', () => {
    const closures = [{ from: new Date(now).toISOString(), to: '2027-06-01T00:00:00Z', name: '' }];
    const calendar = businessCalendarOf({ timeZone: 'UTC', weekly: weekdays, closures }, []);
    expect(noOpenTimeProblem(calendar, now, 'closures')).toBeNull();
  });

  it('blames the field when closures leave no open time', () => {
    const closures = [
      { from: '2026-01-01T00:00:00Z', to: '2099-01-01T00:00:00Z', name: 'Closed for good' },
    ];
    const calendar = businessCalendarOf({ timeZone: 'UTC', weekly: weekdays, closures }, []);
    expect(noOpenTimeProblem(calendar, now, closedByField({ closures }))).toEqual({
      field: 'closures',
      problem: expect.stringContaining('no open time'),
    });
  });

  it('blames the weekly hours when there are no closures to blame', () => {
    expect(closedByField({ closures: [] })).toBe('weekly');
  });
});

describe('describeUsage', () => {
  it('says nothing when nothing counts in the calendar', () => {
    expect(describeUsage({ policies: [], conversations: 0, clocks: 0 })).toBeNull();
  });

  it('names the policies and counts conversations and clocks', () => {
    expect(describeUsage({ policies: ['VIP'], conversations: 1, clocks: 3 })).toBe(
      'policy VIP counts in it; 1 open conversation is bound to a policy version counting in it; 3 clocks were counted in it',
    );
    expect(describeUsage({ policies: ['VIP', 'Email'], conversations: 0, clocks: 1 })).toBe(
      'policies VIP, Email count in it; 1 clock was counted in it',
    );
  });
});
