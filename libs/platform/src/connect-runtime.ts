import { KafkaBus, type EventBus } from '@switchboard/bus';
import type { BaseServiceConfig } from '@switchboard/config';
import { createDataSource } from '@switchboard/db';
import { createRootLogger, JsonLogger, ServiceMetrics } from '@switchboard/observability';
import type { ServiceRuntime } from './service-runtime';

export interface OwnedRuntime extends ServiceRuntime {
  /** Closes what this runtime opened (bus, database pool), after the apps have drained. */
  close(): Promise<void>;
}

/** Builds a service's runtime from its validated configuration: Kafka and PostgreSQL. */
export async function connectRuntime(
  service: string,
  config: BaseServiceConfig,
  overrides: { bus?: EventBus; publishTimeoutMs?: number } = {},
): Promise<OwnedRuntime> {
  const root = createRootLogger(service, config.LOG_LEVEL);
  const logger = new JsonLogger(root);
  const bus =
    overrides.bus ??
    new KafkaBus({
      brokers: config.KAFKA_BROKERS,
      clientId: `${config.KAFKA_CLIENT_ID}-${service}`,
      partitions: config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      publishTimeoutMs: overrides.publishTimeoutMs,
      log: (level, message, extra) => root[level](extra, message),
    });
  const dataSource = await createDataSource({
    url: config.DATABASE_URL,
    applicationName: `switchboard-${service}`,
  }).initialize();
  const ownsBus = !overrides.bus;
  return {
    service,
    bus,
    dataSource,
    databaseUrl: config.DATABASE_URL,
    logger,
    metrics: new ServiceMetrics(service),
    close: async () => {
      if (ownsBus) await bus.close();
      await dataSource.destroy();
    },
  };
}
