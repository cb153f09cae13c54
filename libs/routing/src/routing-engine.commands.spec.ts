import { RoutingError, RoutingErrorCode } from './routing.error';
import {
  agentProfile,
  at,
  createEngine,
  holderOf,
  queueDefinition,
  work,
} from './testing/routing-fixtures';

const failsWith = (code: RoutingErrorCode) =>
  expect.objectContaining({ name: 'RoutingError', code });

describe('RoutingEngine commands', () => {
  it('routes a conversation once, however often it is enqueued', () => {
    const engine = createEngine({ agents: [agentProfile('a'), agentProfile('b')] });
    engine.enqueue(work('c1'), at(1));

    expect(engine.enqueue(work('c1', { queueId: 'elsewhere', priority: 9 }), at(2))).toEqual([]);
    expect(holderOf(engine, 'c1')).toBe('offered:a');
    expect(engine.findWork('c1')).toMatchObject({ queueId: 'support', priority: 0 });
  });

  it('routes a resolved conversation again when it comes back', () => {
    const engine = createEngine({ agents: [agentProfile('a')] });
    engine.enqueue(work('c1'), at(1));
    engine.release('c1', at(2));

    expect(engine.enqueue(work('c1'), at(3))).toHaveLength(2);
  });

  it('dequeues waiting work that is resolved, and ignores a release of unknown work', () => {
    const engine = createEngine();
    engine.enqueue(work('c1'), at(1));

    expect(engine.release('c1', at(2))).toEqual([
      { type: 'dequeued', conversationId: 'c1', queueId: 'support', reason: 'resolved', at: at(2) },
    ]);
    expect(engine.release('c1', at(3))).toEqual([]);
    expect(engine.findWork('c1')).toBeUndefined();
  });

  it('reports what changed since it was last asked: work, resolved work, agents, contacts’ last agents', () => {
    const engine = createEngine({ agents: [agentProfile('a')] });
    engine.takeChanges();
    engine.enqueue(work('c1'), at(1));
    engine.accept('c1', 'a', at(2));
    engine.enqueue(work('c2'), at(3));
    engine.release('c1', at(4));

    const changes = engine.takeChanges();

    expect(changes.work.map((item) => item.conversationId)).toEqual(['c2']);
    expect(changes.endedWork).toEqual(['c1']);
    expect(changes.agents.map((agent) => agent.id)).toEqual(['a']);
    expect(changes.lastAgents).toEqual([{ contactId: 'contact-c1', agentId: 'a', at: at(4) }]);
    expect(engine.takeChanges()).toEqual({ work: [], endedWork: [], agents: [], lastAgents: [] });
  });

  describe('refusals, each with its code', () => {
    const engine = () =>
      createEngine({ agents: [agentProfile('a')], offlineAgents: [agentProfile('b')] });

    it.each([
      [
        'enqueue to an unknown queue',
        RoutingErrorCode.UnknownQueue,
        (e: ReturnType<typeof engine>) => e.enqueue(work('c1', { queueId: 'nope' }), at(1)),
      ],
      [
        'transfer to an unknown queue',
        RoutingErrorCode.UnknownQueue,
        (e: ReturnType<typeof engine>) => {
          e.enqueue(work('c1'), at(1));
          e.transferToQueue('c1', 'nope', at(2));
        },
      ],
      [
        'accept unknown work',
        RoutingErrorCode.UnknownConversation,
        (e: ReturnType<typeof engine>) => e.accept('nope', 'a', at(1)),
      ],
      [
        'transfer unknown work',
        RoutingErrorCode.UnknownConversation,
        (e: ReturnType<typeof engine>) => e.transferToAgent('nope', 'a', at(1)),
      ],
      [
        'set presence of an unknown agent',
        RoutingErrorCode.UnknownAgent,
        (e: ReturnType<typeof engine>) => e.setPresence('nope', 'online', at(1)),
      ],
      [
        'disconnect an unknown agent',
        RoutingErrorCode.UnknownAgent,
        (e: ReturnType<typeof engine>) => e.agentDisconnected('nope', at(1)),
      ],
      [
        'remove an unknown agent',
        RoutingErrorCode.UnknownAgent,
        (e: ReturnType<typeof engine>) => e.removeAgent('nope', at(1)),
      ],
      [
        'accept an offer made to someone else',
        RoutingErrorCode.OfferNotPending,
        (e: ReturnType<typeof engine>) => {
          e.enqueue(work('c1'), at(1));
          e.accept('c1', 'b', at(2));
        },
      ],
      [
        'transfer to an offline agent',
        RoutingErrorCode.AgentUnavailable,
        (e: ReturnType<typeof engine>) => {
          e.enqueue(work('c1'), at(1));
          e.transferToAgent('c1', 'b', at(2));
        },
      ],
      [
        'remove a queue that holds work',
        RoutingErrorCode.QueueInUse,
        (e: ReturnType<typeof engine>) => {
          e.enqueue(work('c1'), at(1));
          e.removeQueue('support');
        },
      ],
    ])('refuses to %s (%s)', (_, code, command) => {
      const subject = engine();
      expect(() => command(subject)).toThrow(failsWith(code));
    });

    it('removes a queue no work is in, after which it is unknown', () => {
      const subject = engine();
      subject.removeQueue('support');

      expect(subject.findQueue('support')).toBeUndefined();
      expect(() => subject.enqueue(work('c1'), at(1))).toThrow(
        failsWith(RoutingErrorCode.UnknownQueue),
      );
    });
  });

  describe('definitions', () => {
    it.each([
      [
        'an offer timeout under a second without auto-accept',
        { offerTimeoutSeconds: 0 },
        /offerTimeoutSeconds/,
      ],
      [
        'a skill level out of range',
        { requiredSkills: [{ skill: 'x', minLevel: 11 }] },
        /requiredSkills\[0\]\.minLevel/,
      ],
      [
        'an empty skill name',
        { optionalSkills: [{ skill: '', minLevel: 1 }] },
        /optionalSkills\[0\]\.skill/,
      ],
      ['an unknown strategy', { strategy: 'random' as never }, /strategy/],
      [
        'rings out of order',
        { widening: [{ afterSeconds: 20 }, { afterSeconds: 20 }] },
        /widening\[1\]\.afterSeconds/,
      ],
      [
        'a ring that raises levels',
        { widening: [{ afterSeconds: 5, lowerLevelsBy: -1 }] },
        /lowerLevelsBy/,
      ],
      [
        'an overflow into itself',
        { widening: [{ afterSeconds: 5, overflowToQueueId: 'support' }] },
        /overflowToQueueId/,
      ],
      ['negative affinity times', { affinity: { windowSeconds: -1, waitSeconds: 0 } }, /affinity/],
    ])('refuses a queue with %s', (_, overrides, message) => {
      const engine = createEngine();

      expect(() => engine.upsertQueue(queueDefinition('support', overrides), at(1))).toThrow(
        expect.objectContaining({
          code: RoutingErrorCode.InvalidDefinition,
          message: expect.stringMatching(message),
        }),
      );
    });

    it.each([
      ['a skill level out of range', { skills: { billing: 0 } }, /skills\.billing/],
      ['a fractional skill level', { skills: { billing: 2.5 } }, /skills\.billing/],
      ['no capacity', { capacity: { totalUnits: 0 } }, /totalUnits/],
      [
        'a channel costing nothing',
        { capacity: { totalUnits: 1, channels: { chat: { units: 0 } } } },
        /chat\.units/,
      ],
      [
        'a fractional channel maximum',
        { capacity: { totalUnits: 1, channels: { chat: { max: 1.5 } } } },
        /chat\.max/,
      ],
    ])('refuses an agent with %s', (_, overrides, message) => {
      const engine = createEngine();

      expect(() => engine.upsertAgent(agentProfile('a', overrides), at(1))).toThrow(
        expect.objectContaining({
          code: RoutingErrorCode.InvalidDefinition,
          message: expect.stringMatching(message),
        }),
      );
      expect(engine.findAgent('a')).toBeUndefined();
    });

    it('throws RoutingError instances', () => {
      const engine = createEngine();
      expect(() => engine.accept('nope', 'a', at(1))).toThrow(RoutingError);
    });
  });
});
