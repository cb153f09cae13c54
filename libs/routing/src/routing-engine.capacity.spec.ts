import {
  agentProfile,
  at,
  createEngine,
  holderOf,
  ofType,
  offers,
  queueDefinition,
  work,
} from './testing/routing-fixtures';

describe('RoutingEngine capacity and backfill', () => {
  describe('capacity per channel', () => {
    const blended = agentProfile('a', {
      capacity: {
        totalUnits: 2,
        channels: { email: { units: 0.5, max: 3 }, voice: { units: 2 }, sms: { max: 0 } },
      },
    });

    it('counts each channel by its units and stops at the channel maximum', () => {
      const engine = createEngine({ agents: [blended] });
      for (const id of ['e1', 'e2', 'e3', 'e4'])
        engine.enqueue(work(id, { channel: 'email' }), at(1));

      expect(['e1', 'e2', 'e3', 'e4'].map((id) => holderOf(engine, id))).toEqual([
        'offered:a',
        'offered:a',
        'offered:a',
        'waiting',
      ]);
      expect(engine.findAgent('a')!.usedUnits).toBe(1.5);
    });

    it('does not offer work whose units do not fit in what is left', () => {
      const engine = createEngine({ agents: [blended] });
      engine.enqueue(work('e1', { channel: 'email' }), at(1));

      expect(offers(engine.enqueue(work('v1', { channel: 'voice' }), at(2)))).toEqual({});
      expect(offers(engine.enqueue(work('c1', { channel: 'chat' }), at(3)))).toEqual({ c1: 'a' });
    });

    it('never offers a channel whose maximum is 0', () => {
      const engine = createEngine({ agents: [blended] });

      expect(engine.enqueue(work('s1', { channel: 'sms' }), at(1))).toEqual([
        expect.objectContaining({ type: 'queued', reason: 'new' }),
      ]);
    });

    it('counts offers against capacity as well as assignments', () => {
      const engine = createEngine({ agents: [agentProfile('a'), agentProfile('b')] });
      engine.enqueue(work('c1'), at(1));
      engine.enqueue(work('c2'), at(2));

      expect(offers(engine.enqueue(work('c3'), at(3)))).toEqual({});
      expect(holderOf(engine, 'c3')).toBe('waiting');
    });
  });

  describe('backfill', () => {
    it('offers the freed agent the waiting work it qualifies for as soon as a conversation ends', () => {
      const engine = createEngine({ agents: [agentProfile('a')] });
      engine.enqueue(work('c1'), at(1));
      engine.accept('c1', 'a', at(2));
      engine.enqueue(work('c2'), at(3));

      const decisions = engine.release('c1', at(4));

      expect(decisions.map((d) => d.type)).toEqual(['unassigned', 'offered']);
      expect(ofType(decisions, 'offered')[0]).toMatchObject({
        conversationId: 'c2',
        agentId: 'a',
        explanation: { via: 'agent_freed', candidates: 1 },
      });
    });

    it('takes the most urgent work across every line the agent qualifies for', () => {
      const engine = createEngine({
        queues: [
          queueDefinition('support'),
          queueDefinition('vip', { priority: 5, requiredSkills: [{ skill: 'vip', minLevel: 1 }] }),
        ],
        agents: [agentProfile('a', { skills: { vip: 3 } })],
      });
      engine.enqueue(work('c1'), at(1));
      engine.enqueue(work('older'), at(2));
      engine.enqueue(work('urgent', { queueId: 'vip' }), at(3));
      engine.enqueue(work('email', { channel: 'email' }), at(4));

      expect(offers(engine.release('c1', at(5)))).toEqual({ urgent: 'a' });
      expect(offers(engine.release('urgent', at(6)))).toEqual({ older: 'a' });
      expect(offers(engine.release('older', at(7)))).toEqual({ email: 'a' });
    });

    it('skips work the freed agent already declined', () => {
      const engine = createEngine({ agents: [agentProfile('a'), agentProfile('b')] });
      engine.enqueue(work('c1'), at(1));
      engine.reject('c1', 'a', at(2)); // now offered to b
      engine.enqueue(work('c2'), at(3)); // to a
      engine.accept('c2', 'a', at(4));

      expect(offers(engine.reject('c1', 'b', at(5)))).toEqual({});
      expect(offers(engine.release('c2', at(6)))).toEqual({});
      expect(holderOf(engine, 'c1')).toBe('waiting');
    });

    it('fills an agent whose capacity grows', () => {
      const engine = createEngine({ agents: [agentProfile('a')] });
      engine.enqueue(work('c1'), at(1));
      engine.enqueue(work('c2'), at(2));

      const decisions = engine.upsertAgent(
        agentProfile('a', { capacity: { totalUnits: 2 } }),
        at(3),
      );

      expect(offers(decisions)).toEqual({ c2: 'a' });
    });

    it('leaves an agent whose capacity is cut with its work, and offers it nothing until it fits again', () => {
      const engine = createEngine({ agents: [agentProfile('a', { capacity: { totalUnits: 2 } })] });
      engine.enqueue(work('c1'), at(1));
      engine.enqueue(work('c2'), at(2));
      engine.upsertAgent(agentProfile('a', { capacity: { totalUnits: 1 } }), at(3));
      engine.enqueue(work('c3'), at(4));

      expect(offers(engine.release('c1', at(5)))).toEqual({});
      expect(holderOf(engine, 'c2')).toBe('offered:a');
      expect(offers(engine.release('c2', at(6)))).toEqual({ c3: 'a' });
    });
  });
});
