import { BinaryHeap } from './binary-heap';

export type TimerKind = 'widen' | 'offer' | 'reservation' | 'grace';

export interface Timer {
  readonly at: number;
  readonly kind: TimerKind;
  /** A conversation id, or an agent id for 'grace'. */
  readonly subject: string;
  /** Tells a live timer from a stale one (an offer id, a connection token). */
  readonly token: string | number;
}

interface QueuedTimer extends Timer {
  readonly sequence: number;
}

/** Timers due at the same instant fire in this order, whatever order they were set in. */
const KIND_ORDER: Readonly<Record<TimerKind, number>> = {
  grace: 0,
  offer: 1,
  reservation: 2,
  widen: 3,
};

/**
 * Deadlines the engine must act on. Timers are never cancelled: the engine checks each one
 * against current state when it falls due, so a stale timer is a no-op.
 *
 * Ties are broken by kind and subject rather than by when the timer was set, so an engine
 * rebuilt from a snapshot (which sets its timers in another order) fires them as the
 * original would have.
 */
export class TimerQueue {
  private readonly heap = new BinaryHeap<QueuedTimer>((a, b) => {
    if (a.at !== b.at) return a.at < b.at;
    if (a.kind !== b.kind) return KIND_ORDER[a.kind] < KIND_ORDER[b.kind];
    if (a.subject !== b.subject) return a.subject < b.subject;
    return a.sequence < b.sequence;
  });
  private sequence = 0;

  get size(): number {
    return this.heap.size;
  }

  schedule(timer: Timer): void {
    this.heap.push({ ...timer, sequence: this.sequence++ });
  }

  nextAt(): number | null {
    return this.heap.peek()?.at ?? null;
  }

  /** Removes and returns the earliest timer due at or before `now`. */
  popDue(now: number): Timer | null {
    const top = this.heap.peek();
    if (!top || top.at > now) return null;
    return this.heap.pop()!;
  }
}
