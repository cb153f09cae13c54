import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { classify, partitionForKey, type BusMessage, type Subscription } from '@switchboard/bus';
import { decodeEnvelope, Topics } from '@switchboard/contracts';
import { JsonLogger, withCorrelation } from '@switchboard/observability';
import { classifyFailure, SERVICE_RUNTIME, type ServiceRuntime } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { ROUTER_GROUP_ID, ROUTER_SETTINGS, type RouterSettings } from '../config/router.settings';
import { TenantRouters } from '../state/tenant-routers';
import { RoutingCommandHandler } from './routing-command.handler';

/**
 * Consumes the tenant-keyed commands topic. The partitions Kafka assigns this replica decide
 * the tenants it owns: it claims and rebuilds each of them at once (so their timers run even
 * when no command arrives) and drops those it no longer holds after a rebalance.
 */
@Injectable()
export class RoutingCommandConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;
  private reconciler: NodeJS.Timeout | null = null;
  private reconciling: Promise<void> = Promise.resolve();

  constructor(
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    @Inject(ROUTER_SETTINGS) private readonly settings: RouterSettings,
    private readonly handler: RoutingCommandHandler,
    private readonly routers: TenantRouters,
    private readonly dataSource: DataSource,
    private readonly logger: JsonLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { bus } = this.runtime;
    await bus.ensureTopics([Topics.routingCommands]);
    this.subscription = await bus.subscribe({
      groupId: ROUTER_GROUP_ID,
      topics: [Topics.routingCommands],
      fromBeginning: true,
      // Tenants on different partitions are routed in parallel; one tenant stays in order.
      partitionsConsumedConcurrently: this.settings.commandPartitions,
      handler: (message) => this.dispatch(message),
    });
    this.reconciler = setInterval(() => this.scheduleReconcile(), this.settings.ownershipCheckMs);
    this.reconciler.unref();
    this.scheduleReconcile();
    await this.reconciling;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.reconciler) clearInterval(this.reconciler);
    await this.reconciling;
    await this.subscription?.stop();
    this.subscription = null;
  }

  /** Partitions of the commands topic this replica holds now. */
  ownedPartitions(): Set<number> {
    const owned = new Set<number>();
    for (const assigned of this.subscription?.assignedPartitions() ?? []) {
      const separator = assigned.lastIndexOf(':');
      if (assigned.slice(0, separator).endsWith(Topics.routingCommands))
        owned.add(Number(assigned.slice(separator + 1)));
    }
    return owned;
  }

  private async dispatch(message: BusMessage): Promise<void> {
    let envelope;
    try {
      envelope = decodeEnvelope(message.value);
    } catch (error) {
      throw classify(error);
    }
    const correlation = { correlationId: envelope.correlationId, causationId: envelope.id };
    const { metrics } = this.runtime;
    const started = process.hrtime.bigint();
    let outcome: 'ok' | 'error' = 'error';
    try {
      await withCorrelation(correlation, async () => {
        try {
          await this.handler.handle(envelope);
        } catch (error) {
          const classified = classifyFailure(classify(error));
          this.logger.error({
            msg: `Routing command ${envelope.type} failed (attempt ${message.attempt})`,
            eventId: envelope.id,
            err: error,
          });
          throw classified;
        }
      });
      outcome = 'ok';
    } finally {
      const labels = { topic: Topics.routingCommands, type: envelope.type };
      metrics.eventsConsumed.inc({ ...labels, outcome });
      metrics.handlerSeconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  private scheduleReconcile(): void {
    this.reconciling = this.reconciling
      .then(() => this.reconcile())
      .catch((error: unknown) =>
        this.logger.error(
          { msg: 'Routing ownership check failed', err: error },
          'RoutingCommandConsumer',
        ),
      );
  }

  private async reconcile(): Promise<void> {
    if (!this.subscription) return;
    const owned = this.ownedPartitions();
    const tenants: { id: string }[] = await this.dataSource.query(`SELECT id FROM tenants`);
    const mine = new Set(
      tenants
        .map((tenant) => tenant.id)
        .filter((id) => owned.has(partitionForKey(id, this.settings.commandPartitions))),
    );
    for (const tenantId of this.routers.loadedTenants())
      if (!mine.has(tenantId)) this.routers.drop(tenantId);
    for (const tenantId of mine) {
      await this.routers
        .get(tenantId)
        .catch((error: unknown) =>
          this.logger.error(
            { msg: `Claiming routing for tenant ${tenantId} failed; retrying`, err: error },
            'RoutingCommandConsumer',
          ),
        );
    }
  }
}
