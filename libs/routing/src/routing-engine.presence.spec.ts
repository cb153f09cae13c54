import {
  agentProfile,
  at,
  createEngine,
  holderOf,
  ofType,
  offers,
  work,
} from './testing/routing-fixtures';

describe('RoutingEngine presence and connection', () => {
  it('offers waiting work to an agent as it comes online', () => {
    const engine = createEngine({ offlineAgents: [agentProfile('a')] });
    engine.enqueue(work('c1'), at(1));

    const decisions = engine.setPresence('a', 'online', at(2));

    expect(decisions[0]).toEqual({
      type: 'agent_presence_changed',
      agentId: 'a',
      presence: 'online',
      reason: 'requested',
      at: at(2),
    });
    expect(offers(decisions)).toEqual({ c1: 'a' });
  });

  it('lets an agent who goes away keep its offers and conversations, but offers it nothing new', () => {
    const engine = createEngine({ agents: [agentProfile('a', { capacity: { totalUnits: 3 } })] });
    engine.enqueue(work('c1'), at(1));
    engine.accept('c1', 'a', at(2));
    engine.enqueue(work('c2'), at(3));

    engine.setPresence('a', 'away', at(4));
    engine.enqueue(work('c3'), at(5));

    expect(['c1', 'c2', 'c3'].map((id) => holderOf(engine, id))).toEqual([
      'assigned:a',
      'offered:a',
      'waiting',
    ]);
    expect(engine.accept('c2', 'a', at(6))).toHaveLength(1);
  });

  it('re-routes an offline agent’s conversations when set to reroute', () => {
    const engine = createEngine({
      settings: { onAgentOffline: 'reroute' },
      agents: [agentProfile('a'), agentProfile('b')],
    });
    engine.enqueue(work('c1'), at(1));
    engine.accept('c1', 'a', at(2));

    const decisions = engine.setPresence('a', 'offline', at(3));

    expect(decisions.map((d) => d.type)).toEqual([
      'agent_presence_changed',
      'unassigned',
      'queued',
      'offered',
    ]);
    expect(decisions[1]).toMatchObject({ reason: 'agent_offline', agentId: 'a' });
    expect(decisions[2]).toMatchObject({ reason: 'agent_offline' });
    expect(offers(decisions)).toEqual({ c1: 'b' });
  });

  it('lets an offline agent keep its conversations when set to keep, withdrawing only pending offers', () => {
    const engine = createEngine({
      settings: { onAgentOffline: 'keep' },
      agents: [agentProfile('a', { capacity: { totalUnits: 2 } }), agentProfile('b')],
    });
    engine.enqueue(work('c1'), at(1)); // a
    engine.accept('c1', 'a', at(2));
    engine.enqueue(work('c2'), at(3)); // b
    engine.enqueue(work('c3'), at(4)); // a

    const decisions = engine.setPresence('a', 'offline', at(5));

    expect(ofType(decisions, 'offer_expired')).toEqual([
      expect.objectContaining({ conversationId: 'c3', reason: 'withdrawn' }),
    ]);
    expect(holderOf(engine, 'c1')).toBe('assigned:a');
    expect(holderOf(engine, 'c3')).toBe('waiting');
  });

  it('re-routes the most urgent of an offline agent’s conversations first', () => {
    const engine = createEngine({
      agents: [agentProfile('a', { capacity: { totalUnits: 2 } }), agentProfile('b')],
    });
    engine.setPresence('b', 'away', at(0));
    engine.enqueue(work('low'), at(1));
    engine.enqueue(work('high', { priority: 5 }), at(2));
    engine.setPresence('b', 'online', at(3));

    const decisions = engine.setPresence('a', 'offline', at(4));

    expect(ofType(decisions, 'queued').map((d) => d.conversationId)).toEqual(['high', 'low']);
    expect(offers(decisions)).toEqual({ high: 'b' });
  });

  describe('disconnection', () => {
    it('offers a disconnected agent no new work, and takes it offline after the grace period', () => {
      const engine = createEngine({
        settings: { disconnectGraceSeconds: 60, onAgentOffline: 'reroute' },
        agents: [agentProfile('a', { capacity: { totalUnits: 2 } }), agentProfile('b')],
      });
      engine.enqueue(work('c1'), at(1));
      engine.accept('c1', 'a', at(2));
      engine.agentDisconnected('a', at(10));
      engine.enqueue(work('c2'), at(11));
      expect(holderOf(engine, 'c2')).toBe('offered:b');
      engine.accept('c2', 'b', at(12));

      expect(engine.advance(at(69))).toEqual([]);
      const decisions = engine.advance(at(70));

      expect(decisions[0]).toMatchObject({
        type: 'agent_presence_changed',
        agentId: 'a',
        presence: 'offline',
        reason: 'disconnected',
      });
      expect(ofType(decisions, 'unassigned')[0]).toMatchObject({ conversationId: 'c1' });
    });

    it('keeps everything for an agent who reconnects within the grace period, and fills it', () => {
      const engine = createEngine({ agents: [agentProfile('a', { capacity: { totalUnits: 2 } })] });
      engine.enqueue(work('c1'), at(1));
      engine.accept('c1', 'a', at(2));
      engine.agentDisconnected('a', at(10));
      engine.enqueue(work('c2'), at(11));

      expect(offers(engine.agentReconnected('a', at(20)))).toEqual({ c2: 'a' });
      engine.accept('c2', 'a', at(21));
      expect(engine.advance(at(100))).toEqual([]);
      expect(engine.findAgent('a')!.presence).toBe('online');
      expect(holderOf(engine, 'c1')).toBe('assigned:a');
    });

    it('times the grace period from the latest disconnection', () => {
      const engine = createEngine({ agents: [agentProfile('a')] });
      engine.agentDisconnected('a', at(0));
      engine.agentReconnected('a', at(30));
      engine.agentDisconnected('a', at(40));

      expect(engine.advance(at(60))).toEqual([]);
      expect(engine.advance(at(100))).toEqual([
        expect.objectContaining({ type: 'agent_presence_changed', presence: 'offline' }),
      ]);
    });

    it('takes an agent offline again when set online while still disconnected after the grace period', () => {
      const engine = createEngine({
        settings: { disconnectGraceSeconds: 60 },
        agents: [agentProfile('a')],
      });
      engine.agentDisconnected('a', at(0));
      engine.advance(at(60)); // offline
      engine.setPresence('a', 'online', at(100));

      expect(engine.nextDeadline()).toBe(at(60)); // the grace period is long over
      expect(engine.advance(at(100))).toEqual([
        expect.objectContaining({ presence: 'offline', reason: 'disconnected' }),
      ]);
    });

    it('ignores repeated disconnect and reconnect signals', () => {
      const engine = createEngine({ agents: [agentProfile('a')] });
      engine.agentDisconnected('a', at(0));

      expect(engine.agentDisconnected('a', at(30))).toEqual([]);
      expect(engine.agentReconnected('a', at(40))).toEqual([]);
      expect(engine.agentReconnected('a', at(50))).toEqual([]);
      expect(engine.advance(at(200))).toEqual([]);
    });
  });

  describe('removing an agent', () => {
    it('re-routes everything it held, whatever the offline setting', () => {
      const engine = createEngine({
        settings: { onAgentOffline: 'keep' },
        agents: [agentProfile('a'), agentProfile('b')],
      });
      engine.enqueue(work('c1'), at(1));
      engine.accept('c1', 'a', at(2));

      const decisions = engine.removeAgent('a', at(3));

      expect(decisions[0]).toMatchObject({ presence: 'offline', reason: 'removed' });
      expect(offers(decisions)).toEqual({ c1: 'b' });
      expect(engine.findAgent('a')).toBeUndefined();
    });

    it('re-routes the conversations an offline agent kept, so none is left with an agent that is gone', () => {
      const engine = createEngine({
        settings: { onAgentOffline: 'keep' },
        agents: [agentProfile('a')],
        offlineAgents: [agentProfile('b')],
      });
      engine.enqueue(work('c1'), at(1));
      engine.accept('c1', 'a', at(2));
      engine.setPresence('a', 'offline', at(3)); // keeps c1

      const decisions = engine.removeAgent('a', at(4));

      expect(ofType(decisions, 'unassigned')[0]).toMatchObject({ conversationId: 'c1' });
      expect(holderOf(engine, 'c1')).toBe('waiting');
      expect(offers(engine.setPresence('b', 'online', at(5)))).toEqual({ c1: 'b' });
      expect(engine.release('c1', at(6))[0]).toMatchObject({ type: 'offer_expired' });
    });
  });
});
