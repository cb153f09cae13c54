import {
  answerOfferRequestSchema,
  putAgentRequestSchema,
  putQueueRequestSchema,
  putSettingsRequestSchema,
  putSkillRequestSchema,
  replaceRulesRequestSchema,
  setPresenceRequestSchema,
  transferRequestSchema,
} from './routing.requests';

/** The fields a schema refuses, by path, as `ZodBodyPipe` names them. */
function refused(
  schema: { safeParse(value: unknown): { error?: { issues: { path: PropertyKey[] }[] } } },
  body: unknown,
): string[] {
  const result = schema.safeParse(body);
  expect(result.error).toBeDefined();
  return result.error!.issues.map((issue) => issue.path.join('.') || '(body)');
}

describe('putSkillRequestSchema', () => {
  it.each([undefined, {}])('takes no description from %j (the stored one is kept)', (body) => {
    expect(putSkillRequestSchema.parse(body)).toEqual({});
  });

  it('trims the description and refuses one PostgreSQL cannot store', () => {
    expect(putSkillRequestSchema.parse({ description: ' Invoices ' })).toEqual({
      description: 'Invoices',
    });
    expect(refused(putSkillRequestSchema, { description: 'a\u0000b' })).toEqual(['description']);
  });
});

describe('putAgentRequestSchema', () => {
  const agent = { name: 'Ada', capacity: { totalUnits: 3 } };

  it('defaults skills and languages to none', () => {
    expect(putAgentRequestSchema.parse(agent)).toEqual({ ...agent, skills: {}, languages: [] });
  });

  it('keeps levels, languages and per-channel capacity', () => {
    const full = {
      name: 'Ada',
      skills: { billing: 10, 'en.refunds': 1 },
      languages: ['eng', 'spa'],
      capacity: { totalUnits: 2.5, channels: { email: { units: 0.5 }, whatsapp: { max: 0 } } },
    };
    expect(putAgentRequestSchema.parse(full)).toEqual(full);
  });

  it.each([
    ['a level above 10', { skills: { billing: 11 } }, ['skills.billing']],
    ['a fractional level', { skills: { billing: 2.5 } }, ['skills.billing']],
    ['a skill name the catalogue could not hold', { skills: { Billing: 3 } }, ['skills.Billing']],
    ['a two-letter language', { languages: ['en'] }, ['languages.0']],
    ['a language twice', { languages: ['eng', 'eng'] }, ['languages']],
    ['no capacity', { capacity: undefined }, ['capacity']],
    ['zero total units', { capacity: { totalUnits: 0 } }, ['capacity.totalUnits']],
    [
      'an unknown channel',
      { capacity: { totalUnits: 1, channels: { fax: { units: 1 } } } },
      ['capacity.channels'],
    ],
    [
      'zero units or a fractional maximum on a channel',
      { capacity: { totalUnits: 1, channels: { sms: { units: 0, max: 1.5 } } } },
      ['capacity.channels.sms.units', 'capacity.channels.sms.max'],
    ],
    ['a blank name', { name: '  ' }, ['name']],
  ])('refuses %s, naming the field', (_case, change, fields) => {
    expect(refused(putAgentRequestSchema, { ...agent, ...change })).toEqual(fields);
  });

  it('names the unknown channel in the problem', () => {
    const result = putAgentRequestSchema.safeParse({
      ...agent,
      capacity: { totalUnits: 1, channels: { fax: {} } },
    });
    expect(result.error?.issues[0]?.message).toMatch(/^not channels: fax \(channels are api, sms/);
  });
});

describe('putQueueRequestSchema', () => {
  it('fills every default of a queue', () => {
    expect(putQueueRequestSchema.parse({ name: 'Billing', requiredSkills: [] })).toEqual({
      name: 'Billing',
      priority: 0,
      requiredSkills: [],
      optionalSkills: [],
      strategy: 'longest_idle',
      widening: [],
      offerTimeoutSeconds: 30,
      autoAccept: false,
      affinity: { windowSeconds: 0, waitSeconds: 0 },
      slaPolicyId: null,
    });
  });

  it('lets an auto-accepting queue have no offer time-out', () => {
    expect(
      putQueueRequestSchema.parse({
        name: 'Bots',
        requiredSkills: [],
        autoAccept: true,
        offerTimeoutSeconds: 0,
      }).offerTimeoutSeconds,
    ).toBe(0);
  });

  it.each([
    [
      'no name and no required skills',
      { name: undefined, requiredSkills: undefined },
      ['name', 'requiredSkills'],
    ],
    ['an unknown strategy', { strategy: 'random' }, ['strategy']],
    [
      'a minimum level of 0',
      { requiredSkills: [{ skill: 'billing', minLevel: 0 }] },
      ['requiredSkills.0.minLevel'],
    ],
    [
      'a skill required twice',
      {
        requiredSkills: [
          { skill: 'billing', minLevel: 1 },
          { skill: 'billing', minLevel: 5 },
        ],
      },
      ['requiredSkills.1.skill'],
    ],
    ['offers that never time out', { offerTimeoutSeconds: 0 }, ['offerTimeoutSeconds']],
    [
      'widening steps out of order',
      { widening: [{ afterSeconds: 60 }, { afterSeconds: 60 }] },
      ['widening.1.afterSeconds'],
    ],
    [
      'an overflow queue id that cannot be an id',
      { widening: [{ afterSeconds: 60, overflowToQueueId: 'no spaces' }] },
      ['widening.0.overflowToQueueId'],
    ],
    [
      'negative affinity',
      { affinity: { windowSeconds: -1, waitSeconds: 0 } },
      ['affinity.windowSeconds'],
    ],
  ])('refuses %s, naming the field', (_case, change, fields) => {
    expect(refused(putQueueRequestSchema, { name: 'Q', requiredSkills: [], ...change })).toEqual(
      fields,
    );
  });
});

describe('replaceRulesRequestSchema', () => {
  const rule = {
    id: 'vip-spanish',
    conditions: {
      languages: ['spa'],
      contactTiers: ['vip'],
      hours: {
        schedule: {
          timeZone: 'America/Mexico_City',
          intervals: [
            { day: 1, start: '09:00', end: '17:30' },
            { day: 5, start: '22:00', end: '06:00' },
            { day: 7, start: '00:00', end: '24:00' },
          ],
        },
      },
    },
    action: { queueId: 'vip', skills: [{ skill: 'spanish', minLevel: 3 }], requireLanguage: true },
  };

  it('takes an ordered list, defaulting names, conditions and "inside the hours"', () => {
    const parsed = replaceRulesRequestSchema.parse([
      rule,
      { id: 'rest', action: { queueId: 'general' } },
    ]);
    expect(parsed).toEqual([
      {
        ...rule,
        name: '',
        conditions: { ...rule.conditions, hours: { ...rule.conditions.hours, inside: true } },
      },
      { id: 'rest', name: '', conditions: {}, action: { queueId: 'general' } },
    ]);
  });

  it('accepts the empty list (no rules: everything goes to the default queue)', () => {
    expect(replaceRulesRequestSchema.parse([])).toEqual([]);
  });

  it.each([
    ['a time zone Intl does not know', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    [
      'a time that is not HH:MM',
      { intervals: [{ day: 1, start: '9:00', end: '17:00' }] },
      'intervals.0.start',
    ],
    [
      '24:00 as a start',
      { intervals: [{ day: 1, start: '24:00', end: '17:00' }] },
      'intervals.0.start',
    ],
    [
      'an end past midnight',
      { intervals: [{ day: 1, start: '09:00', end: '24:30' }] },
      'intervals.0.end',
    ],
    ['day 0', { intervals: [{ day: 0, start: '09:00', end: '17:00' }] }, 'intervals.0.day'],
    [
      'an empty interval',
      { intervals: [{ day: 2, start: '09:00', end: '09:00' }] },
      'intervals.0.end',
    ],
  ])('refuses %s in the schedule', (_case, change, field) => {
    const schedule = { ...rule.conditions.hours.schedule, ...change };
    const body = [{ ...rule, conditions: { hours: { schedule } } }];
    expect(refused(replaceRulesRequestSchema, body)).toEqual([
      `0.conditions.hours.schedule.${field}`,
    ]);
  });

  it.each([
    ['an unknown channel', { conditions: { channels: ['fax'] } }, '1.conditions.channels.0'],
    [
      'an account id that is not a uuid',
      { conditions: { channelAccountIds: ['acct'] } },
      '1.conditions.channelAccountIds.0',
    ],
    [
      'a tier with capitals',
      { conditions: { contactTiers: ['VIP'] } },
      '1.conditions.contactTiers.0',
    ],
    ['an empty keyword', { conditions: { keywords: [' '] } }, '1.conditions.keywords.0'],
    ['no queue', { action: {} }, '1.action.queueId'],
    ['an id used by the rule before', { id: 'vip-spanish' }, '1.id'],
  ])('refuses %s, naming the rule by its position', (_case, change, field) => {
    expect(
      refused(replaceRulesRequestSchema, [rule, { ...rule, id: 'second', ...change }]),
    ).toEqual([field]);
  });

  it('refuses an object where the list belongs', () => {
    expect(refused(replaceRulesRequestSchema, { rules: [rule] })).toEqual(['(body)']);
  });
});

describe('putSettingsRequestSchema', () => {
  it('defaults the routing settings but not the default queue', () => {
    expect(putSettingsRequestSchema.parse({ defaultQueueId: null })).toEqual({
      maxMissedOffers: 3,
      disconnectGraceSeconds: 60,
      onAgentOffline: 'reroute',
      defaultQueueId: null,
    });
    expect(refused(putSettingsRequestSchema, {})).toEqual(['defaultQueueId']);
  });

  it.each([
    [{ maxMissedOffers: 0 }, 'maxMissedOffers'],
    [{ disconnectGraceSeconds: -1 }, 'disconnectGraceSeconds'],
    [{ onAgentOffline: 'drop' }, 'onAgentOffline'],
  ])('refuses %j', (change, field) => {
    expect(refused(putSettingsRequestSchema, { defaultQueueId: 'q', ...change })).toEqual([field]);
  });
});

describe('conversation requests', () => {
  it('takes exactly one transfer target', () => {
    expect(transferRequestSchema.parse({ agentId: 'ada' })).toEqual({ agentId: 'ada' });
    expect(transferRequestSchema.parse({ queueId: 'billing' })).toEqual({ queueId: 'billing' });
    expect(refused(transferRequestSchema, {})).toEqual(['agentId']);
    expect(refused(transferRequestSchema, { agentId: 'ada', queueId: 'billing' })).toEqual([
      'queueId',
    ]);
  });

  it('needs the answering agent and a known presence', () => {
    expect(refused(answerOfferRequestSchema, {})).toEqual(['agentId']);
    expect(refused(answerOfferRequestSchema, { agentId: '../ada' })).toEqual(['agentId']);
    expect(refused(setPresenceRequestSchema, { presence: 'busy' })).toEqual(['presence']);
  });
});
