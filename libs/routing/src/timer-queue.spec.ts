import { TimerQueue } from './timer-queue';

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
});
