import { DEFAULT_ROUTING_SETTINGS } from './model';
import { RoutingErrorCode } from './routing.error';
import { RoutingEngine } from './routing-engine';
import { engineSnapshot } from './testing/engine-snapshot';
import { assertRoutingInvariants } from './testing/invariants';
import {
  agentProfile,
  at,
  createEngine,
  holderOf,
  offers,
  queueDefinition,
  work,
} from './testing/routing-fixtures';

/** One busy agent; the order in which it is then offered the waiting work. */
function serviceOrder(engine: RoutingEngine, count: number, first = 'busy'): string[] {
  const order: string[] = [];
  let current = first;
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

describe('RoutingEngine priority raised by an SLA escalation', () => {
  it('moves waiting work ahead of everything below its new priority', () => {
    const engine = busyAgent();
    engine.enqueue(work('w1', { slaDueAt: at(50) }), at(1));
    engine.enqueue(work('w2'), at(2));
    engine.enqueue(work('w3', { priority: 2 }), at(3));
    engine.enqueue(work('w4'), at(4));

    engine.raisePriority('w4', 5);
    engine.raisePriority('w2', 2); // equal to w3's: the older goes first

    expect(engine.findWork('w4')!.priority).toBe(5);
    expect(serviceOrder(engine, 4)).toEqual(['w4', 'w2', 'w3', 'w1']);
  });

  it('never lowers a priority', () => {
    const engine = busyAgent();
    engine.enqueue(work('high', { priority: 4 }), at(1));
    engine.enqueue(work('mid', { priority: 2 }), at(2));

    engine.raisePriority('high', 1);
    engine.raisePriority('high', 4);

    expect(engine.findWork('high')!.priority).toBe(4);
    expect(serviceOrder(engine, 2)).toEqual(['high', 'mid']);
  });

  it('keeps a long line in order when work deep in it is raised (the heap is not corrupted)', () => {
    const engine = busyAgent();
    for (let i = 1; i <= 9; i += 1) engine.enqueue(work(`c${i}`, { priority: i % 3 }), at(i));

    engine.raisePriority('c3', 2); // 0 → 2: behind the older c2, ahead of c5 and c8
    engine.raisePriority('c9', 3);
    engine.raisePriority('c7', 1); // already 1: unchanged

    expect(serviceOrder(engine, 9)).toEqual(['c9', 'c2', 'c3', 'c5', 'c8', 'c1', 'c4', 'c7', 'c6']);
  });

  it('lets offered or assigned work keep the raised priority for when it waits again', () => {
    const engine = createEngine({ agents: [agentProfile('a')] });
    engine.enqueue(work('held'), at(1)); // offered to a
    engine.enqueue(work('other', { priority: 3 }), at(2));

    engine.takeChanges();
    engine.raisePriority('held', 5);

    expect(engine.takeChanges().work.map((item) => item.conversationId)).toEqual(['held']);
    expect(holderOf(engine, 'held')).toBe('offered:a');
    // Rejected, it waits again ahead of 'other'; a is the only agent and declined it.
    engine.reject('held', 'a', at(3));
    expect(holderOf(engine, 'other')).toBe('offered:a');
    expect(engine.findWork('held')).toMatchObject({ state: 'waiting', priority: 5 });
    assertRoutingInvariants(engine);
  });

  it('orders work reserved for an agent by its raised priority too', () => {
    const engine = createEngine({ agents: [agentProfile('a'), agentProfile('b')] });
    engine.enqueue(work('c1'), at(1)); // a
    engine.enqueue(work('c2'), at(2)); // b
    engine.enqueue(work('c3'), at(3));
    engine.transferToAgent('c3', 'a', at(4)); // waits for a
    engine.enqueue(work('c4', { priority: 1 }), at(5));
    engine.transferToAgent('c4', 'a', at(6));

    engine.raisePriority('c3', 2);

    expect(offers(engine.release('c1', at(7)))).toEqual({ c3: 'a' });
  });

  it('is not marked as a change when nothing changed, and ignores work it is not routing', () => {
    const engine = busyAgent();
    engine.enqueue(work('w1', { priority: 2 }), at(1));
    engine.takeChanges();

    engine.raisePriority('w1', 2);
    expect(() => engine.raisePriority('unknown', 9)).not.toThrow();

    expect(engine.takeChanges().work).toEqual([]);
  });
});

describe('RoutingEngine escalation to a queue', () => {
  const queues = [queueDefinition('support'), queueDefinition('escalated', { priority: 3 })];

  it('transfers work from another queue like any transfer to a queue', () => {
    const engine = createEngine({ queues, offlineAgents: [agentProfile('a')] });
    engine.enqueue(work('c1'), at(1));

    const decisions = engine.escalateToQueue('c1', 'escalated', at(2));

    expect(decisions.map((d) => d.type)).toEqual(['transferred', 'queued']);
    expect(decisions[1]).toMatchObject({
      queueId: 'escalated',
      reason: 'transferred',
      priority: 3,
    });
  });

  it('leaves work already in the queue where it is, waiting or with its agent', () => {
    const engine = createEngine({ queues, agents: [agentProfile('a')] });
    engine.enqueue(work('c1', { queueId: 'escalated' }), at(1)); // a
    engine.accept('c1', 'a', at(2));
    engine.enqueue(work('c2', { queueId: 'escalated' }), at(3)); // waits
    engine.takeChanges();

    expect(engine.escalateToQueue('c1', 'escalated', at(4))).toEqual([]);
    expect(engine.escalateToQueue('c2', 'escalated', at(4))).toEqual([]);

    expect(holderOf(engine, 'c1')).toBe('assigned:a');
    expect(engine.findWork('c2')!.waitingSince).toBe(at(3));
    expect(engine.takeChanges().work).toEqual([]);
  });

  it('refuses work it is not routing and queues it does not know, as a transfer does', () => {
    const engine = createEngine({ queues });
    engine.enqueue(work('c1'), at(1));

    expect(() => engine.escalateToQueue('unknown', 'escalated', at(2))).toThrow(
      expect.objectContaining({ code: RoutingErrorCode.UnknownConversation }),
    );
    expect(() => engine.escalateToQueue('c1', 'nowhere', at(2))).toThrow(
      expect.objectContaining({ code: RoutingErrorCode.UnknownQueue }),
    );
  });

  it('keeps a raised priority above the new queue’s', () => {
    const engine = createEngine({ queues });
    engine.enqueue(work('c1'), at(1));
    engine.raisePriority('c1', 7);

    engine.escalateToQueue('c1', 'escalated', at(2));

    expect(engine.findWork('c1')).toMatchObject({ queueId: 'escalated', priority: 7 });
  });
});

describe('RoutingEngine restore of SLA state', () => {
  it('keeps the raised priority and the SLA due time, and so the order of waiting work', () => {
    const original = busyAgent();
    for (let i = 1; i <= 4; i += 1) original.enqueue(work(`w${i}`), at(i));
    original.raisePriority('w3', 4);
    original.setSlaDue('w2', at(60));

    const rebuilt = new RoutingEngine({
      settings: DEFAULT_ROUTING_SETTINGS,
      newId: () => 'offer-rebuilt',
    });
    expect(rebuilt.restore(engineSnapshot(original), at(5))).toEqual([]);

    expect(rebuilt.findWork('w3')!.priority).toBe(4);
    expect(rebuilt.findWork('w2')!.slaDueAt).toBe(at(60));
    assertRoutingInvariants(rebuilt);
    expect(serviceOrder(rebuilt, 4)).toEqual(['w3', 'w2', 'w1', 'w4']);
    expect(serviceOrder(original, 4)).toEqual(['w3', 'w2', 'w1', 'w4']);
  });
});
