import { calendarRequestSchema, holidayRequestSchema, policyRequestSchema } from './sla.requests';

/** The fields a schema refuses, by path, as `ZodBodyPipe` names them. */
function refused(
  schema: { safeParse(value: unknown): { error?: { issues: { path: PropertyKey[] }[] } } },
  body: unknown,
): string[] {
  const result = schema.safeParse(body);
  expect(result.error).toBeDefined();
  return result.error!.issues.map((issue) => issue.path.join('.') || '(body)');
}

describe('calendarRequestSchema', () => {
  const calendar = {
    name: 'Berlin office',
    timeZone: 'Europe/Berlin',
    weekly: [{ day: 1, start: '09:00', end: '17:30' }],
  };

  it('takes weekly hours, overnight and to-midnight intervals, and no closures by default', () => {
    const weekly = [
      { day: 1, start: '09:00', end: '17:30' },
      { day: 5, start: '22:00', end: '06:00' },
      { day: 7, start: '00:00', end: '24:00' },
    ];
    expect(calendarRequestSchema.parse({ ...calendar, name: ' Berlin ', weekly })).toEqual({
      name: 'Berlin',
      timeZone: 'Europe/Berlin',
      weekly,
      closures: [],
    });
  });

  it('stores closure instants in UTC, named or not', () => {
    const parsed = calendarRequestSchema.parse({
      ...calendar,
      closures: [{ from: '2026-12-24T12:00:00+01:00', to: '2026-12-27T00:00:00+01:00' }],
    });
    expect(parsed.closures).toEqual([
      { from: '2026-12-24T11:00:00.000Z', to: '2026-12-26T23:00:00.000Z', name: '' },
    ]);
  });

  it.each([
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }, ['timeZone']],
    ['an offset for a zone', { timeZone: '+01:00' }, ['timeZone']],
    ['no name', { name: ' ' }, ['name']],
    ['no weekly hours', { weekly: [] }, ['weekly']],
    ['day 0', { weekly: [{ day: 0, start: '09:00', end: '17:00' }] }, ['weekly.0.day']],
    ['day 8', { weekly: [{ day: 8, start: '09:00', end: '17:00' }] }, ['weekly.0.day']],
    [
      'a start of 24:00',
      { weekly: [{ day: 1, start: '24:00', end: '06:00' }] },
      ['weekly.0.start'],
    ],
    ['an end of 25:00', { weekly: [{ day: 1, start: '09:00', end: '25:00' }] }, ['weekly.0.end']],
    [
      'a time without minutes',
      { weekly: [{ day: 1, start: '9', end: '17:00' }] },
      ['weekly.0.start'],
    ],
    [
      'a closure ending before it starts',
      { closures: [{ from: '2026-12-24T12:00:00Z', to: '2026-12-24T11:00:00Z' }] },
      ['closures.0.to'],
    ],
    [
      'a closure without an offset',
      { closures: [{ from: '2026-12-24T12:00:00', to: '2026-12-25T12:00:00Z' }] },
      ['closures.0.from'],
    ],
  ])('refuses %s, naming the field', (_case, change, fields) => {
    expect(refused(calendarRequestSchema, { ...calendar, ...change })).toEqual(fields);
  });
});

describe('holidayRequestSchema', () => {
  it('takes a trimmed name and refuses none', () => {
    expect(holidayRequestSchema.parse({ name: ' Christmas ' })).toEqual({ name: 'Christmas' });
    expect(refused(holidayRequestSchema, {})).toEqual(['name']);
    expect(refused(holidayRequestSchema, { name: '' })).toEqual(['name']);
  });
});

describe('policyRequestSchema', () => {
  const policy = {
    name: 'VIP',
    position: 10,
    targets: { first_response: { seconds: 300, businessHours: false } },
  };

  it('defaults to matching anything, no calendar, no warnings, no pauses, no escalations', () => {
    expect(policyRequestSchema.parse(policy)).toEqual({
      ...policy,
      match: {},
      calendarId: null,
      warnAtPercent: null,
      pauseOn: [],
      escalations: { onWarning: [], onBreach: [] },
    });
  });

  it('keeps every condition, target and escalation', () => {
    const full = {
      name: 'VIP email',
      position: 0,
      match: {
        queueIds: ['billing'],
        channels: ['email', 'whatsapp'],
        contactTiers: ['vip'],
        minPriority: 5,
      },
      calendarId: '5F0C6A8E-7D2B-4A53-9A53-0A3B9A1D2C11',
      targets: {
        first_response: { seconds: 3600, businessHours: true },
        resolution: { seconds: 31_536_000, businessHours: false },
      },
      warnAtPercent: 80,
      pauseOn: ['pending', 'snoozed'],
      escalations: {
        onWarning: [{ type: 'notify_supervisor', supervisorIds: [] }],
        onBreach: [
          { type: 'raise_priority', priority: 9 },
          { type: 'move_to_queue', queueId: 'escalations' },
        ],
      },
    };
    expect(policyRequestSchema.parse(full)).toEqual({
      ...full,
      calendarId: '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11',
    });
  });

  it.each([
    ['no targets', { targets: {} }, ['targets']],
    [
      'a target of 0 seconds',
      { targets: { resolution: { seconds: 0, businessHours: false } } },
      ['targets.resolution.seconds'],
    ],
    [
      'a target over a year',
      { targets: { resolution: { seconds: 31_536_001, businessHours: false } } },
      ['targets.resolution.seconds'],
    ],
    [
      'a fractional target',
      { targets: { resolution: { seconds: 1.5, businessHours: false } } },
      ['targets.resolution.seconds'],
    ],
    [
      'a target not saying how it counts',
      { targets: { resolution: { seconds: 60 } } },
      ['targets.resolution.businessHours'],
    ],
    [
      'business hours without a calendar',
      { targets: { resolution: { seconds: 60, businessHours: true } } },
      ['calendarId'],
    ],
    ['a calendar id that is no uuid', { calendarId: 'berlin' }, ['calendarId']],
    ['warning at 100%', { warnAtPercent: 100 }, ['warnAtPercent']],
    ['warning at 0%', { warnAtPercent: 0 }, ['warnAtPercent']],
    ['a status it cannot pause on', { pauseOn: ['resolved'] }, ['pauseOn.0']],
    ['a status twice', { pauseOn: ['pending', 'pending'] }, ['pauseOn']],
    ['an unknown channel', { match: { channels: ['fax'] } }, ['match.channels.0']],
    ['a tier in capitals', { match: { contactTiers: ['VIP'] } }, ['match.contactTiers.0']],
    ['a queue id with spaces', { match: { queueIds: ['two words'] } }, ['match.queueIds.0']],
    ['a misspelt condition', { match: { queue: ['billing'] } }, ['match']],
    ['a negative priority', { match: { minPriority: -1 } }, ['match.minPriority']],
    ['no position', { position: undefined }, ['position']],
    ['a fractional position', { position: 1.5 }, ['position']],
    [
      'an unknown escalation',
      { escalations: { onBreach: [{ type: 'page' }] } },
      ['escalations.onBreach.0.type'],
    ],
    [
      'an escalation on warnings that never come',
      { escalations: { onWarning: [{ type: 'raise_priority', priority: 1 }] } },
      ['escalations.onWarning'],
    ],
  ])('refuses %s, naming the field', (_case, change, fields) => {
    expect(refused(policyRequestSchema, { ...policy, ...change })).toEqual(fields);
  });

  it('names the metrics when a target is misspelt', () => {
    const result = policyRequestSchema.safeParse({
      ...policy,
      targets: { firstResponse: { seconds: 60, businessHours: false } },
    });
    expect(result.error!.issues.map(({ path, message }) => [path.join('.'), message])).toEqual([
      [
        'targets',
        'not metrics: firstResponse (metrics are first_response, next_response, periodic_update, resolution)',
      ],
      ['targets', expect.stringMatching(/^at least one target/)],
    ]);
  });
});
