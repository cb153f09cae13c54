import { RoutingErrorCode } from './routing.error';
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

describe('RoutingEngine transfers', () => {
  const queues = [
    queueDefinition('support'),
    queueDefinition('billing', {
      priority: 4,
      requiredSkills: [{ skill: 'billing', minLevel: 3 }],
    }),
  ];

  describe('to a queue', () => {
    it('takes the work from its agent and routes it under the new queue', () => {
      const engine = createEngine({
        queues,
        agents: [agentProfile('a'), agentProfile('b', { skills: { billing: 5 } })],
      });
      engine.enqueue(work('c1'), at(1)); // a
      engine.accept('c1', 'a', at(2));

      const decisions = engine.transferToQueue('c1', 'billing', at(3));

      expect(decisions.map((d) => d.type)).toEqual([
        'transferred',
        'unassigned',
        'queued',
        'offered',
      ]);
      expect(decisions[0]).toEqual({
        type: 'transferred',
        conversationId: 'c1',
        fromAgentId: 'a',
        fromQueueId: 'support',
        to: { queueId: 'billing' },
        at: at(3),
      });
      expect(decisions[1]).toMatchObject({ reason: 'transferred' });
      expect(offers(decisions)).toEqual({ c1: 'b' });
      expect(engine.findWork('c1')).toMatchObject({ queueId: 'billing', priority: 4, ring: 0 });
    });

    it('does not hand the work straight back to the agent who passed it on', () => {
      const engine = createEngine({
        queues,
        agents: [agentProfile('a', { skills: { billing: 9 } })],
      });
      engine.enqueue(work('c1'), at(1));
      engine.accept('c1', 'a', at(2));

      expect(offers(engine.transferToQueue('c1', 'billing', at(3)))).toEqual({});
      expect(holderOf(engine, 'c1')).toBe('waiting');
    });

    it('moves waiting work too, and restarts its rings in the new queue', () => {
      const engine = createEngine({
        queues: [
          queueDefinition('support', { widening: [{ afterSeconds: 10 }] }),
          queueDefinition('billing', { widening: [{ afterSeconds: 100 }] }),
        ],
      });
      engine.enqueue(work('c1'), at(0));
      engine.advance(at(10));

      engine.transferToQueue('c1', 'billing', at(20));

      expect(engine.findWork('c1')).toMatchObject({ queueId: 'billing', ring: 0 });
      expect(engine.nextDeadline()).toBe(at(120));
    });

    it('stops waiting for an agent an earlier transfer named', () => {
      const engine = createEngine({
        queues,
        agents: [
          agentProfile('a'),
          agentProfile('b'),
          agentProfile('c', { skills: { billing: 3 } }),
        ],
      });
      engine.enqueue(work('busy'), at(1)); // a
      engine.enqueue(work('c1'), at(2)); // b
      engine.transferToAgent('c1', 'a', at(3)); // a is full: c1 waits for a
      expect(engine.findWork('c1')!.reservedFor).toBe('a');

      const decisions = engine.transferToQueue('c1', 'billing', at(4));

      expect(offers(decisions)).toEqual({ c1: 'c' });
      expect(engine.findAgent('a')!.reserved.size).toBe(0);
      expect(offers(engine.release('busy', at(5)))).toEqual({});
    });

    it('does not send work offered by an earlier transfer back to that agent', () => {
      const engine = createEngine({ queues, agents: [agentProfile('a'), agentProfile('b')] });
      engine.enqueue(work('c1'), at(1)); // a
      engine.transferToAgent('c1', 'b', at(2)); // offered to b

      const decisions = engine.transferToQueue('c1', 'support', at(3));

      // b passed it on, so a (the only other agent) gets it.
      expect(offers(decisions)).toEqual({ c1: 'a' });
      expect(engine.findWork('c1')!.reservedFor).toBeNull();
    });
  });

  describe('to an agent', () => {
    it('offers the work to the agent, skills aside, when it has capacity', () => {
      const engine = createEngine({
        queues,
        agents: [agentProfile('a', { skills: { billing: 5 } }), agentProfile('b')],
      });
      engine.enqueue(work('c1', { queueId: 'billing' }), at(1)); // a
      engine.accept('c1', 'a', at(2));

      const decisions = engine.transferToAgent('c1', 'b', at(3));

      expect(decisions[0]).toMatchObject({ type: 'transferred', to: { agentId: 'b' } });
      expect(ofType(decisions, 'offered')[0]).toMatchObject({
        agentId: 'b',
        explanation: { via: 'transfer_target', candidates: 1 },
      });
    });

    it('keeps the work waiting for a busy agent and offers it when the agent frees up', () => {
      const engine = createEngine({ agents: [agentProfile('a'), agentProfile('b')] });
      engine.enqueue(work('c1'), at(1)); // a
      engine.enqueue(work('c2'), at(2)); // b

      expect(offers(engine.transferToAgent('c1', 'b', at(3)))).toEqual({});
      expect(engine.findWork('c1')).toMatchObject({
        reservedFor: 'b',
        reservedBecause: 'transfer',
      });
      // a is free now, but the work waits for b.
      expect(holderOf(engine, 'c1')).toBe('waiting');

      const decisions = engine.release('c2', at(4));
      expect(ofType(decisions, 'offered')[0]).toMatchObject({
        conversationId: 'c1',
        agentId: 'b',
        explanation: { via: 'transfer_target' },
      });
    });

    it('returns the work to its queue when the agent rejects it', () => {
      const engine = createEngine({ agents: [agentProfile('a'), agentProfile('b')] });
      engine.enqueue(work('c1'), at(1)); // a
      engine.transferToAgent('c1', 'b', at(2));

      const decisions = engine.reject('c1', 'b', at(3));

      expect(offers(decisions)).toEqual({ c1: 'a' });
    });

    it('returns the work to its queue when the agent goes away before taking it', () => {
      const engine = createEngine({ agents: [agentProfile('a'), agentProfile('b')] });
      engine.enqueue(work('c1'), at(1)); // a
      engine.enqueue(work('c2'), at(2)); // b
      engine.transferToAgent('c1', 'b', at(3));

      const decisions = engine.setPresence('b', 'away', at(4));

      expect(offers(decisions)).toEqual({ c1: 'a' });
    });

    it('brings the work’s rings up to date, so it keeps widening if it falls back to the queue', () => {
      const engine = createEngine({
        queues: [
          queueDefinition('support', {
            requiredSkills: [{ skill: 'tech', minLevel: 5 }],
            widening: [
              { afterSeconds: 30, lowerLevelsBy: 2 },
              { afterSeconds: 90, lowerLevelsBy: 2 },
            ],
          }),
          queueDefinition('general'),
        ],
        agents: [agentProfile('a', { skills: { tech: 5 } }), agentProfile('b')],
      });
      engine.enqueue(work('c1'), at(0)); // a
      engine.accept('c1', 'a', at(1));
      engine.advance(at(40)); // the first ring falls due while c1 is assigned
      engine.enqueue(work('c2', { queueId: 'general' }), at(41)); // b is busy from now on
      engine.transferToAgent('c1', 'b', at(50)); // waits for b
      engine.setPresence('a', 'away', at(55));
      engine.setPresence('b', 'away', at(60)); // back to the queue, where no one can take it

      expect(engine.findWork('c1')).toMatchObject({ ring: 1, reservedFor: null });
      const widened = ofType(engine.advance(at(90)), 'widened');
      expect(widened).toEqual([expect.objectContaining({ conversationId: 'c1', ring: 2 })]);
    });

    it('refuses an agent who is not online, or who already holds the work', () => {
      const engine = createEngine({
        agents: [agentProfile('a')],
        offlineAgents: [agentProfile('b')],
      });
      engine.enqueue(work('c1'), at(1)); // a

      expect(() => engine.transferToAgent('c1', 'b', at(2))).toThrow(
        expect.objectContaining({ code: RoutingErrorCode.AgentUnavailable }),
      );
      expect(() => engine.transferToAgent('c1', 'a', at(2))).toThrow(
        expect.objectContaining({ code: RoutingErrorCode.AgentUnavailable }),
      );
      expect(holderOf(engine, 'c1')).toBe('offered:a');
    });
  });
});
