import { KafkaBus } from '@switchboard/bus';
import { decodeEnvelope, Topics, type AnyEnvelope } from '@switchboard/contracts';
import { provisionTenant, registerChannelAccount, SecretsCipher } from '@switchboard/db';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TEST_KAFKA_BROKERS } from './infrastructure';
import { messageCount } from './kafka-offsets';
import {
  startConversations,
  startGateway,
  TEST_SECRETS_KEY,
  uniqueTopicPrefix,
  type RunningService,
} from './services';
import { createTestDatabase, type TestDatabase } from './test-database';

export const PUBLIC_BASE_URL = 'https://switchboard.test';

/** A provider fixture's exact bytes (signatures are over them). */
export function fixture(provider: string, name: string): Buffer {
  return readFileSync(
    join(resolve(__dirname, '../../libs/channels/test-fixtures'), provider, name),
  );
}

/**
 * The gateway and conversations services on the real broker and a fresh database, with one
 * tenant, for driving provider webhooks end to end.
 */
export class ChannelHarness {
  private readonly cleanups: Array<() => Promise<void>> = [];

  private constructor(
    readonly database: TestDatabase,
    readonly gateway: RunningService,
    readonly conversations: RunningService,
    readonly tenantId: string,
    readonly topicPrefix: string,
  ) {}

  static async start(): Promise<ChannelHarness> {
    const database = await createTestDatabase();
    const topicPrefix = uniqueTopicPrefix();
    const conversations = await startConversations({ databaseUrl: database.url, topicPrefix });
    const gateway = await startGateway({
      databaseUrl: database.url,
      topicPrefix,
      publicBaseUrl: PUBLIC_BASE_URL,
    });
    const { tenantId } = await provisionTenant(gateway.runtime.dataSource, {
      slug: 'acme',
      name: 'Acme',
    });
    return new ChannelHarness(database, gateway, conversations, tenantId, topicPrefix);
  }

  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0)) await cleanup();
    await this.gateway.stop();
    await this.conversations.stop();
    await this.database.drop();
  }

  /** Connects a channel account to the tenant, its secrets encrypted as in production. */
  connect(channel: string, externalId: string, secrets: Record<string, string>): Promise<string> {
    return registerChannelAccount(
      this.gateway.runtime.dataSource,
      new SecretsCipher(TEST_SECRETS_KEY),
      {
        tenantId: this.tenantId,
        channel,
        externalId,
        displayName: `${channel} ${externalId}`,
        secrets,
      },
    );
  }

  post(path: string, body: Buffer | string, headers: Record<string, string>): Promise<Response> {
    return fetch(`${this.gateway.url}${path}`, { method: 'POST', headers, body });
  }

  /** Messages on the inbound topic: proof that a rejected webhook published nothing. */
  inboundCount(): Promise<number> {
    return messageCount(`${this.topicPrefix}${Topics.inboundMessages}`);
  }

  /** Collects every conversation event from the real topic, as a downstream service would. */
  async observeConversationEvents(): Promise<AnyEnvelope[]> {
    const events: AnyEnvelope[] = [];
    const observer = new KafkaBus({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'conversation-events-observer',
      partitions: 3,
      replicationFactor: 1,
      topicPrefix: this.topicPrefix,
    });
    const subscription = await observer.subscribe({
      groupId: 'observer',
      topics: [Topics.conversationEvents],
      fromBeginning: true,
      handler: async (message) => void events.push(decodeEnvelope(message.value)),
    });
    this.cleanups.push(async () => {
      await subscription.stop();
      await observer.close();
    });
    return events;
  }

  query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.gateway.runtime.dataSource.query(sql, parameters);
  }
}

/**
 * Stands in for the dispatcher (not built yet): one of our outbound messages in the
 * conversation of `afterInbound`, so a provider's delivery report has something to update.
 */
export async function insertOutboundMessage(
  harness: ChannelHarness,
  afterInbound: string,
  providerMessageId: string,
): Promise<void> {
  await harness.query(
    `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction,
                           provider_message_id, text, received_at, raw)
     SELECT gen_random_uuid(), tenant_id, conversation_id, contact_id, channel, 'outbound',
            $2, 'Our answer', now(), '{}'::jsonb
       FROM messages WHERE provider_message_id = $1`,
    [afterInbound, providerMessageId],
  );
}
