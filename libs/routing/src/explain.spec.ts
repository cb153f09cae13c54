import { explainRouting } from './explain';
import { agentProfile, at, createEngine, queueDefinition, work } from './testing/routing-fixtures';

describe('explainRouting', () => {
  const billing = queueDefinition('billing', {
    requiredSkills: [{ skill: 'billing', minLevel: 5 }],
    widening: [{ afterSeconds: 60, lowerLevelsBy: 2 }],
  });

  it('says a conversation it does not route is not routed', () => {
    expect(explainRouting(createEngine(), 'nope')).toEqual({
      conversationId: 'nope',
      state: 'not_routed',
    });
  });

  it('explains an offer by the choice the strategy made', () => {
    const engine = createEngine({
      queues: [billing],
      agents: [
        agentProfile('a', { skills: { billing: 6 } }),
        agentProfile('b', { skills: { billing: 9 } }),
      ],
    });
    engine.enqueue(work('c1', { queueId: 'billing', ruleId: 'rule-vip' }), at(1));

    expect(explainRouting(engine, 'c1')).toEqual({
      conversationId: 'c1',
      state: 'offered',
      agentId: 'a',
      queueId: 'billing',
      offerExpiresAt: at(31),
      why: {
        strategy: 'longest_idle',
        queueId: 'billing',
        ruleId: 'rule-vip',
        ring: 0,
        requirements: [{ skill: 'billing', minLevel: 5 }],
        via: 'best_agent',
        candidates: 2,
        detail: expect.stringContaining('among 2 eligible agent(s) with capacity'),
      },
    });
    engine.accept('c1', 'a', at(2));
    expect(explainRouting(engine, 'c1')).toMatchObject({ state: 'assigned', offerExpiresAt: null });
  });

  it('counts why each agent is not offered waiting work, and shows examples', () => {
    const engine = createEngine({
      queues: [billing],
      agents: [
        agentProfile('busy', { skills: { billing: 7 } }),
        agentProfile('declined', { skills: { billing: 5 } }),
        agentProfile('novice', { skills: { billing: 2 } }),
        agentProfile('away', { skills: { billing: 9 } }),
        agentProfile('unplugged', { skills: { billing: 9 } }),
      ],
      offlineAgents: [agentProfile('gone', { skills: { billing: 9 } })],
    });
    engine.setPresence('away', 'away', at(0));
    engine.agentDisconnected('unplugged', at(0));
    engine.enqueue(work('c0', { queueId: 'billing' }), at(1)); // busy
    engine.enqueue(work('c1', { queueId: 'billing' }), at(2)); // declined
    engine.reject('c1', 'declined', at(3)); // c1 waits: busy is full

    const explanation = explainRouting(engine, 'c1');

    expect(explanation).toMatchObject({
      state: 'waiting',
      queueId: 'billing',
      ring: 0,
      requirements: [{ skill: 'billing', minLevel: 5 }],
      waitingSince: at(2),
      nextWideningAt: at(62),
      reservedFor: null,
      agentsConsidered: 6,
      ineligible: {
        offline: 1,
        away: 1,
        disconnected: 1,
        missing_skill: 1,
        no_capacity: 1,
        declined: 1,
      },
    });
    if (explanation.state !== 'waiting') throw new Error('expected waiting');
    expect(explanation.examples.map((v) => `${v.agentId}:${v.reason}`).sort()).toEqual([
      'away:away',
      'busy:no_capacity',
      'declined:declined',
      'gone:offline',
      'unplugged:disconnected',
    ]);
    expect(explanation.summary).toBe(
      'no eligible agent has capacity (1 offline, 1 away, 1 disconnected, 1 missing skill, 1 no capacity, 1 declined)',
    );
  });

  it('says whom reserved work waits for', () => {
    const engine = createEngine({ agents: [agentProfile('a'), agentProfile('b')] });
    engine.enqueue(work('c1'), at(1)); // a
    engine.enqueue(work('c2'), at(2)); // b
    engine.transferToAgent('c1', 'b', at(3));

    expect(explainRouting(engine, 'c1')).toMatchObject({
      state: 'waiting',
      reservedFor: 'b',
      reservedBecause: 'transfer',
      summary: 'waiting for agent b, to whom it was transferred, to have capacity',
    });
  });

  it('says when there are no agents at all, and when the work has no further ring', () => {
    const engine = createEngine();
    engine.enqueue(work('c1'), at(1));

    expect(explainRouting(engine, 'c1')).toMatchObject({
      nextWideningAt: null,
      agentsConsidered: 0,
      summary: 'no eligible agent has capacity (no agents)',
    });
  });
});
