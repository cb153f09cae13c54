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

/**
 * Deadlines the engine must act on. Timers are never cancelled: the engine checks each one
 * against current state when it falls due, so a stale timer is a no-op.
 */
export class TimerQueue {
  private readonly heap = new BinaryHeap<QueuedTimer>((a, b) =>
    a.at !== b.at ? a.at < b.at : a.sequence < b.sequence,
  );
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
