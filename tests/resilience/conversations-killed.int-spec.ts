import { KafkaBus, type BusMessage, type Subscription } from '@switchboard/bus';
import { createEnvelope, decodeEnvelope, encodeEnvelope, Topics } from '@switchboard/contracts';
import { createDataSource, provisionTenant } from '@switchboard/db';
import type { DataSource } from 'typeorm';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { TEST_KAFKA_BROKERS } from '../support/infrastructure';
import {
  freePort,
  spawnService,
  waitUntilReady,
  type ServiceProcess,
} from '../support/service-process';
import { uniqueTopicPrefix } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The conversations service is SIGKILLed while it threads a stream of messages, then
 * restarted: every acknowledged message is stored exactly once and announced, and no
 * orphan contact or conversation is left behind.
 */
describe('conversations killed mid-stream', () => {
  const topicPrefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let dataSource: DataSource;
  let bus: KafkaBus;
  let observing: Subscription;
  let service: ServiceProcess | null = null;
  const announced: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({
      url: database.url,
      applicationName: 'kill-it',
    }).initialize();
    bus = new KafkaBus({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'kill-it',
      partitions: 3,
      replicationFactor: 1,
      topicPrefix,
    });
    await bus.ensureTopics([Topics.inboundMessages, Topics.conversationEvents]);
    observing = await bus.subscribe({
      groupId: 'observer',
      topics: [Topics.conversationEvents],
      fromBeginning: true,
      handler: async (message: BusMessage) => {
        const event = decodeEnvelope(message.value);
        if (event.type === 'message.received') announced.push(event.data.providerMessageId);
      },
    });
  });

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await observing?.stop();
    await bus?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const start = async (): Promise<ServiceProcess> => {
    const port = await freePort();
    const started = spawnService('conversations', {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    await waitUntilReady(`http://127.0.0.1:${port}`, started);
    return started;
  };

  const stored = async (): Promise<number> => {
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM messages');
    return n;
  };

  it('stores every message exactly once and announces each', async () => {
    const { tenantId } = await provisionTenant(dataSource, { slug: 'kill', name: 'Kill' });
    const senders = 20;
    const perSender = 15;
    const ids: string[] = [];
    const messages = [];
    for (let round = 0; round < perSender; round++) {
      for (let sender = 0; sender < senders; sender++) {
        const providerMessageId = `s${sender}-m${round}`;
        ids.push(providerMessageId);
        const envelope = createEnvelope(
          'inbound.message_received',
          {
            channel: 'api',
            channelAccountId: null,
            providerMessageId,
            sender: { externalId: `sender-${sender}`, displayName: null, phone: null, email: null },
            threadRef: null,
            replyToProviderMessageId: null,
            text: `message ${round} from ${sender}`,
            html: null,
            attachments: [],
            location: null,
            email: null,
            sentAt: null,
            receivedAt: new Date().toISOString(),
            raw: {},
          },
          { tenantId, correlationId: providerMessageId },
        );
        messages.push({ key: `${tenantId}:api:sender-${sender}`, value: encodeEnvelope(envelope) });
      }
    }

    service = await start();
    await bus.publish(Topics.inboundMessages, messages);
    await waitFor(async () => (await stored()) >= 40, 'some messages to be threaded');
    expect(await service.stop('SIGKILL')).toBeNull(); // killed, not exited
    const storedAtKill = await stored();
    expect(storedAtKill).toBeLessThan(ids.length);

    service = await start();
    await waitFor(async () => (await stored()) === ids.length, 'every message', 90_000);
    await waitFor(
      () => ids.every((id) => announced.includes(id)),
      'every message.received',
      30_000,
    );

    const [{ distinct }] = await dataSource.query(
      'SELECT count(DISTINCT provider_message_id)::int AS distinct FROM messages',
    );
    expect(distinct).toBe(ids.length);
    const [{ contacts }] = await dataSource.query('SELECT count(*)::int AS contacts FROM contacts');
    const [{ conversations }] = await dataSource.query(
      'SELECT count(*)::int AS conversations FROM conversations',
    );
    expect(contacts).toBe(senders);
    expect(conversations).toBe(senders);
    // Each sender's messages were stored in the order sent.
    const rows: Array<{ provider_message_id: string }> = await dataSource.query(
      `SELECT provider_message_id FROM messages WHERE contact_id =
         (SELECT contact_id FROM contact_identities WHERE address = 'api:sender-3') ORDER BY created_at, id`,
    );
    expect(rows.map((row) => row.provider_message_id)).toEqual(
      Array.from({ length: perSender }, (_, round) => `s3-m${round}`),
    );
    expect(await service.stop('SIGTERM')).toBe(0);
  }, 180_000);
});
