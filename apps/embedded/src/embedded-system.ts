import type { INestApplication } from '@nestjs/common';
import { InProcessBus, KafkaBus, type EventBus } from '@switchboard/bus';
import { ALL_TOPICS } from '@switchboard/contracts';
import { createDataSource, runMigrations } from '@switchboard/db';
import { createRootLogger, JsonLogger } from '@switchboard/observability';
import { connectRuntime, startServiceApp, type OwnedRuntime } from '@switchboard/platform';
import { mkdirSync } from 'node:fs';
import { CONVERSATIONS_GROUP_ID } from '../../conversations/src/config/conversations.config';
import { ConversationsModule } from '../../conversations/src/conversations.module';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { SmtpListener } from '../../gateway/src/smtp/smtp-listener';
import { ROUTER_INTAKE_GROUP_ID } from '../../router/src/config/router.settings';
import { RouterModule } from '../../router/src/router.module';
import { SLA_GROUP_ID } from '../../sla/src/config/sla.settings';
import { SlaModule } from '../../sla/src/sla.module';
import { seedDemoRouting } from './demo-routing';
import { seedDemoSla } from './demo-sla';
import { secretsKeyIn, seedDemoTenant } from './demo-tenant';
import type { EmbeddedConfig } from './embedded.config';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

export interface EmbeddedSystem {
  gatewayUrl: string;
  conversationsUrl: string;
  routerUrl: string;
  slaUrl: string;
  smtpPort: number | null;
  databaseUrl: string;
  busKind: 'in-process' | 'kafka';
  demo: { tenantId: string; apiKey: string };
  logger: JsonLogger;
  stop(): Promise<void>;
}

/**
 * Every service in one process, wired exactly as when deployed (same modules, same bus
 * contract), on an embedded PostgreSQL and the in-process bus unless real ones are given.
 */
export async function startEmbeddedSystem(config: EmbeddedConfig): Promise<EmbeddedSystem> {
  const logger = new JsonLogger(createRootLogger('embedded', config.LOG_LEVEL));
  mkdirSync(config.SWITCHBOARD_DATA_DIR, { recursive: true });
  const stack: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const close of stack.reverse()) await close();
  };
  try {
    let postgres: RunningPostgres | null = null;
    if (!config.DATABASE_URL) {
      postgres = await startEmbeddedPostgres({
        dataDir: config.SWITCHBOARD_DATA_DIR,
        port: config.EMBEDDED_PG_PORT,
        log: (message) => logger.debug(message, 'EmbeddedPostgres'),
      });
      stack.push(() => postgres!.stop());
    }
    const databaseUrl = config.DATABASE_URL ?? postgres!.url;

    const setup = await createDataSource({
      url: databaseUrl,
      applicationName: 'switchboard-setup',
    }).initialize();
    let demo: EmbeddedSystem['demo'];
    try {
      const applied = await runMigrations(setup);
      if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`, 'Embedded');
      demo = await seedDemoTenant(setup, config.SWITCHBOARD_DATA_DIR);
      await seedDemoRouting(setup, demo.tenantId);
      await seedDemoSla(setup, demo.tenantId);
    } finally {
      await setup.destroy();
    }

    const bus: EventBus = config.KAFKA_BROKERS
      ? new KafkaBus({
          brokers: config.KAFKA_BROKERS,
          clientId: config.KAFKA_CLIENT_ID,
          partitions: config.KAFKA_TOPIC_PARTITIONS,
          replicationFactor: config.KAFKA_REPLICATION_FACTOR,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
        })
      : new InProcessBus({ partitions: config.KAFKA_TOPIC_PARTITIONS });
    stack.push(() => bus.close());
    await bus.ensureTopics(ALL_TOPICS);

    const serviceConfig = {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: config.KAFKA_BROKERS ?? [],
      KAFKA_CLIENT_ID: config.KAFKA_CLIENT_ID,
      KAFKA_TOPIC_PARTITIONS: config.KAFKA_TOPIC_PARTITIONS,
      KAFKA_REPLICATION_FACTOR: config.KAFKA_REPLICATION_FACTOR,
      KAFKA_TOPIC_PREFIX: config.KAFKA_TOPIC_PREFIX,
      LOG_LEVEL: config.LOG_LEVEL,
      HOST: config.HOST,
    };
    const start = async (
      service: string,
      boot: (runtime: OwnedRuntime) => Promise<INestApplication>,
    ): Promise<{ app: INestApplication; url: string }> => {
      const runtime = await connectRuntime(service, serviceConfig, { bus });
      stack.push(() => runtime.close());
      const app = await boot(runtime);
      stack.push(() => app.close());
      return { app, url: (await app.getUrl()).replace('[::1]', 'localhost') };
    };

    const { url: conversationsUrl } = await start('conversations', (runtime) =>
      startServiceApp(
        ConversationsModule.forRoot(runtime, {
          reopenWindowMs: config.CONVERSATION_REOPEN_WINDOW_SECONDS * 1_000,
        }),
        runtime,
        {
          host: config.HOST,
          port: config.CONVERSATIONS_PORT,
          consumer: { groupId: CONVERSATIONS_GROUP_ID },
        },
      ),
    );
    const { url: routerUrl } = await start('router', (runtime) =>
      startServiceApp(
        RouterModule.forRoot(runtime, {
          instanceId: `embedded-${process.pid}`,
          commandPartitions: config.KAFKA_TOPIC_PARTITIONS,
          ownershipCheckMs: 1_000,
        }),
        runtime,
        {
          host: config.HOST,
          port: config.ROUTER_PORT,
          consumer: { groupId: ROUTER_INTAKE_GROUP_ID },
        },
      ),
    );
    const { url: slaUrl } = await start('sla', (runtime) =>
      startServiceApp(
        SlaModule.forRoot(runtime, {
          scheduler: { pollMs: 100, batchSize: 2_000, workers: 1 },
        }),
        runtime,
        { host: config.HOST, port: config.SLA_PORT, consumer: { groupId: SLA_GROUP_ID } },
      ),
    );
    const { app: gateway, url: gatewayUrl } = await start('gateway', (runtime) =>
      startServiceApp(
        GatewayModule.forRoot(runtime, {
          secretsKey: secretsKeyIn(config.SWITCHBOARD_DATA_DIR, config.SWITCHBOARD_SECRETS_KEY),
          webhooks: {
            publicBaseUrl: config.PUBLIC_BASE_URL ?? `http://127.0.0.1:${config.GATEWAY_PORT}`,
            metaVerifyToken: config.META_VERIFY_TOKEN ?? null,
            slackSigningSecret: config.SLACK_SIGNING_SECRET ?? null,
          },
          smtp: {
            port: config.GATEWAY_SMTP_PORT,
            host: config.HOST,
            maxMessageBytes: config.GATEWAY_MAX_BODY_BYTES,
          },
        }),
        runtime,
        {
          host: config.HOST,
          port: config.GATEWAY_PORT,
          maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES,
        },
      ),
    );
    return {
      gatewayUrl,
      conversationsUrl,
      routerUrl,
      slaUrl,
      smtpPort: gateway.get(SmtpListener).port,
      databaseUrl,
      busKind: config.KAFKA_BROKERS ? 'kafka' : 'in-process',
      demo,
      logger,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
