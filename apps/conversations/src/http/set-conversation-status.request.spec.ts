import {
  setConversationStatusRequestSchema,
  snoozeEndProblems,
} from './set-conversation-status.request';

describe('setConversationStatusRequestSchema', () => {
  it.each(['open', 'pending', 'snoozed'] as const)(
    'sets %s, changed by "api" unless an agent is named',
    (status) => {
      expect(setConversationStatusRequestSchema.parse({ status })).toEqual({
        status,
        changedBy: 'api',
      });
      expect(setConversationStatusRequestSchema.parse({ status, changedBy: 'ada' })).toEqual({
        status,
        changedBy: 'ada',
      });
    },
  );

  it('reads a snooze end with any offset as one instant', () => {
    expect(
      setConversationStatusRequestSchema.parse({
        status: 'snoozed',
        snoozedUntil: '2026-11-23T09:00:00+01:00',
      }).snoozedUntil,
    ).toEqual(new Date('2026-11-23T08:00:00Z'));
  });

  it.each([
    ['status', { status: 'resolved' }],
    ['status', { status: undefined }],
    ['snoozedUntil', { status: 'snoozed', snoozedUntil: '2026-11-23T09:00:00' }],
    ['snoozedUntil', { status: 'snoozed', snoozedUntil: 'tomorrow' }],
    ['snoozedUntil', { status: 'snoozed', snoozedUntil: '2026-02-30T09:00:00Z' }],
    ['snoozedUntil', { status: 'pending', snoozedUntil: '2026-11-23T09:00:00Z' }],
    ['snoozedUntil', { status: 'open', snoozedUntil: '2026-11-23T09:00:00Z' }],
    ['changedBy', { status: 'open', changedBy: '' }],
    ['changedBy', { status: 'open', changedBy: 'agent:ada' }],
  ])('names %s when it is wrong (%j)', (field, body) => {
    const result = setConversationStatusRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[field]]);
  });
});

describe('snoozeEndProblems', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('accepts an end in the future, or none', () => {
    expect(snoozeEndProblems({ snoozedUntil: new Date('2026-11-22T12:00:01Z') }, now)).toEqual([]);
    expect(snoozeEndProblems({ snoozedUntil: undefined }, now)).toEqual([]);
  });

  it.each(['2026-11-22T12:00:00Z', '2026-11-21T12:00:00Z'])('refuses an end at %s', (end) => {
    expect(snoozeEndProblems({ snoozedUntil: new Date(end) }, now)).toEqual([
      { field: 'snoozedUntil', problem: 'must be in the future' },
    ]);
  });
});
