import { BinaryHeap } from './binary-heap';

export type TimerKind = 'widen' | 'offer' | 'reservation' | 'grace';

export interface Timer {
  readonly at: number;
  readonly kind: TimerKind;
  /** A conversation id, or an agent id for 'grace'. */
  readonly subject: string;
  /** Tells a live timer from a stale one (an offer id, a connection token). */
  readonly token: string | number;
  /**
   * Timers of one lane are usually set in the order they fall due (one queue's offer
   * time-outs, one ring's widening): such a timer is appended to its lane in O(1) instead of
   * entering the heap. One that would not keep its lane in order goes to the heap.
   */
  readonly lane?: string;
}

interface QueuedTimer extends Timer {
  readonly rank: number;
  readonly sequence: number;
}

/** Timers due at the same instant fire in this order, whatever order they were set in. */
const KIND_RANK: Readonly<Record<TimerKind, number>> = {
  grace: 0,
  offer: 1,
  reservation: 2,
  widen: 3,
};

/**
 * Ties are broken by kind and subject rather than by when the timer was set, so an engine
 * rebuilt from a snapshot (which sets its timers in another order) fires them as the
 * original would have.
 */
function firesBefore(a: QueuedTimer, b: QueuedTimer): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.subject !== b.subject) return a.subject < b.subject;
  return a.sequence < b.sequence;
}

/** A FIFO of timers in firing order. */
class Lane {
  private timers: (QueuedTimer | undefined)[] = [];
  private start = 0;

  get first(): QueuedTimer | undefined {
    return this.timers[this.start];
  }

  get last(): QueuedTimer | undefined {
    return this.start < this.timers.length ? this.timers[this.timers.length - 1] : undefined;
  }

  get empty(): boolean {
    return this.start >= this.timers.length;
  }

  append(timer: QueuedTimer): void {
    this.timers.push(timer);
  }

  shift(): void {
    this.timers[this.start++] = undefined;
    if (this.start > 1_024 && this.start * 2 > this.timers.length) {
      this.timers = this.timers.slice(this.start);
      this.start = 0;
    }
  }
}

/**
 * Deadlines the engine must act on. Timers are never cancelled: the engine checks each one
 * against current state when it falls due, so a stale timer is a no-op. Most timers sit in
 * lanes (FIFOs, O(1)); a heap orders the lanes by their first timer, and holds the few timers
 * that arrive out of order, so each operation costs a logarithm of the number of lanes rather
 * than of the number of timers.
 */
export class TimerQueue {
  private readonly outOfOrder = new BinaryHeap<QueuedTimer>(firesBefore);
  private readonly lanes = new Map<string, Lane>();
  private readonly lanesByFirst = new BinaryHeap<Lane>((a, b) => firesBefore(a.first!, b.first!));
  private sequence = 0;
  size = 0;

  schedule(timer: Timer): void {
    const queued: QueuedTimer = {
      ...timer,
      rank: KIND_RANK[timer.kind],
      sequence: this.sequence++,
    };
    this.size += 1;
    if (timer.lane !== undefined) {
      let lane = this.lanes.get(timer.lane);
      if (!lane) this.lanes.set(timer.lane, (lane = new Lane()));
      if (lane.empty) {
        lane.append(queued);
        this.lanesByFirst.push(lane);
        return;
      }
      if (!firesBefore(queued, lane.last!)) {
        lane.append(queued);
        return;
      }
    }
    this.outOfOrder.push(queued);
  }

  nextAt(): number | null {
    return this.next()?.timer.at ?? null;
  }

  /** Removes and returns the earliest timer due at or before `now`. */
  popDue(now: number): Timer | null {
    const next = this.next();
    if (!next || next.timer.at > now) return null;
    this.size -= 1;
    if (!next.lane) return this.outOfOrder.pop()!;
    this.lanesByFirst.pop();
    next.lane.shift();
    if (!next.lane.empty) this.lanesByFirst.push(next.lane);
    return next.timer;
  }

  private next(): { timer: QueuedTimer; lane: Lane | null } | null {
    const loose = this.outOfOrder.peek();
    const lane = this.lanesByFirst.peek();
    if (lane && (!loose || firesBefore(lane.first!, loose))) return { timer: lane.first!, lane };
    return loose ? { timer: loose, lane: null } : null;
  }
}
