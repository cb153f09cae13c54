import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { baseServiceSchema, loadConfig } from '@switchboard/config';
import { connectRuntime, startServiceApp, type OwnedRuntime } from '@switchboard/platform';
import { ConversationsModule } from '../../apps/conversations/src/conversations.module';
import { CONVERSATIONS_GROUP_ID } from '../../apps/conversations/src/config/conversations.config';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { ROUTER_INTAKE_GROUP_ID } from '../../apps/router/src/config/router.settings';
import { RouterModule } from '../../apps/router/src/router.module';
import { SLA_GROUP_ID, type SlaSettings } from '../../apps/sla/src/config/sla.settings';
import { SlaModule } from '../../apps/sla/src/sla.module';
import { TEST_KAFKA_BROKERS } from './infrastructure';

export interface RunningService {
  app: INestApplication;
  runtime: OwnedRuntime;
  url: string;
  stop(): Promise<void>;
}

/** The key test channel accounts' secrets are encrypted with (the gateway's SWITCHBOARD_SECRETS_KEY). */
export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

/** A unique topic/group namespace, so spec files and earlier runs never see each other's events. */
export function uniqueTopicPrefix(): string {
  return `it-${randomUUID().slice(0, 8)}.`;
}

function runtimeConfig(databaseUrl: string, topicPrefix: string, brokers = TEST_KAFKA_BROKERS) {
  return loadConfig(baseServiceSchema, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PARTITIONS: '3',
    KAFKA_TOPIC_PREFIX: topicPrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
  });
}

async function running(app: INestApplication, runtime: OwnedRuntime): Promise<RunningService> {
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    runtime,
    url,
    stop: async () => {
      await app.close();
      await runtime.close();
    },
  };
}

/** The real gateway service, in this process, on the real broker and database. */
export async function startGateway(options: {
  databaseUrl: string;
  topicPrefix: string;
  brokers?: string[];
  maxBodyBytes?: number;
  publishTimeoutMs?: number;
  publicBaseUrl?: string;
  /** 0 for a free port; omitted for none. */
  smtpPort?: number;
}): Promise<RunningService> {
  const config = runtimeConfig(options.databaseUrl, options.topicPrefix, options.brokers);
  const runtime = await connectRuntime('gateway', config, {
    publishTimeoutMs: options.publishTimeoutMs,
  });
  const gateway = GatewayModule.forRoot(runtime, {
    secretsKey: TEST_SECRETS_KEY,
    webhooks: {
      publicBaseUrl: options.publicBaseUrl ?? 'https://switchboard.test',
      metaVerifyToken: 'meta-verify-token-for-tests',
      slackSigningSecret: null,
    },
    smtp: { port: options.smtpPort ?? null, host: '127.0.0.1', maxMessageBytes: 1_048_576 },
  });
  const app = await startServiceApp(gateway, runtime, {
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: options.maxBodyBytes,
  });
  return running(app, runtime);
}

/** The real conversations service, consuming from the real broker. */
export async function startConversations(options: {
  databaseUrl: string;
  topicPrefix: string;
  reopenWindowMs?: number;
}): Promise<RunningService> {
  const config = runtimeConfig(options.databaseUrl, options.topicPrefix);
  const runtime = await connectRuntime('conversations', config);
  const app = await startServiceApp(
    ConversationsModule.forRoot(runtime, { reopenWindowMs: options.reopenWindowMs ?? 86_400_000 }),
    runtime,
    {
      host: '127.0.0.1',
      port: 0,
      consumer: {
        groupId: CONVERSATIONS_GROUP_ID,
        retry: { initialBackoffMs: 50, maxBackoffMs: 500 },
      },
    },
  );
  return running(app, runtime);
}

/** The real router service; several may run at once (replicas) with distinct instance ids. */
export async function startRouter(options: {
  databaseUrl: string;
  topicPrefix: string;
  instanceId?: string;
  ownershipCheckMs?: number;
}): Promise<RunningService> {
  const config = runtimeConfig(options.databaseUrl, options.topicPrefix);
  const runtime = await connectRuntime('router', config);
  const app = await startServiceApp(
    RouterModule.forRoot(runtime, {
      instanceId: options.instanceId ?? `router-${randomUUID().slice(0, 8)}`,
      commandPartitions: config.KAFKA_TOPIC_PARTITIONS,
      ownershipCheckMs: options.ownershipCheckMs ?? 200,
    }),
    runtime,
    {
      host: '127.0.0.1',
      port: 0,
      consumer: {
        groupId: ROUTER_INTAKE_GROUP_ID,
        retry: { initialBackoffMs: 50, maxBackoffMs: 500 },
      },
    },
  );
  return running(app, runtime);
}

/** The real SLA service; several may run at once (replicas), sharing the due clocks. */
export async function startSla(options: {
  databaseUrl: string;
  topicPrefix: string;
  scheduler?: Partial<SlaSettings['scheduler']>;
}): Promise<RunningService> {
  const config = runtimeConfig(options.databaseUrl, options.topicPrefix);
  const runtime = await connectRuntime('sla', config);
  const app = await startServiceApp(
    SlaModule.forRoot(runtime, {
      scheduler: { pollMs: 50, batchSize: 500, workers: 2, ...options.scheduler },
    }),
    runtime,
    {
      host: '127.0.0.1',
      port: 0,
      consumer: { groupId: SLA_GROUP_ID, retry: { initialBackoffMs: 50, maxBackoffMs: 500 } },
    },
  );
  return running(app, runtime);
}
