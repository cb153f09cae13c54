import { decideStatusChange, statusWokenByCustomer } from './conversation-status';

const at = new Date('2026-11-22T12:00:00Z');
const later = new Date('2026-11-22T15:00:00Z');

describe('decideStatusChange', () => {
  it.each([
    ['open', 'pending'],
    ['open', 'snoozed'],
    ['pending', 'open'],
    ['pending', 'snoozed'],
    ['snoozed', 'open'],
    ['snoozed', 'pending'],
  ] as const)('changes %s to %s, naming where it came from', (from, to) => {
    expect(
      decideStatusChange({ status: from, snoozedUntil: null }, { status: to, snoozedUntil: null }),
    ).toEqual({ kind: 'change', previousStatus: from });
  });

  it.each(['open', 'pending'] as const)('leaves a %s conversation %s alone', (status) => {
    expect(
      decideStatusChange({ status, snoozedUntil: null }, { status, snoozedUntil: null }),
    ).toEqual({ kind: 'unchanged' });
  });

  it.each([
    ['until the customer writes', null],
    ['until the same moment', at],
  ])('leaves a snooze alone when asked for the same one (%s)', (_case, until) => {
    expect(
      decideStatusChange(
        { status: 'snoozed', snoozedUntil: until === null ? null : new Date(until) },
        { status: 'snoozed', snoozedUntil: until },
      ),
    ).toEqual({ kind: 'unchanged' });
  });

  it.each([
    ['a later end', at, later],
    ['an end instead of none', null, at],
    ['no end instead of one', at, null],
  ])('changes a snooze to %s (snoozed → snoozed is announced)', (_case, current, wanted) => {
    expect(
      decideStatusChange(
        { status: 'snoozed', snoozedUntil: current },
        { status: 'snoozed', snoozedUntil: wanted },
      ),
    ).toEqual({ kind: 'change', previousStatus: 'snoozed' });
  });

  it.each(['open', 'pending', 'snoozed'] as const)(
    'never sets a resolved conversation %s (only the customer reopens it)',
    (status) => {
      expect(
        decideStatusChange(
          { status: 'resolved', snoozedUntil: null },
          { status, snoozedUntil: null },
        ),
      ).toEqual({ kind: 'resolved' });
    },
  );
});

describe('statusWokenByCustomer', () => {
  it.each(['pending', 'snoozed'] as const)('wakes a %s conversation', (status) => {
    expect(statusWokenByCustomer(status)).toBe(status);
  });

  it.each(['open', 'resolved'] as const)('has nothing to announce for a %s one', (status) => {
    expect(statusWokenByCustomer(status)).toBeNull();
  });
});
