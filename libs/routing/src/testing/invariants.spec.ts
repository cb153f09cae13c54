import { assertRoutingInvariants } from './invariants';
import { agentProfile, at, createEngine, work } from './routing-fixtures';

describe('assertRoutingInvariants', () => {
  function busyEngine() {
    const engine = createEngine({
      agents: [agentProfile('a', { capacity: { totalUnits: 2 } })],
      offlineAgents: [agentProfile('b')],
    });
    engine.enqueue(work('c1'), at(1));
    engine.accept('c1', 'a', at(2));
    engine.enqueue(work('c2'), at(3));
    engine.enqueue(work('c3'), at(4)); // waits
    return engine;
  }

  it('accepts an engine in a consistent state', () => {
    expect(() => assertRoutingInvariants(busyEngine())).not.toThrow();
  });

  it('reports an agent holding more than its capacity (a cut leaves it so until work ends)', () => {
    const engine = busyEngine();
    engine.upsertAgent(agentProfile('a', { capacity: { totalUnits: 1 } }), at(5));

    expect(() => assertRoutingInvariants(engine)).toThrow(/\(a\) agent a holds 2 units of 1/);
  });

  it('reports work whose agent does not know it holds it', () => {
    const engine = busyEngine();
    engine.findWork('c1')!.agentId = 'b';

    expect(() => assertRoutingInvariants(engine)).toThrow(
      /\(b\) agent a holds c1, which is assigned for b[\s\S]*\(b\) c1 is assigned to b, missing from its holding/,
    );
  });

  it('reports waiting work an available agent could take', () => {
    const engine = busyEngine();
    engine.findAgent('b')!.presence = 'online'; // behind the engine's back: nothing was offered

    expect(() => assertRoutingInvariants(engine)).toThrow(
      /\(c\) c3 waits .* agent b could take it/,
    );
  });

  it('reports work reserved for an agent that does not exist', () => {
    const engine = busyEngine();
    engine.findWork('c3')!.reservedFor = 'ghost';

    expect(() => assertRoutingInvariants(engine)).toThrow(
      /\(d\) c3 is reserved for unknown agent ghost/,
    );
  });
});
