import { deadLetterTopicOf, KafkaBus, type BusMessage, type Subscription } from '@switchboard/bus';
import { decodeEnvelope, Topics, type AnyEnvelope } from '@switchboard/contracts';
import { provisionTenant } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { TEST_KAFKA_BROKERS } from '../support/infrastructure';
import { messageCount } from '../support/kafka-offsets';
import {
  startConversations,
  startGateway,
  uniqueTopicPrefix,
  type RunningService,
} from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The foundation's end-to-end slice on the real broker and PostgreSQL: an API-channel POST to
 * the gateway goes through Kafka to conversations, is stored once, and events come out.
 */
describe('API channel: gateway → Kafka → conversations', () => {
  const topicPrefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let gateway: RunningService;
  let conversations: RunningService;
  let apiKey: string;
  let tenantId: string;
  let observer: KafkaBus;
  let observing: Subscription;
  const events: AnyEnvelope[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    conversations = await startConversations({ databaseUrl: database.url, topicPrefix });
    gateway = await startGateway({ databaseUrl: database.url, topicPrefix, maxBodyBytes: 16_384 });
    ({ apiKey, tenantId } = await provisionTenant(gateway.runtime.dataSource, {
      slug: 'acme',
      name: 'Acme',
    }));
    observer = new KafkaBus({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'slice-observer',
      partitions: 3,
      replicationFactor: 1,
      topicPrefix,
    });
    observing = await observer.subscribe({
      groupId: 'observer',
      topics: [Topics.conversationEvents],
      fromBeginning: true,
      handler: async (message: BusMessage) => void events.push(decodeEnvelope(message.value)),
    });
  });

  afterAll(async () => {
    await observing?.stop();
    await observer?.close();
    await gateway?.stop();
    await conversations?.stop();
    await database?.drop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/v1/channels/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${apiKey}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const count = async (table: string): Promise<number> => {
    const [{ n }] = await gateway.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`,
      [tenantId],
    );
    return n;
  };

  const message = (overrides: Record<string, unknown> = {}) => ({
    messageId: randomUUID(),
    from: { id: 'crm-customer-7', name: 'Grace Hopper' },
    text: 'My order has not arrived',
    ...overrides,
  });

  it('stores the message and publishes contact.created, conversation.opened, message.received', async () => {
    const body = message();
    const response = await post(body, { 'x-correlation-id': 'trace-slice-1' });
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { status: string; eventId: string };
    expect(accepted).toEqual({ status: 'accepted', eventId: expect.any(String) });

    const mine = () => events.filter((event) => event.correlationId === 'trace-slice-1');
    await waitFor(() => mine().length === 3, 'three events');
    // Conversation events are keyed by conversation (ordered); contact events by contact.
    expect(
      mine()
        .map((event) => event.type)
        .sort(),
    ).toEqual(['contact.created', 'conversation.opened', 'message.received']);
    const conversationEvents = mine().filter((event) => event.type !== 'contact.created');
    expect(conversationEvents.map((event) => event.type)).toEqual([
      'conversation.opened',
      'message.received',
    ]);
    for (const event of mine()) {
      expect(event.tenantId).toBe(tenantId);
      expect(event.causationId).toBe(accepted.eventId);
    }
    const received = conversationEvents[1];
    if (received.type !== 'message.received') throw new Error('unexpected event order');
    expect(received.data).toMatchObject({
      channel: 'api',
      providerMessageId: body.messageId,
      text: 'My order has not arrived',
    });

    const [stored] = await gateway.runtime.dataSource.query(
      `SELECT m.text, m.provider_message_id, c.status, ct.display_name, ci.address
         FROM messages m
         JOIN conversations c ON c.id = m.conversation_id
         JOIN contacts ct ON ct.id = m.contact_id
         JOIN contact_identities ci ON ci.contact_id = ct.id
        WHERE m.tenant_id = $1`,
      [tenantId],
    );
    expect(stored).toEqual({
      text: 'My order has not arrived',
      provider_message_id: body.messageId,
      status: 'open',
      display_name: 'Grace Hopper',
      address: 'api:crm-customer-7',
    });
  });

  it('threads the next message of the same customer into the same conversation', async () => {
    const response = await post(message({ text: 'Any news?' }), {
      'x-correlation-id': 'trace-slice-2',
    });
    expect(response.status).toBe(202);
    await waitFor(async () => (await count('messages')) === 2, 'second message stored');
    expect(await count('conversations')).toBe(1);
    expect(await count('contacts')).toBe(1);
    await waitFor(() => events.some((event) => event.correlationId === 'trace-slice-2'), 'events');
    expect(
      events.filter((event) => event.correlationId === 'trace-slice-2').map((event) => event.type),
    ).toEqual(['message.received']);
  });

  it('accepts a retry of the same message id but stores and announces it once', async () => {
    const body = message({ text: 'Sent twice by a flaky client' });
    expect((await post(body, { 'x-correlation-id': 'trace-retry-a' })).status).toBe(202);
    expect((await post(body, { 'x-correlation-id': 'trace-retry-b' })).status).toBe(202);
    const sentinel = message({ text: 'after the retry' });
    expect((await post(sentinel, { 'x-correlation-id': 'trace-sentinel' })).status).toBe(202);
    // The same sender's messages are handled in order, so once the sentinel is in, both copies were seen.
    await waitFor(
      () => events.some((event) => event.correlationId === 'trace-sentinel'),
      'sentinel',
    );
    const [{ n }] = await gateway.runtime.dataSource.query(
      'SELECT count(*)::int AS n FROM messages WHERE provider_message_id = $1',
      [body.messageId],
    );
    expect(n).toBe(1);
    const announced = events.filter(
      (event) =>
        event.type === 'message.received' && event.data.providerMessageId === body.messageId,
    );
    expect(announced).toHaveLength(1);
  });

  it('rejects a missing or wrong API key with 401 and publishes nothing', async () => {
    const before = await messageCount(`${topicPrefix}${Topics.inboundMessages}`);
    const missing = await fetch(`${gateway.url}/v1/channels/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message()),
    });
    expect(missing.status).toBe(401);
    const wrong = await post(message(), { authorization: 'Bearer sb_not-a-real-key' });
    expect(wrong.status).toBe(401);
    expect(await messageCount(`${topicPrefix}${Topics.inboundMessages}`)).toBe(before);
  });

  it('answers 400 naming the field for a malformed body, and publishes nothing', async () => {
    const before = await messageCount(`${topicPrefix}${Topics.inboundMessages}`);
    const response = await post({ messageId: 'm-1', from: {}, text: 'hi' });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { message: string; fields: unknown[] };
    expect(problem.message).toContain('from.id');
    expect(problem.fields).toEqual([{ field: 'from.id', problem: expect.any(String) }]);

    const unstorable = await post(message({ text: 'a\u0000b' }));
    expect(unstorable.status).toBe(400);
    expect(((await unstorable.json()) as { message: string }).message).toMatch(/^text: /);

    const notJson = await post('{"messageId": ');
    expect(notJson.status).toBe(400);
    expect(await messageCount(`${topicPrefix}${Topics.inboundMessages}`)).toBe(before);
  });

  it('answers 413 for a body over the configured limit', async () => {
    const response = await post(message({ text: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
  });

  it('dead-letters a malformed event at once, with the reason, and keeps consuming', async () => {
    const deadLetters: BusMessage[] = [];
    const reader = await observer.subscribe({
      groupId: 'dlq-reader',
      topics: [deadLetterTopicOf(Topics.inboundMessages)],
      fromBeginning: true,
      handler: async (message) => void deadLetters.push(message),
    });
    try {
      await observer.publish(Topics.inboundMessages, [
        { key: 'bad', value: Buffer.from(JSON.stringify({ type: 'inbound.message_received' })) },
      ]);
      const after = message({ text: 'still flowing' });
      expect((await post(after, { 'x-correlation-id': 'trace-after-poison' })).status).toBe(202);
      await waitFor(() => deadLetters.length === 1, 'the dead letter');
      expect(deadLetters[0].headers).toMatchObject({
        'dlq-reason': 'contract-violation',
        'dlq-attempts': '1',
        'dlq-group': 'conversations',
      });
      expect(deadLetters[0].headers['dlq-error']).toMatch(/Invalid envelope.*id/);
      await waitFor(
        () => events.some((event) => event.correlationId === 'trace-after-poison'),
        'the next message to be handled',
      );
    } finally {
      await reader.stop();
    }
  });

  it('reports ready with its database and bus, and exposes Prometheus metrics', async () => {
    const ready = await fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      checks: [
        { name: 'database', ok: true },
        { name: 'bus', ok: true },
      ],
    });
    expect((await fetch(`${conversations.url}/health/live`)).status).toBe(200);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(
      /switchboard_events_published_total\{[^}]*type="inbound.message_received"[^}]*\} [1-9]/,
    );
    expect(metrics).toMatch(
      /switchboard_http_requests_total\{[^}]*route="\/v1\/channels\/api\/messages"[^}]*status="202"[^}]*\} [1-9]/,
    );
    const consumed = await (await fetch(`${conversations.url}/metrics`)).text();
    expect(consumed).toMatch(/switchboard_events_consumed_total\{[^}]*outcome="ok"[^}]*\} [1-9]/);
  });
});

describe('API channel when Kafka is unreachable', () => {
  it('answers 503 with Retry-After, so the sender retries', async () => {
    const database = await createTestDatabase();
    const gateway = await startGateway({
      databaseUrl: database.url,
      topicPrefix: uniqueTopicPrefix(),
      brokers: ['127.0.0.1:1'],
      publishTimeoutMs: 1_500,
    });
    try {
      const { apiKey } = await provisionTenant(gateway.runtime.dataSource, {
        slug: 'down',
        name: 'Down',
      });
      const response = await fetch(`${gateway.url}/v1/channels/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ messageId: 'm-1', from: { id: 'c-1' }, text: 'hello?' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const ready = await fetch(`${gateway.url}/health/ready`);
      expect(ready.status).toBe(503);
    } finally {
      await gateway.stop();
      await database.drop();
    }
  });
});
