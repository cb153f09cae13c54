import type { RoutingEngine } from '@switchboard/routing';
import type { TenantRoutingConfig } from './routing-config.repository';

/**
 * One owned tenant: its engine, the epoch it was claimed with, and a queue that applies its
 * commands and timers one at a time (the engine is not re-entrant, and decisions must be
 * written in the order they were made).
 */
export class TenantRouter {
  private tail: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private timerAt: number | null = null;
  closed = false;

  constructor(
    readonly tenantId: string,
    readonly epoch: number,
    readonly engine: RoutingEngine,
    public config: TenantRoutingConfig,
  ) {}

  serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Wakes `fire` at the engine's next deadline (offer time-out, widening, grace period). */
  arm(now: number, fire: () => void): void {
    const at = this.engine.nextDeadline();
    if (this.closed || at === null || at === this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = null;
        fire();
      },
      Math.max(0, at - now),
    );
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
