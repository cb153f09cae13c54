import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { TransientError, type EventCause } from '@switchboard/bus';
import { JsonLogger } from '@switchboard/observability';
import { RoutingEngine, RoutingError, type RoutingDecision } from '@switchboard/routing';
import { randomUUID } from 'node:crypto';
import { Clock } from '../clock';
import { ROUTER_SETTINGS, type RouterSettings } from '../config/router.settings';
import { OwnershipLostError, RoutingStateRepository } from './routing-state.repository';
import { TenantRouter } from './tenant-router';

export interface StepOptions {
  /** The command being applied: recorded with its outcome, skipped if already applied. */
  readonly commandId: string | null;
  /** Record the outcome even when nothing changed (the API waits for it). */
  readonly recordOutcome: boolean;
}

export type RoutingAction = (
  router: TenantRouter,
  now: number,
) => RoutingDecision[] | Promise<RoutingDecision[]>;

/**
 * The tenants this replica owns, each rebuilt from PostgreSQL when claimed. Every change goes
 * through `step`: apply to the engine, write decisions + state + events in one fenced
 * transaction, then re-arm the tenant's timer. If the write fails the in-memory engine is
 * ahead of the database, so the tenant is dropped and rebuilt on next use.
 */
@Injectable()
export class TenantRouters implements OnApplicationShutdown {
  private readonly routers = new Map<string, Promise<TenantRouter>>();

  constructor(
    private readonly state: RoutingStateRepository,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    @Inject(ROUTER_SETTINGS) private readonly settings: RouterSettings,
  ) {}

  loadedTenants(): string[] {
    return [...this.routers.keys()];
  }

  /** The tenant's router, claiming and rebuilding it first if this replica has not yet. */
  get(tenantId: string): Promise<TenantRouter> {
    let router = this.routers.get(tenantId);
    if (!router) {
      router = this.load(tenantId);
      this.routers.set(tenantId, router);
      router.catch(() => this.routers.delete(tenantId));
    }
    return router;
  }

  drop(tenantId: string): void {
    const router = this.routers.get(tenantId);
    this.routers.delete(tenantId);
    void router?.then((r) => r.close()).catch(() => undefined);
  }

  /** After a failed write this router's engine is ahead of the database: forget it (only it). */
  private discard(router: TenantRouter): void {
    router.close();
    const current = this.routers.get(router.tenantId);
    void current
      ?.then((loaded) => {
        if (loaded === router && this.routers.get(router.tenantId) === current)
          this.routers.delete(router.tenantId);
      })
      .catch(() => undefined);
  }

  async step(
    tenantId: string,
    cause: EventCause,
    options: StepOptions,
    action: RoutingAction,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const router = await this.get(tenantId);
      const done = await router.serialize(() => this.apply(router, cause, options, action));
      if (done) return;
      // Dropped while this step waited its turn: apply it to the rebuilt router.
      if (attempt >= 3) throw new TransientError(`tenant ${tenantId} keeps being rebuilt`);
    }
  }

  onApplicationShutdown(): void {
    for (const tenantId of this.loadedTenants()) this.drop(tenantId);
  }

  private async apply(
    router: TenantRouter,
    cause: EventCause,
    options: StepOptions,
    action: RoutingAction,
  ): Promise<boolean> {
    if (router.closed) return false;
    // Work commands are idempotent in the engine; the API's are looked up (a redelivery after
    // a crash must not transfer or reject twice).
    if (
      options.recordOutcome &&
      options.commandId &&
      (await this.state.isApplied(options.commandId))
    )
      return true;
    const now = this.clock.now();
    let decisions: RoutingDecision[] = [];
    let refusal: { code: string; message: string } | null = null;
    try {
      decisions = await action(router, now);
    } catch (error) {
      if (!(error instanceof RoutingError)) {
        this.discard(router);
        throw error;
      }
      refusal = { code: error.code, message: error.message };
    }
    const changes = router.engine.takeChanges();
    const changed =
      decisions.length + changes.work.length + changes.endedWork.length + changes.agents.length > 0;
    if (changed || refusal || options.recordOutcome) {
      try {
        await this.state.commit({
          tenantId: router.tenantId,
          epoch: router.epoch,
          decisions,
          changes,
          cause,
          command: options.commandId ? { id: options.commandId, refusal } : null,
        });
      } catch (error) {
        this.discard(router);
        if (error instanceof OwnershipLostError) {
          this.logger.warn(error.message, 'TenantRouters');
          throw new TransientError(error.message, { cause: error });
        }
        throw error;
      }
    }
    router.arm(now, () => this.fireTimers(router));
    return true;
  }

  /**
   * Fires the due timers of this router only: a router dropped meanwhile (the partition moved,
   * a failed write) must not be reloaded by its own stale timer, which would claim the tenant
   * back from its new owner.
   */
  private fireTimers(router: TenantRouter): void {
    if (router.closed) return;
    const cause = {
      tenantId: router.tenantId,
      correlationId: randomUUID(),
      causationEventId: null,
    };
    router
      .serialize(() =>
        this.apply(router, cause, { commandId: null, recordOutcome: false }, (r, now) =>
          r.engine.advance(now),
        ),
      )
      .catch((error: unknown) =>
        this.logger.error(
          {
            msg: `Routing timers of tenant ${router.tenantId} failed; it will be rebuilt`,
            err: error,
          },
          'TenantRouters',
        ),
      );
  }

  private async load(tenantId: string): Promise<TenantRouter> {
    const claimed = await this.state.claim(tenantId, this.settings.instanceId);
    const engine = new RoutingEngine({ settings: claimed.config.settings, newId: randomUUID });
    const router = new TenantRouter(tenantId, claimed.epoch, engine, claimed.config);
    const now = this.clock.now();
    const decisions = engine.restore(claimed.state, now);
    await this.state.commit({
      tenantId,
      epoch: claimed.epoch,
      decisions,
      changes: engine.takeChanges(),
      cause: { tenantId, correlationId: randomUUID(), causationEventId: null },
      command: null,
    });
    router.arm(now, () => this.fireTimers(router));
    this.logger.log(
      `claimed tenant ${tenantId} (epoch ${claimed.epoch}): ${claimed.state.agents.length} agents, ${claimed.state.work.length} conversations, ${decisions.length} catch-up decisions`,
      'TenantRouters',
    );
    return router;
  }
}
