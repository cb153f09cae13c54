import type { RoutingFacts, RoutingRule, WeeklySchedule } from './routing-rules';
import { chooseRoute, isWithin } from './routing-rules';

const MONDAY_NOON = Date.UTC(2025, 0, 6, 12);

function facts(overrides: Partial<RoutingFacts> = {}): RoutingFacts {
  return {
    channel: 'whatsapp',
    channelAccountId: 'acct-1',
    language: 'spa',
    contactTier: 'gold',
    text: 'Hello, I need help',
    at: MONDAY_NOON,
    ...overrides,
  };
}

function rule(id: string, conditions: RoutingRule['conditions'], queueId = `q-${id}`): RoutingRule {
  return { id, conditions, action: { queueId } };
}

describe('chooseRoute', () => {
  it('falls back to the default queue when no rule matches', () => {
    expect(chooseRoute([rule('email', { channels: ['email'] })], facts(), 'general')).toEqual({
      queueId: 'general',
      ruleId: null,
      skills: [],
      priority: undefined,
      language: null,
    });
  });

  it('takes the first rule whose every condition holds', () => {
    const rules = [
      rule('both', { channels: ['whatsapp'], contactTiers: ['platinum'] }),
      rule('channel', { channels: ['whatsapp', 'sms'] }),
      rule('anything', {}),
    ];

    expect(chooseRoute(rules, facts(), 'general').ruleId).toBe('channel');
    expect(chooseRoute(rules, facts({ contactTier: 'platinum' }), 'general').ruleId).toBe('both');
    expect(chooseRoute(rules, facts({ channel: 'email' }), 'general').ruleId).toBe('anything');
  });

  it('carries the rule’s action: queue, skills, priority, and the language when required', () => {
    const rules: RoutingRule[] = [
      {
        id: 'spanish-vip',
        conditions: { languages: ['spa'] },
        action: {
          queueId: 'vip',
          skills: [{ skill: 'billing', minLevel: 4 }],
          priority: 7,
          requireLanguage: true,
        },
      },
    ];

    expect(chooseRoute(rules, facts(), 'general')).toEqual({
      queueId: 'vip',
      ruleId: 'spanish-vip',
      skills: [{ skill: 'billing', minLevel: 4 }],
      priority: 7,
      language: 'spa',
    });
    expect(chooseRoute([{ ...rules[0]!, action: { queueId: 'vip' } }], facts(), 'x').language).toBe(
      null,
    );
  });

  describe('conditions', () => {
    const matches = (
      conditions: RoutingRule['conditions'],
      overrides: Partial<RoutingFacts> = {},
    ) => chooseRoute([rule('r', conditions)], facts(overrides), 'general').ruleId === 'r';

    it('matches on channel', () => {
      expect(matches({ channels: ['whatsapp'] })).toBe(true);
      expect(matches({ channels: ['email'] })).toBe(false);
    });

    it('matches on channel account, never when the account is unknown', () => {
      expect(matches({ channelAccountIds: ['acct-1', 'acct-2'] })).toBe(true);
      expect(matches({ channelAccountIds: ['acct-2'] })).toBe(false);
      expect(matches({ channelAccountIds: ['acct-1'] }, { channelAccountId: null })).toBe(false);
    });

    it('matches on detected language, never when none was detected', () => {
      expect(matches({ languages: ['spa', 'por'] })).toBe(true);
      expect(matches({ languages: ['eng'] })).toBe(false);
      expect(matches({ languages: ['spa'] }, { language: null })).toBe(false);
    });

    it('matches on contact tier, never when the contact has none', () => {
      expect(matches({ contactTiers: ['gold'] })).toBe(true);
      expect(matches({ contactTiers: ['silver'] })).toBe(false);
      expect(matches({ contactTiers: ['gold'] }, { contactTier: null })).toBe(false);
    });

    it('treats an empty list as no condition', () => {
      expect(
        matches(
          { channels: [], channelAccountIds: [], languages: [], contactTiers: [], keywords: [] },
          { channelAccountId: null, language: null, contactTier: null, text: '' },
        ),
      ).toBe(true);
    });

    it('needs every condition to hold', () => {
      expect(matches({ channels: ['whatsapp'], languages: ['eng'] })).toBe(false);
      expect(matches({ channels: ['whatsapp'], languages: ['spa'], contactTiers: ['gold'] })).toBe(
        true,
      );
    });

    describe('keywords', () => {
      const keyword = (keywords: string[], text: string) => matches({ keywords }, { text });

      it('matches any of the words, whatever their case and accents on either side', () => {
        expect(keyword(['refund', 'reembolso'], 'Quiero un REEMBOLSÓ, por favor')).toBe(true);
        expect(keyword(['Facturación'], 'problema de FACTURACION')).toBe(true);
        expect(keyword(['facturacion'], 'Facturación incorrecta')).toBe(true);
        expect(keyword(['naïve café'], 'a NAIVE cafe order')).toBe(true);
        expect(keyword(['refund'], 'where is my parcel')).toBe(false);
      });

      it('matches whole words and whole phrases only', () => {
        expect(keyword(['bill'], 'a billing question')).toBe(false);
        expect(keyword(['credit card'], 'My Credit-Card was charged twice!')).toBe(true);
        expect(keyword(['credit card'], 'credit\n\n  card')).toBe(true);
        expect(keyword(['credit card'], 'two credit cards')).toBe(false);
        expect(keyword(['card credit'], 'credit card')).toBe(false);
      });

      it('never matches on a keyword without letters or digits', () => {
        expect(keyword(['!!!'], '')).toBe(false);
        expect(keyword([''], '')).toBe(false);
        expect(keyword(['', 'help'], 'Help!')).toBe(true);
      });
    });
  });

  describe('hours', () => {
    const weekdays = (timeZone: string, start: string, end: string): WeeklySchedule => ({
      timeZone,
      intervals: [1, 2, 3, 4, 5].map((day) => ({ day, start, end })),
    });

    it('matches inside the schedule, or outside it when asked to', () => {
      const schedule = weekdays('UTC', '09:00', '17:00');
      const inside = { hours: { schedule, inside: true } };
      const outside = { hours: { schedule, inside: false } };

      const rules = [rule('inside', inside), rule('outside', outside)];
      expect(chooseRoute(rules, facts({ at: MONDAY_NOON }), 'x').ruleId).toBe('inside');
      expect(chooseRoute(rules, facts({ at: Date.UTC(2025, 0, 6, 17) }), 'x').ruleId).toBe(
        'outside',
      );
    });
  });
});

describe('isWithin', () => {
  const utc = (iso: string) => Date.parse(`${iso}Z`);

  describe('America/New_York across the March 2025 DST change (9 March)', () => {
    const office: WeeklySchedule = {
      timeZone: 'America/New_York',
      intervals: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
    };

    it('opens at 09:00 EST (14:00 UTC) before the change', () => {
      expect(isWithin(office, utc('2025-03-07T13:59'))).toBe(false);
      expect(isWithin(office, utc('2025-03-07T14:00'))).toBe(true);
      expect(isWithin(office, utc('2025-03-07T21:59'))).toBe(true);
      expect(isWithin(office, utc('2025-03-07T22:00'))).toBe(false);
    });

    it('opens at 09:00 EDT (13:00 UTC) after it', () => {
      expect(isWithin(office, utc('2025-03-10T12:59'))).toBe(false);
      expect(isWithin(office, utc('2025-03-10T13:00'))).toBe(true);
      expect(isWithin(office, utc('2025-03-10T20:59'))).toBe(true);
      expect(isWithin(office, utc('2025-03-10T21:00'))).toBe(false);
    });

    it('is closed at the weekend', () => {
      expect(isWithin(office, utc('2025-03-08T15:00'))).toBe(false);
      expect(isWithin(office, utc('2025-03-09T15:00'))).toBe(false);
    });

    it('runs an overnight interval into the next day by the wall clock, across the change', () => {
      const saturdayNight: WeeklySchedule = {
        timeZone: 'America/New_York',
        intervals: [{ day: 6, start: '22:00', end: '06:00' }],
      };

      expect(isWithin(saturdayNight, utc('2025-03-09T02:59'))).toBe(false); // Sat 21:59 EST
      expect(isWithin(saturdayNight, utc('2025-03-09T03:00'))).toBe(true); // Sat 22:00 EST
      expect(isWithin(saturdayNight, utc('2025-03-09T07:30'))).toBe(true); // Sun 03:30 EDT
      expect(isWithin(saturdayNight, utc('2025-03-09T09:59'))).toBe(true); // Sun 05:59 EDT
      expect(isWithin(saturdayNight, utc('2025-03-09T10:00'))).toBe(false); // Sun 06:00 EDT
      expect(isWithin(saturdayNight, utc('2025-03-08T10:00'))).toBe(false); // Sat 05:00 EST
    });
  });

  describe('Europe/London across both 2025 changes (30 March, 26 October)', () => {
    const office: WeeklySchedule = {
      timeZone: 'Europe/London',
      intervals: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:30' })),
    };

    it('opens at 09:00 GMT, then at 09:00 BST (08:00 UTC)', () => {
      expect(isWithin(office, utc('2025-03-28T08:30'))).toBe(false);
      expect(isWithin(office, utc('2025-03-28T09:00'))).toBe(true);
      expect(isWithin(office, utc('2025-03-31T07:59'))).toBe(false);
      expect(isWithin(office, utc('2025-03-31T08:00'))).toBe(true);
      expect(isWithin(office, utc('2025-03-31T16:29'))).toBe(true);
      expect(isWithin(office, utc('2025-03-31T16:30'))).toBe(false);
    });

    it('opens at 09:00 GMT again after October', () => {
      expect(isWithin(office, utc('2025-10-24T08:00'))).toBe(true); // Fri 09:00 BST
      expect(isWithin(office, utc('2025-10-27T08:00'))).toBe(false); // Mon 08:00 GMT
      expect(isWithin(office, utc('2025-10-27T09:00'))).toBe(true);
    });

    it('counts the hour that repeats in October once by the wall clock', () => {
      const earlyHours: WeeklySchedule = {
        timeZone: 'Europe/London',
        intervals: [{ day: 7, start: '01:00', end: '02:00' }],
      };

      expect(isWithin(earlyHours, utc('2025-10-26T00:30'))).toBe(true); // 01:30 BST
      expect(isWithin(earlyHours, utc('2025-10-26T01:30'))).toBe(true); // 01:30 GMT
      expect(isWithin(earlyHours, utc('2025-10-26T02:00'))).toBe(false); // 02:00 GMT
    });
  });

  it('runs Sunday night into Monday morning', () => {
    const sundayNight: WeeklySchedule = {
      timeZone: 'UTC',
      intervals: [{ day: 7, start: '20:00', end: '04:00' }],
    };

    expect(isWithin(sundayNight, utc('2025-01-05T21:00'))).toBe(true); // Sunday
    expect(isWithin(sundayNight, utc('2025-01-06T03:59'))).toBe(true); // Monday
    expect(isWithin(sundayNight, utc('2025-01-06T04:00'))).toBe(false);
    expect(isWithin(sundayNight, utc('2025-01-04T21:00'))).toBe(false); // Saturday
  });

  it('takes an end of 24:00 as the end of the day', () => {
    const saturday: WeeklySchedule = {
      timeZone: 'UTC',
      intervals: [{ day: 6, start: '00:00', end: '24:00' }],
    };

    expect(isWithin(saturday, utc('2025-01-04T00:00'))).toBe(true);
    expect(isWithin(saturday, utc('2025-01-04T23:59'))).toBe(true);
    expect(isWithin(saturday, utc('2025-01-05T00:00'))).toBe(false);
  });
});
