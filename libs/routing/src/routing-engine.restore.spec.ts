import type { RoutingDecision } from './model';
import { DEFAULT_ROUTING_SETTINGS } from './model';
import { RoutingEngine } from './routing-engine';
import { engineSnapshot } from './testing/engine-snapshot';
import { assertRoutingInvariants } from './testing/invariants';
import {
  agentProfile,
  at,
  holderOf,
  ofType,
  queueDefinition,
  T0,
  work,
} from './testing/routing-fixtures';

describe('RoutingEngine restore', () => {
  /** Offer ids `offer-1`, `offer-2`, …; a rebuilt engine continues where the original stopped. */
  class IdSource {
    constructor(public issued = 0) {}
    readonly next = (): string => `offer-${++this.issued}`;
  }

  function newEngine(ids: IdSource): RoutingEngine {
    return new RoutingEngine({
      settings: { ...DEFAULT_ROUTING_SETTINGS, disconnectGraceSeconds: 120 },
      newId: ids.next,
    });
  }

  /**
   * A tenant at 50 s: c1 offered to b, c2 offered to a, c3 transferred to a and waiting for
   * it, c4 waiting for a tax expert; c away, d disconnected; ann's last agent is a.
   */
  function busyTenant(ids: IdSource): RoutingEngine {
    const engine = newEngine(ids);
    engine.upsertQueue(
      queueDefinition('support', { affinity: { windowSeconds: 600, waitSeconds: 30 } }),
      T0,
    );
    engine.upsertQueue(
      queueDefinition('experts', {
        requiredSkills: [{ skill: 'tax', minLevel: 9 }],
        widening: [{ afterSeconds: 80, lowerLevelsBy: 5 }],
      }),
      T0,
    );
    for (const profile of [
      agentProfile('a'),
      agentProfile('b', { capacity: { totalUnits: 2 } }),
      agentProfile('c', { skills: { tax: 4 } }),
      agentProfile('d'),
    ]) {
      engine.upsertAgent(profile, T0);
      engine.setPresence(profile.id, 'online', T0);
    }
    engine.setPresence('c', 'away', at(1));
    engine.enqueue(work('c0', { contactId: 'ann' }), at(2)); // a
    engine.accept('c0', 'a', at(3));
    engine.release('c0', at(4));
    engine.agentDisconnected('d', at(12));
    engine.enqueue(work('c1'), at(25)); // b
    engine.enqueue(work('c2'), at(30)); // a
    engine.enqueue(work('c4', { queueId: 'experts' }), at(35));
    engine.enqueue(work('c3'), at(40)); // b
    engine.transferToAgent('c3', 'a', at(45));
    return engine;
  }

  function rebuiltFrom(original: RoutingEngine, ids: IdSource, now: number) {
    const rebuilt = newEngine(new IdSource(ids.issued));
    const catchUp = rebuilt.restore(engineSnapshot(original), now);
    return { rebuilt, catchUp };
  }

  function state(engine: RoutingEngine) {
    return [...engine.workItems()].map((item) => ({
      id: item.conversationId,
      state: item.state,
      agentId: item.agentId,
      offerId: item.offerId,
      offerExpiresAt: item.offerExpiresAt,
      queueId: item.queueId,
      ring: item.ring,
      requirements: item.requirements,
      reservedFor: item.reservedFor,
      declinedBy: [...item.declinedBy],
    }));
  }

  it('rebuilds the same state from a snapshot, with nothing to catch up on', () => {
    const ids = new IdSource();
    const original = busyTenant(ids);

    const { rebuilt, catchUp } = rebuiltFrom(original, ids, at(50));

    expect(catchUp).toEqual([]);
    expect(state(rebuilt)).toEqual(state(original));
    expect(['c1', 'c2', 'c3', 'c4'].map((id) => holderOf(rebuilt, id))).toEqual([
      'offered:b',
      'offered:a',
      'waiting',
      'waiting',
    ]);
    expect(rebuilt.findWork('c3')!.reservedFor).toBe('a');
    assertRoutingInvariants(rebuilt);
  });

  it('then makes the same decisions as the engine it was rebuilt from', () => {
    const ids = new IdSource();
    const original = busyTenant(ids);
    const { rebuilt } = rebuiltFrom(original, ids, at(50));
    const next: ((engine: RoutingEngine) => RoutingDecision[])[] = [
      (e) => e.accept('c1', 'b', at(51)),
      (e) => e.enqueue(work('c5', { contactId: 'ann' }), at(52)), // waits for a (affinity)
      (e) => e.advance(at(60)), // c2's offer to a expires: to b; a gets c3, transferred to it
      (e) => e.accept('c2', 'b', at(61)),
      (e) => e.accept('c3', 'a', at(62)),
      (e) => e.advance(at(90)), // c5 stops waiting for a; no one has room
      (e) => e.setPresence('c', 'online', at(100)), // c takes c5
      (e) => e.accept('c5', 'c', at(101)),
      (e) => e.advance(at(120)), // c4's ring widens to c's level, but c is full
      (e) => e.advance(at(140)), // d's grace period is over
      (e) => e.release('c5', at(141)), // c takes c4
    ];

    const fromOriginal = next.map((command) => command(original));
    const fromRebuilt = next.map((command) => command(rebuilt));

    expect(fromRebuilt).toEqual(fromOriginal);
    expect(
      ofType(fromOriginal.flat(), 'offered').map((d) => `${d.conversationId}:${d.agentId}`),
    ).toEqual(['c2:b', 'c3:a', 'c5:c', 'c4:c']);
    expect(state(rebuilt)).toEqual(state(original));
  });

  it('catches up on what fell due while no engine held the tenant', () => {
    const ids = new IdSource();
    const original = busyTenant(ids);

    const { rebuilt, catchUp } = rebuiltFrom(original, ids, at(200));

    expect(
      ofType(catchUp, 'offer_expired').map((d) => `${d.conversationId}:${d.agentId}:${d.reason}`),
    ).toEqual(['c1:b:timeout', 'c2:a:timeout']);
    expect(ofType(catchUp, 'agent_presence_changed')).toEqual([
      expect.objectContaining({ agentId: 'd', presence: 'offline', reason: 'disconnected' }),
    ]);
    expect(ofType(catchUp, 'widened')).toEqual([
      expect.objectContaining({ conversationId: 'c4', ring: 1 }),
    ]);
    assertRoutingInvariants(rebuilt);
  });

  it('puts work held by an agent the snapshot no longer knows back in line', () => {
    const ids = new IdSource();
    const snapshot = engineSnapshot(busyTenant(ids));
    const withoutB = { ...snapshot, agents: snapshot.agents.filter((a) => a.profile.id !== 'b') };
    const rebuilt = newEngine(new IdSource(ids.issued));

    rebuilt.restore(withoutB, at(50));

    expect(holderOf(rebuilt, 'c1')).toBe('waiting');
    assertRoutingInvariants(rebuilt);
  });
});
