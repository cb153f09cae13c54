import { RoutingEngine } from './routing-engine';
import {
  agentProfile,
  at,
  createEngine,
  offers,
  queueDefinition,
  work,
} from './testing/routing-fixtures';

describe('RoutingEngine order of waiting work', () => {
  /** One busy agent; returns the order in which it is then offered the waiting work. */
  function serviceOrder(engine: RoutingEngine, count: number): string[] {
    const order: string[] = [];
    let current = 'busy';
    for (let i = 0; i < count; i += 1) {
      const [next] = Object.keys(offers(engine.release(current, at(100 + i))));
      order.push(next!);
      current = next!;
    }
    return order;
  }

  function busyAgent(queues = [queueDefinition('support')]): RoutingEngine {
    const engine = createEngine({ queues, agents: [agentProfile('a')] });
    engine.enqueue(work('busy'), at(0));
    return engine;
  }

  it('serves higher priority first, the queue’s by default, the request’s when given', () => {
    const engine = busyAgent([queueDefinition('support'), queueDefinition('vip', { priority: 2 })]);
    engine.enqueue(work('plain'), at(1));
    engine.enqueue(work('vip', { queueId: 'vip' }), at(2));
    engine.enqueue(work('urgent', { priority: 3 }), at(3));

    expect(serviceOrder(engine, 3)).toEqual(['urgent', 'vip', 'plain']);
  });

  it('serves equal priority by the nearest SLA breach, work without an SLA last', () => {
    const engine = busyAgent();
    engine.enqueue(work('no-sla'), at(1));
    engine.enqueue(work('late'), at(2));
    engine.enqueue(work('soon', { slaDueAt: at(300) }), at(3));
    engine.setSlaDue('late', at(600));

    expect(serviceOrder(engine, 3)).toEqual(['soon', 'late', 'no-sla']);
  });

  it('re-orders waiting work when its SLA changes', () => {
    const engine = busyAgent();
    engine.enqueue(work('first', { slaDueAt: at(300) }), at(1));
    engine.enqueue(work('second', { slaDueAt: at(400) }), at(2));

    engine.setSlaDue('second', at(200));
    engine.setSlaDue('first', null);

    expect(serviceOrder(engine, 2)).toEqual(['second', 'first']);
  });

  it('keeps its order when an SLA changes deep in a long line (the heap is not corrupted)', () => {
    const engine = busyAgent();
    engine.enqueue(work('c1', { slaDueAt: at(3000) }), at(1));
    engine.enqueue(work('c2', { slaDueAt: at(6000) }), at(2));
    engine.enqueue(work('c3', { slaDueAt: at(9000) }), at(3));
    engine.enqueue(work('c4', { slaDueAt: at(7000) }), at(4));

    engine.setSlaDue('c2', at(2000));

    expect(serviceOrder(engine, 4)).toEqual(['c2', 'c1', 'c4', 'c3']);
  });

  it('serves work that overflowed into a higher-priority queue by that priority', () => {
    const engine = busyAgent([
      queueDefinition('support', {
        autoAccept: true,
        widening: [{ afterSeconds: 60, overflowToQueueId: 'vip' }],
      }),
      queueDefinition('vip', { priority: 2, autoAccept: true }),
    ]);
    engine.enqueue(work('vip-early', { queueId: 'vip' }), at(1));
    engine.enqueue(work('overflowing'), at(2));
    engine.enqueue(work('vip-late', { queueId: 'vip' }), at(70));
    engine.advance(at(62)); // 'overflowing' moves to vip, priority 2, having waited since 2 s
    engine.advance(at(80));

    expect(serviceOrder(engine, 3)).toEqual(['vip-early', 'overflowing', 'vip-late']);
  });

  it('serves otherwise equal work oldest first', () => {
    const engine = busyAgent();
    for (const id of ['w1', 'w2', 'w3']) engine.enqueue(work(id), at(1));

    expect(serviceOrder(engine, 3)).toEqual(['w1', 'w2', 'w3']);
  });

  it('ignores an SLA for work it is not routing', () => {
    const engine = busyAgent();

    expect(() => engine.setSlaDue('unknown', at(5))).not.toThrow();
  });
});
