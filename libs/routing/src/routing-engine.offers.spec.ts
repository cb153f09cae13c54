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

describe('RoutingEngine offers', () => {
  const twoAgents = () => createEngine({ agents: [agentProfile('a'), agentProfile('b')] });

  it('offers with an expiry, and assigns when the agent accepts', () => {
    const engine = twoAgents();

    expect(engine.enqueue(work('c1'), at(1))).toEqual([
      {
        type: 'queued',
        conversationId: 'c1',
        queueId: 'support',
        ring: 0,
        reason: 'new',
        priority: 0,
        channel: 'chat',
        at: at(1),
      },
      expect.objectContaining({
        type: 'offered',
        conversationId: 'c1',
        agentId: 'a',
        offerId: 'offer-1',
        expiresAt: at(31),
      }),
    ]);
    expect(engine.accept('c1', 'a', at(5))).toEqual([
      {
        type: 'assigned',
        conversationId: 'c1',
        agentId: 'a',
        offerId: 'offer-1',
        queueId: 'support',
        acceptedBy: 'agent',
        at: at(5),
      },
    ]);
    expect(holderOf(engine, 'c1')).toBe('assigned:a');
    expect(engine.advance(at(31))).toEqual([]);
  });

  it('accepts on the agent’s behalf when the queue auto-accepts', () => {
    const engine = createEngine({
      queues: [queueDefinition('support', { autoAccept: true, offerTimeoutSeconds: 0 })],
      agents: [agentProfile('a')],
    });

    const decisions = engine.enqueue(work('c1'), at(1));

    expect(decisions.map((d) => d.type)).toEqual(['queued', 'offered', 'assigned']);
    expect(ofType(decisions, 'offered')[0]!.expiresAt).toBeNull();
    expect(ofType(decisions, 'assigned')[0]!.acceptedBy).toBe('auto_accept');
    expect(engine.nextDeadline()).toBeNull();
  });

  it('moves rejected work to the next agent and never offers it to the rejecting agent again', () => {
    const engine = twoAgents();
    engine.enqueue(work('c1'), at(1));

    const decisions = engine.reject('c1', 'a', at(2));

    expect(decisions.map((d) => d.type)).toEqual(['offer_expired', 'queued', 'offered']);
    expect(decisions[0]).toMatchObject({ reason: 'rejected', agentId: 'a' });
    expect(decisions[1]).toMatchObject({ reason: 'offer_rejected' });
    expect(offers(decisions)).toEqual({ c1: 'b' });
    expect(offers(engine.reject('c1', 'b', at(3)))).toEqual({});
    expect(holderOf(engine, 'c1')).toBe('waiting');
  });

  it('offers the rejecting agent other work straight away', () => {
    const engine = createEngine({ agents: [agentProfile('a')] });
    engine.enqueue(work('c1'), at(1));
    engine.enqueue(work('c2'), at(2));

    expect(offers(engine.reject('c1', 'a', at(3)))).toEqual({ c2: 'a' });
  });

  it('expires an unanswered offer, counts it as missed, and offers the work to someone else', () => {
    const engine = twoAgents();
    engine.enqueue(work('c1'), at(1));

    expect(engine.nextDeadline()).toBe(at(31));
    const decisions = engine.advance(at(31));

    expect(decisions[0]).toMatchObject({ type: 'offer_expired', reason: 'timeout', agentId: 'a' });
    expect(offers(decisions)).toEqual({ c1: 'b' });
    expect(engine.findAgent('a')!.missedOffers).toBe(1);
  });

  it('sets an agent away after missing the configured number of offers in a row', () => {
    const engine = createEngine({ settings: { maxMissedOffers: 2 }, agents: [agentProfile('a')] });
    engine.enqueue(work('c1'), at(0));
    engine.enqueue(work('c2'), at(0));
    engine.advance(at(30)); // c1 missed, c2 offered

    const decisions = engine.advance(at(60)); // c2 missed

    expect(decisions).toContainEqual({
      type: 'agent_presence_changed',
      agentId: 'a',
      presence: 'away',
      reason: 'missed_offers',
      at: at(60),
    });
    expect(engine.findAgent('a')!.presence).toBe('away');
    expect(holderOf(engine, 'c1')).toBe('waiting');
  });

  it('starts the missed-offer count afresh when the agent accepts', () => {
    const engine = createEngine({ settings: { maxMissedOffers: 2 }, agents: [agentProfile('a')] });
    engine.enqueue(work('c1'), at(0));
    engine.advance(at(30)); // missed
    engine.enqueue(work('c2'), at(31));
    engine.accept('c2', 'a', at(32));
    engine.release('c2', at(33));
    engine.enqueue(work('c3'), at(34));

    engine.advance(at(64)); // missed once since the accept

    expect(engine.findAgent('a')!.presence).toBe('online');
  });

  it('refuses to accept or reject an offer that is not pending for that agent', () => {
    const engine = twoAgents();
    engine.enqueue(work('c1'), at(1));
    engine.advance(at(31)); // a's offer expired; now offered to b

    expect(() => engine.accept('c1', 'a', at(32))).toThrow(
      expect.objectContaining({ code: RoutingErrorCode.OfferNotPending }),
    );
    expect(() => engine.reject('c1', 'a', at(32))).toThrow(
      expect.objectContaining({ code: RoutingErrorCode.OfferNotPending }),
    );
    engine.accept('c1', 'b', at(33));
    expect(() => engine.accept('c1', 'b', at(34))).toThrow(
      expect.objectContaining({ code: RoutingErrorCode.OfferNotPending }),
    );
  });

  it('withdraws a pending offer when the conversation is resolved, and frees the agent', () => {
    const engine = createEngine({ agents: [agentProfile('a')] });
    engine.enqueue(work('c1'), at(1));
    engine.enqueue(work('c2'), at(2));

    const decisions = engine.release('c1', at(3));

    expect(decisions[0]).toMatchObject({ type: 'offer_expired', reason: 'withdrawn' });
    expect(offers(decisions)).toEqual({ c2: 'a' });
    expect(engine.advance(at(31))).toEqual([]);
  });
});
