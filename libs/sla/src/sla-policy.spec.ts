import fc from 'fast-check';
import {
  matchPolicy,
  type SlaPolicy,
  type SlaPolicyDefinition,
  type SlaSubject,
} from './sla-policy';

const definition = (match: SlaPolicyDefinition['match']): SlaPolicyDefinition => ({
  match,
  calendarId: null,
  targets: { first_response: { seconds: 3600, businessHours: false } },
  warnAtPercent: 75,
  pauseOn: ['pending'],
  escalations: { onWarning: [], onBreach: [] },
});

const policy = (id: string, position: number, match: SlaPolicyDefinition['match']): SlaPolicy => ({
  id,
  version: 1,
  position,
  definition: definition(match),
});

const subject = (overrides: Partial<SlaSubject> = {}): SlaSubject => ({
  queueId: 'billing',
  channel: 'email',
  contactTier: 'gold',
  priority: 5,
  ...overrides,
});

describe('matchPolicy', () => {
  it('matches nothing when there are no policies', () => {
    expect(matchPolicy([], subject())).toBeNull();
  });

  it('lets empty or missing conditions match anything, including null queue and tier', () => {
    const catchAll = policy('p-all', 1, {});
    const emptyLists = policy('p-empty', 1, {
      queueIds: [],
      channels: [],
      contactTiers: [],
      minPriority: null,
    });
    const bare = subject({ queueId: null, contactTier: null, priority: -3 });
    expect(matchPolicy([catchAll], bare)).toBe(catchAll);
    expect(matchPolicy([emptyLists], bare)).toBe(emptyLists);
  });

  it('requires every listed condition to hold', () => {
    const vip = policy('p-vip', 1, {
      queueIds: ['billing', 'sales'],
      channels: ['email', 'whatsapp'],
      contactTiers: ['gold'],
    });
    expect(matchPolicy([vip], subject())).toBe(vip);
    expect(matchPolicy([vip], subject({ queueId: 'sales', channel: 'whatsapp' }))).toBe(vip);
    expect(matchPolicy([vip], subject({ queueId: 'support' }))).toBeNull();
    expect(matchPolicy([vip], subject({ channel: 'sms' }))).toBeNull();
    expect(matchPolicy([vip], subject({ contactTier: 'silver' }))).toBeNull();
  });

  it('does not let a null queue or tier satisfy a listed condition', () => {
    const billing = policy('p-billing', 1, { queueIds: ['billing'] });
    const gold = policy('p-gold', 1, { contactTiers: ['gold'] });
    expect(matchPolicy([billing], subject({ queueId: null }))).toBeNull();
    expect(matchPolicy([gold], subject({ contactTier: null }))).toBeNull();
  });

  it('compares values exactly (case matters)', () => {
    const email = policy('p-email', 1, { channels: ['email'] });
    expect(matchPolicy([email], subject({ channel: 'Email' }))).toBeNull();
  });

  it('matches work at the minimum priority or higher', () => {
    const urgent = policy('p-urgent', 1, { minPriority: 10 });
    expect(matchPolicy([urgent], subject({ priority: 9 }))).toBeNull();
    expect(matchPolicy([urgent], subject({ priority: 10 }))).toBe(urgent);
    expect(matchPolicy([urgent], subject({ priority: 500 }))).toBe(urgent);
    const zero = policy('p-zero', 1, { minPriority: 0 });
    expect(matchPolicy([zero], subject({ priority: 0 }))).toBe(zero);
    expect(matchPolicy([zero], subject({ priority: -1 }))).toBeNull();
  });

  it('picks the first matching policy by position, whatever the input order', () => {
    const fallback = policy('p-fallback', 30, {});
    const urgent = policy('p-urgent', 10, { minPriority: 10 });
    const billing = policy('p-billing', 20, { queueIds: ['billing'] });
    const policies = [fallback, billing, urgent];
    expect(matchPolicy(policies, subject({ priority: 50 }))).toBe(urgent);
    expect(matchPolicy(policies, subject({ priority: 1 }))).toBe(billing);
    expect(matchPolicy(policies, subject({ priority: 1, queueId: 'sales' }))).toBe(fallback);
  });

  it('breaks a tie in position by id, so the choice is stable', () => {
    const b = policy('b', 1, {});
    const a = policy('a', 1, {});
    expect(matchPolicy([b, a], subject())).toBe(a);
    expect(matchPolicy([a, b], subject())).toBe(a);
  });

  it('does not reorder the caller’s list', () => {
    const later = policy('p-later', 2, {});
    const earlier = policy('p-earlier', 1, {});
    const policies = [later, earlier];
    matchPolicy(policies, subject());
    expect(policies).toEqual([later, earlier]);
  });

  describe('properties', () => {
    const queues = ['billing', 'sales', 'support'];
    const channels = ['email', 'whatsapp', 'sms'];
    const tiers = ['gold', 'silver'];
    const optionalList = (values: string[]) =>
      fc.option(fc.subarray(values), { nil: undefined, freq: 3 });
    const match = fc.record({
      queueIds: optionalList(queues),
      channels: optionalList(channels),
      contactTiers: optionalList(tiers),
      minPriority: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    });
    const policies = fc
      .uniqueArray(
        fc.record({
          id: fc.stringMatching(/^[a-z0-9]{1,4}$/),
          position: fc.integer({ min: 0, max: 5 }),
          match,
        }),
        { maxLength: 8, selector: (p) => p.id },
      )
      .map((list) => list.map((p) => policy(p.id, p.position, p.match)));
    const subjects = fc.record({
      queueId: fc.option(fc.constantFrom(...queues), { nil: null }),
      channel: fc.constantFrom(...channels),
      contactTier: fc.option(fc.constantFrom(...tiers), { nil: null }),
      priority: fc.integer({ min: -2, max: 12 }),
    });

    const holds = (p: SlaPolicy, s: SlaSubject): boolean => {
      const m = p.definition.match;
      const listed = (list: readonly string[] | undefined, value: string | null) =>
        !list || list.length === 0 || (value !== null && list.includes(value));
      return (
        listed(m.queueIds, s.queueId) &&
        listed(m.channels, s.channel) &&
        listed(m.contactTiers, s.contactTier) &&
        (m.minPriority == null || s.priority >= m.minPriority)
      );
    };

    it('returns a matching policy with no matching one before it, and null only when none match', () => {
      fc.assert(
        fc.property(policies, subjects, (list, s) => {
          const found = matchPolicy(list, s);
          const matching = list.filter((p) => holds(p, s));
          if (found === null) {
            expect(matching).toEqual([]);
            return;
          }
          expect(holds(found, s)).toBe(true);
          for (const other of matching) {
            const before =
              other.position < found.position ||
              (other.position === found.position && other.id.localeCompare(found.id) < 0);
            expect(before).toBe(false);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('does not depend on the order the policies come in', () => {
      fc.assert(
        fc.property(
          policies.chain((list) =>
            fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
          ),
          subjects,
          ([list, shuffled], s) => {
            expect(matchPolicy(shuffled, s)).toBe(matchPolicy(list, s));
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
