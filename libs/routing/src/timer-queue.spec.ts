import fc from 'fast-check';
import { TimerQueue, type TimerKind } from './timer-queue';

describe('TimerQueue', () => {
  function drain(queue: TimerQueue, now: number): string[] {
    const fired: string[] = [];
    for (let timer = queue.popDue(now); timer; timer = queue.popDue(now))
      fired.push(`${timer.at}:${timer.kind}:${timer.subject}`);
    return fired;
  }

  it('hands out only timers that are due, earliest first', () => {
    const queue = new TimerQueue();
    queue.schedule({ at: 30, kind: 'offer', subject: 'c1', token: 'o1' });
    queue.schedule({ at: 10, kind: 'widen', subject: 'c2', token: 'w' });
    queue.schedule({ at: 20, kind: 'grace', subject: 'a', token: 1 });

    expect(queue.nextAt()).toBe(10);
    expect(drain(queue, 25)).toEqual(['10:widen:c2', '20:grace:a']);
    expect(queue.nextAt()).toBe(30);
    expect(queue.size).toBe(1);
  });

  it('fires timers due at the same instant by kind, then subject, whatever order they were set in', () => {
    const timers = [
      { at: 5, kind: 'widen', subject: 'c1', token: 'w' },
      { at: 5, kind: 'offer', subject: 'c2', token: 'o2' },
      { at: 5, kind: 'offer', subject: 'c1', token: 'o1' },
      { at: 5, kind: 'reservation', subject: 'c3', token: 5 },
      { at: 5, kind: 'grace', subject: 'b', token: 1 },
    ] as const;
    const forwards = new TimerQueue();
    const backwards = new TimerQueue();
    for (const timer of timers) forwards.schedule(timer);
    for (const timer of [...timers].reverse()) backwards.schedule(timer);

    const order = drain(forwards, 5);

    expect(order).toEqual([
      '5:grace:b',
      '5:offer:c1',
      '5:offer:c2',
      '5:reservation:c3',
      '5:widen:c1',
    ]);
    expect(drain(backwards, 5)).toEqual(order);
  });

  it('fires in the same order whether timers sit in lanes, arrive out of order, or both', () => {
    const kinds: TimerKind[] = ['grace', 'offer', 'reservation', 'widen'];
    const timer = fc.record({
      at: fc.integer({ min: 0, max: 50 }),
      kind: fc.constantFrom(...kinds),
      subject: fc.constantFrom('a', 'b', 'c', 'd'),
      lane: fc.option(fc.constantFrom('offer|q1', 'offer|q2', 'widen|q1|0'), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(timer, { maxLength: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (timers, cut) => {
          const queue = new TimerQueue();
          timers.forEach((t, i) => queue.schedule({ ...t, token: i }));
          const rank = (kind: TimerKind) => kinds.indexOf(kind);
          const expected = timers
            .map((t, i) => ({ ...t, i }))
            .sort(
              (x, y) =>
                x.at - y.at ||
                rank(x.kind) - rank(y.kind) ||
                (x.subject < y.subject ? -1 : x.subject > y.subject ? 1 : x.i - y.i),
            )
            .map((t) => `${t.at}:${t.kind}:${t.subject}`);
          const fired = [...drain(queue, cut), ...drain(queue, 1_000)];
          expect(fired).toEqual(expected);
          expect(queue.size).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
