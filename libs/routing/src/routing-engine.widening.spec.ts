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

describe('RoutingEngine widening and overflow', () => {
  const billingExperts = queueDefinition('support', {
    requiredSkills: [{ skill: 'billing', minLevel: 8 }],
    optionalSkills: [{ skill: 'spanish_slang', minLevel: 5 }],
    widening: [
      { afterSeconds: 30, lowerLevelsBy: 3 },
      { afterSeconds: 60, dropOptionalSkills: true },
      { afterSeconds: 90, lowerLevelsBy: 10 },
    ],
  });

  it('relaxes the levels once the work has waited for the first ring, and offers it then', () => {
    const engine = createEngine({
      queues: [billingExperts],
      agents: [agentProfile('a', { skills: { billing: 5, spanish_slang: 2 } })],
    });
    engine.enqueue(work('c1'), at(0));

    expect(engine.nextDeadline()).toBe(at(30));
    expect(engine.advance(at(29))).toEqual([]);

    const decisions = engine.advance(at(30));
    expect(decisions[0]).toEqual({
      type: 'widened',
      conversationId: 'c1',
      queueId: 'support',
      ring: 1,
      requirements: [
        { skill: 'billing', minLevel: 5 },
        { skill: 'spanish_slang', minLevel: 2 },
      ],
      at: at(30),
    });
    expect(ofType(decisions, 'offered')[0]).toMatchObject({
      agentId: 'a',
      explanation: { ring: 1 },
    });
  });

  it('applies the rings cumulatively, drops optional skills, and never asks below level 1', () => {
    const engine = createEngine({ queues: [billingExperts] });
    engine.enqueue(work('c1'), at(0));

    engine.advance(at(60));
    expect(engine.findWork('c1')).toMatchObject({
      ring: 2,
      requirements: [{ skill: 'billing', minLevel: 5 }],
    });
    engine.advance(at(90));
    expect(engine.findWork('c1')).toMatchObject({
      ring: 3,
      requirements: [{ skill: 'billing', minLevel: 1 }],
    });
    expect(engine.nextDeadline()).toBeNull();
  });

  it('jumps straight to the ring that is due when time was not advanced in between', () => {
    const engine = createEngine({ queues: [billingExperts] });
    engine.enqueue(work('c1'), at(0));

    const widened = ofType(engine.advance(at(75)), 'widened');

    expect(widened.map((d) => d.ring)).toEqual([2]);
  });

  it('relaxes the work’s own skills too, but keeps its language', () => {
    const engine = createEngine({
      queues: [queueDefinition('support', { widening: [{ afterSeconds: 10, lowerLevelsBy: 4 }] })],
      agents: [agentProfile('a', { skills: { tech: 2 }, languages: ['fra'] })],
    });
    engine.enqueue(
      work('c1', { skills: [{ skill: 'tech', minLevel: 6 }], language: 'deu' }),
      at(0),
    );

    engine.advance(at(10));

    expect(engine.findWork('c1')!.requirements).toEqual([
      { skill: 'language:deu', minLevel: 1 },
      { skill: 'tech', minLevel: 2 },
    ]);
    expect(holderOf(engine, 'c1')).toBe('waiting');
  });

  describe('overflow', () => {
    const queues = [
      queueDefinition('tier1', {
        requiredSkills: [{ skill: 'tier1', minLevel: 1 }],
        widening: [{ afterSeconds: 60, overflowToQueueId: 'tier2' }],
      }),
      queueDefinition('tier2', {
        priority: 3,
        requiredSkills: [{ skill: 'tier2', minLevel: 1 }],
        widening: [
          { afterSeconds: 30, overflowToQueueId: 'tier1' },
          { afterSeconds: 40, lowerLevelsBy: 1 },
        ],
      }),
    ];

    it('moves waiting work to the other queue, whose requirements and priority then apply', () => {
      const engine = createEngine({
        queues,
        agents: [agentProfile('b', { skills: { tier2: 1 } })],
      });
      engine.enqueue(work('c1', { queueId: 'tier1' }), at(0));

      const decisions = engine.advance(at(60));

      expect(decisions[0]).toEqual({
        type: 'queued',
        conversationId: 'c1',
        queueId: 'tier2',
        ring: 0,
        reason: 'overflow',
        priority: 3,
        channel: 'chat',
        at: at(60),
      });
      expect(ofType(decisions, 'offered')[0]).toMatchObject({ agentId: 'b', queueId: 'tier2' });
      expect(engine.findWork('c1')!.priority).toBe(3);
    });

    it('counts the new queue’s rings from the overflow, and does not overflow back to a queue it came from', () => {
      const engine = createEngine({ queues });
      engine.enqueue(work('c1', { queueId: 'tier1' }), at(0));
      engine.advance(at(60));

      expect(engine.nextDeadline()).toBe(at(90));
      expect(ofType(engine.advance(at(90)), 'queued')).toEqual([]);
      expect(engine.findWork('c1')).toMatchObject({ queueId: 'tier2', ring: 1 });
      engine.advance(at(100));
      expect(engine.findWork('c1')).toMatchObject({ queueId: 'tier2', ring: 2 });
    });

    it('skips an overflow to a queue that is not defined', () => {
      const engine = createEngine({
        queues: [
          queueDefinition('support', {
            widening: [{ afterSeconds: 10, overflowToQueueId: 'missing' }],
          }),
        ],
      });
      engine.enqueue(work('c1'), at(0));

      engine.advance(at(10));

      expect(engine.findWork('c1')).toMatchObject({ queueId: 'support', ring: 1 });
    });
  });

  describe('a queue redefined while work waits in it', () => {
    it('re-places its waiting work under the new requirements and rings', () => {
      const engine = createEngine({
        queues: [queueDefinition('support', { requiredSkills: [{ skill: 'tech', minLevel: 9 }] })],
        agents: [agentProfile('a', { skills: { tech: 4 } })],
      });
      engine.enqueue(work('c1'), at(0));

      const decisions = engine.upsertQueue(
        queueDefinition('support', {
          requiredSkills: [{ skill: 'tech', minLevel: 9 }],
          widening: [{ afterSeconds: 20, lowerLevelsBy: 5 }],
        }),
        at(25),
      );

      expect(ofType(decisions, 'widened')[0]).toMatchObject({ ring: 1 });
      expect(offers(decisions)).toEqual({ c1: 'a' });
    });

    it('widens in the order rings fall due under the current definition, not an old one', () => {
      const ring = (afterSeconds: number) =>
        queueDefinition('support', { widening: [{ afterSeconds }] });
      const engine = createEngine({ queues: [ring(60)], agents: [agentProfile('a')] });
      engine.enqueue(work('c1'), at(0)); // offered to a, so not re-placed below
      engine.upsertQueue(ring(5), at(1));
      // c2 needs a skill a lacks, so it waits; under this definition its ring is due at 7 s.
      engine.enqueue(work('c2', { skills: [{ skill: 'tech', minLevel: 1 }] }), at(2));
      engine.upsertQueue(ring(30), at(3)); // c2's ring is now due at 32 s
      engine.reject('c1', 'a', at(4)); // c1 waits too; its ring is due at 30 s

      const widened = ofType(engine.advance(at(40)), 'widened');

      expect(widened.map((d) => d.conversationId)).toEqual(['c1', 'c2']);
    });
  });
});
