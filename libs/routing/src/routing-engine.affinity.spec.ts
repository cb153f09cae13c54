import {
  agentProfile,
  at,
  createEngine,
  ofType,
  offers,
  queueDefinition,
  work,
} from './testing/routing-fixtures';

describe('RoutingEngine affinity to the contact’s last agent', () => {
  const support = queueDefinition('support', {
    autoAccept: true,
    affinity: { windowSeconds: 3600, waitSeconds: 60 },
  });
  const setup = () =>
    createEngine({ queues: [support], agents: [agentProfile('a'), agentProfile('b')] });

  /** The contact talked to b, and that conversation is resolved at 10 s. */
  function afterAConversationWithB() {
    const engine = setup();
    engine.enqueue(work('first', { contactId: 'zed' }), at(1)); // to a
    engine.enqueue(work('second', { contactId: 'ann' }), at(2)); // to b
    engine.release('first', at(9));
    engine.release('second', at(10));
    return engine;
  }

  it('offers the contact’s new conversation to the agent it last talked to, ahead of the strategy', () => {
    const engine = afterAConversationWithB();

    const [offer] = ofType(engine.enqueue(work('third', { contactId: 'ann' }), at(20)), 'offered');

    expect(offer).toMatchObject({ agentId: 'b', explanation: { via: 'affinity' } });
  });

  it('forgets the last agent after the window', () => {
    const engine = afterAConversationWithB();

    expect(offers(engine.enqueue(work('third', { contactId: 'ann' }), at(3611)))).toEqual({
      third: 'a',
    });
  });

  it('waits for the busy last agent, and offers it the work when it frees up within the wait', () => {
    const engine = afterAConversationWithB();
    engine.enqueue(work('other', { contactId: 'bob' }), at(20)); // a
    engine.enqueue(work('busy', { contactId: 'cid' }), at(21)); // b

    engine.release('other', at(22)); // a is free, but ann's conversation waits for b
    expect(offers(engine.enqueue(work('third', { contactId: 'ann' }), at(30)))).toEqual({});
    expect(engine.findWork('third')).toMatchObject({
      reservedFor: 'b',
      reservedBecause: 'affinity',
    });

    const decisions = engine.release('busy', at(40));
    expect(ofType(decisions, 'offered')[0]).toMatchObject({
      conversationId: 'third',
      agentId: 'b',
      explanation: { via: 'affinity' },
    });
  });

  it('gives up waiting for the last agent after the wait, and routes the work to anyone', () => {
    const engine = afterAConversationWithB();
    engine.enqueue(work('other', { contactId: 'bob' }), at(20)); // a
    engine.enqueue(work('busy', { contactId: 'cid' }), at(21)); // b
    engine.enqueue(work('third', { contactId: 'ann' }), at(30));
    engine.release('other', at(35));

    expect(engine.nextDeadline()).toBe(at(90));
    expect(offers(engine.advance(at(90)))).toEqual({ third: 'a' });
  });

  it('does not prefer a last agent who is away', () => {
    const engine = afterAConversationWithB();
    engine.setPresence('b', 'away', at(11));
    expect(offers(engine.enqueue(work('third', { contactId: 'ann' }), at(12)))).toEqual({
      third: 'a',
    });
  });

  it('stops waiting for the last agent when that agent goes away', () => {
    const engine = afterAConversationWithB();
    engine.enqueue(work('other', { contactId: 'bob' }), at(20)); // a
    engine.enqueue(work('busy', { contactId: 'cid' }), at(21)); // b
    engine.enqueue(work('third', { contactId: 'ann' }), at(30));
    engine.release('other', at(35));

    const decisions = engine.setPresence('b', 'away', at(40));

    expect(offers(decisions)).toEqual({ third: 'a' });
    expect(engine.findAgent('b')!.reserved.size).toBe(0);
  });

  it('is off when the queue’s window is 0', () => {
    const engine = createEngine({
      queues: [queueDefinition('support', { autoAccept: true })],
      agents: [agentProfile('a'), agentProfile('b')],
    });
    engine.enqueue(work('first', { contactId: 'ann' }), at(1)); // a
    engine.release('first', at(2));

    expect(offers(engine.enqueue(work('second', { contactId: 'ann' }), at(3)))).toEqual({
      second: 'b',
    });
  });

  it('uses the last agent remembered from history (as a rebuilt engine does)', () => {
    const engine = setup();
    engine.rememberLastAgent('ann', 'b', at(0));
    engine.rememberLastAgent('ann', 'a', at(-10)); // older: ignored

    expect(offers(engine.enqueue(work('c1', { contactId: 'ann' }), at(5)))).toEqual({ c1: 'b' });
  });
});
