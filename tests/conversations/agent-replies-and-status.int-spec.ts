import { Topics, type AnyEnvelope } from '@switchboard/contracts';
import { provisionTenant } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness } from '../support/channel-harness';
import { messageCount } from '../support/kafka-offsets';

interface Threaded {
  conversationId: string;
  contactId: string;
  messageId: string;
}

/**
 * Agents' replies and conversation statuses over the conversations service's HTTP API, on the
 * real broker and PostgreSQL: `message.sent` and `conversation.status_changed` come out of Kafka
 * once, in order with the customer's own events, and a timed snooze ends by itself.
 */
describe('Conversations HTTP API: agent replies, pending and snoozed conversations', () => {
  let harness: ChannelHarness;
  let apiKey: string;
  let otherTenantKey: string;
  let events: AnyEnvelope[] = [];

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    ({ apiKey } = await provisionTenant(harness.gateway.runtime.dataSource, {
      slug: 'acme',
      name: 'Acme',
    }));
    ({ apiKey: otherTenantKey } = await provisionTenant(harness.gateway.runtime.dataSource, {
      slug: 'globex',
      name: 'Globex',
    }));
    events = await harness.observeConversationEvents();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** A customer message through the gateway's API channel, once conversations has threaded it. */
  const send = async (customer: string, text: string): Promise<Threaded> => {
    const providerMessageId = randomUUID();
    const response = await harness.post(
      '/v1/channels/api/messages',
      JSON.stringify({ messageId: providerMessageId, from: { id: customer }, text }),
      { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    );
    expect(response.status).toBe(202);
    await waitFor(
      async () =>
        (
          await harness.query('SELECT 1 FROM messages WHERE provider_message_id = $1', [
            providerMessageId,
          ])
        ).length === 1,
      text,
    );
    const [row] = await harness.query<{ id: string; conversation_id: string; contact_id: string }>(
      'SELECT id, conversation_id, contact_id FROM messages WHERE provider_message_id = $1',
      [providerMessageId],
    );
    return { conversationId: row.conversation_id, contactId: row.contact_id, messageId: row.id };
  };

  /** A POST to the conversations service, with the tenant's key unless told otherwise. */
  const post = (
    path: string,
    body: unknown,
    options: { key?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> =>
    fetch(`${harness.conversations.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${options.key ?? apiKey}`,
        ...options.headers,
      },
      body: JSON.stringify(body),
    });

  /** Every event the outbox holds is on Kafka and in `events`: what is missing now never came. */
  const settled = async (): Promise<void> => {
    await waitFor(
      async () =>
        (await harness.query('SELECT 1 FROM outbox WHERE published_at IS NULL')).length === 0,
      'the outbox to drain',
    );
    const topic = `${harness.topicPrefix}${Topics.conversationEvents}`;
    const published = await messageCount(topic);
    await waitFor(() => events.length >= published, 'the observer to catch up');
  };

  /** The conversation's events as consumed from Kafka (one key, so one partition, in order). */
  const eventsOf = (conversationId: string, ...types: string[]): AnyEnvelope[] =>
    events.filter(
      (event) =>
        types.includes(event.type) &&
        'conversationId' in event.data &&
        event.data.conversationId === conversationId,
    );

  const conversationRow = async (conversationId: string) => {
    const [row] = await harness.query<{
      status: string;
      snoozed_until: Date | null;
      last_message_at: Date;
    }>('SELECT status, snoozed_until, last_message_at FROM conversations WHERE id = $1', [
      conversationId,
    ]);
    return row;
  };

  it('stores a reply, announces message.sent once, and answers a retry with the first reply', async () => {
    const { conversationId, contactId } = await send('customer-reply', 'Where is my parcel?');
    const body = { agentId: 'ada', text: 'It left our warehouse today.', clientMessageId: 'c-1' };

    const first = await post(`/v1/conversations/${conversationId}/replies`, body, {
      headers: { 'x-correlation-id': 'trace-reply-1' },
    });
    expect(first.status).toBe(201);
    const sent = (await first.json()) as { messageId: string; sentAt: string };
    expect(sent).toEqual({
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      conversationId,
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const again = await post(`/v1/conversations/${conversationId}/replies`, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...sent, conversationId });

    const stored = await harness.query<Record<string, unknown>>(
      `SELECT conversation_id, contact_id, channel, direction, provider_message_id, text,
              sent_at, received_at, raw
         FROM messages WHERE direction = 'outbound' AND conversation_id = $1`,
      [conversationId],
    );
    expect(stored).toEqual([
      {
        conversation_id: conversationId,
        contact_id: contactId,
        channel: 'api',
        direction: 'outbound',
        provider_message_id: 'client:c-1',
        text: body.text,
        sent_at: new Date(sent.sentAt),
        received_at: new Date(sent.sentAt),
        raw: body,
      },
    ]);
    expect((await conversationRow(conversationId)).last_message_at).toEqual(new Date(sent.sentAt));

    // Without a client id, every request is a new reply under our own id.
    const unkeyed = await post(`/v1/conversations/${conversationId}/replies`, {
      agentId: 'ada',
      text: 'Anything else?',
    });
    expect(unkeyed.status).toBe(201);
    const { messageId: unkeyedId } = (await unkeyed.json()) as { messageId: string };
    const [{ provider_message_id }] = await harness.query<{ provider_message_id: string }>(
      'SELECT provider_message_id FROM messages WHERE id = $1',
      [unkeyedId],
    );
    expect(provider_message_id).toBe(`switchboard:${unkeyedId}`);

    await settled();
    const announced = eventsOf(conversationId, 'message.sent');
    expect(announced.map((event) => event.data)).toEqual([
      {
        messageId: sent.messageId,
        conversationId,
        contactId,
        channel: 'api',
        agentId: 'ada',
        text: body.text,
        sentAt: sent.sentAt,
      },
      expect.objectContaining({ messageId: unkeyedId, text: 'Anything else?' }),
    ]);
    expect(announced[0]).toMatchObject({
      tenantId: harness.tenantId,
      correlationId: 'trace-reply-1',
      causationId: null,
    });
    const [{ keyed }] = await harness.query<{ keyed: number }>(
      `SELECT count(*)::int AS keyed FROM outbox
        WHERE headers->>'event-type' = 'message.sent' AND message_key = $1`,
      [conversationId],
    );
    expect(keyed).toBe(2);
  });

  it('refuses resolved conversations (409) and other tenants (404), changing nothing', async () => {
    const { conversationId } = await send('customer-refused', 'Hello?');
    const reply = { agentId: 'ada', text: 'Hi!' };

    const otherTenantReply = await post(`/v1/conversations/${conversationId}/replies`, reply, {
      key: otherTenantKey,
    });
    expect(otherTenantReply.status).toBe(404);
    expect(await otherTenantReply.json()).toMatchObject({ error: 'conversation_not_found' });
    const otherTenantStatus = await post(
      `/v1/conversations/${conversationId}/status`,
      { status: 'pending' },
      { key: otherTenantKey },
    );
    expect(otherTenantStatus.status).toBe(404);
    const unknown = await post(`/v1/conversations/${randomUUID()}/replies`, reply);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'conversation_not_found' });

    expect((await post(`/v1/conversations/${conversationId}/resolve`, {})).status).toBe(200);
    const toResolved = await post(`/v1/conversations/${conversationId}/replies`, reply);
    expect(toResolved.status).toBe(409);
    expect(await toResolved.json()).toMatchObject({ error: 'conversation_resolved' });
    const statusOfResolved = await post(`/v1/conversations/${conversationId}/status`, {
      status: 'open',
    });
    expect(statusOfResolved.status).toBe(409);
    expect(await statusOfResolved.json()).toMatchObject({ error: 'conversation_resolved' });

    expect((await conversationRow(conversationId)).status).toBe('resolved');
    const [{ outbound }] = await harness.query<{ outbound: number }>(
      `SELECT count(*)::int AS outbound FROM messages
        WHERE conversation_id = $1 AND direction = 'outbound'`,
      [conversationId],
    );
    expect(outbound).toBe(0);
    await settled();
    expect(eventsOf(conversationId, 'message.sent', 'conversation.status_changed')).toEqual([]);
  });

  it('sets a conversation pending once; the customer writing opens it before the message counts', async () => {
    const { conversationId, contactId } = await send('customer-pending', 'Can I change my order?');

    const pending = await post(
      `/v1/conversations/${conversationId}/status`,
      { status: 'pending', changedBy: 'ada' },
      { headers: { 'x-correlation-id': 'trace-pending-1' } },
    );
    expect(pending.status).toBe(200);
    expect(await pending.json()).toEqual({ conversationId, status: 'pending', snoozedUntil: null });
    // The same again answers the same and announces nothing.
    const again = await post(`/v1/conversations/${conversationId}/status`, { status: 'pending' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ conversationId, status: 'pending', snoozedUntil: null });
    expect((await conversationRow(conversationId)).status).toBe('pending');

    const answer = await send('customer-pending', 'Yes: the blue one, please');
    expect(answer.conversationId).toBe(conversationId);
    expect((await conversationRow(conversationId)).status).toBe('open');

    await settled();
    const changes = eventsOf(conversationId, 'conversation.status_changed');
    expect(changes.map((event) => event.data)).toEqual([
      {
        conversationId,
        contactId,
        channel: 'api',
        status: 'pending',
        previousStatus: 'open',
        snoozedUntil: null,
        changedBy: 'ada',
        changedAt: expect.any(String),
      },
      {
        conversationId,
        contactId,
        channel: 'api',
        status: 'open',
        previousStatus: 'pending',
        snoozedUntil: null,
        changedBy: 'customer_message',
        changedAt: expect.any(String),
      },
    ]);
    expect(changes[0]).toMatchObject({
      tenantId: harness.tenantId,
      correlationId: 'trace-pending-1',
    });
    // On Kafka, in this order: opened, received, pending, open again, then the new message.
    const lifecycle = eventsOf(
      conversationId,
      'conversation.opened',
      'conversation.status_changed',
      'message.received',
    );
    expect(
      lifecycle.map((event) =>
        event.type === 'conversation.status_changed' ? `status:${event.data.status}` : event.type,
      ),
    ).toEqual([
      'conversation.opened',
      'message.received',
      'status:pending',
      'status:open',
      'message.received',
    ]);
    expect(lifecycle[4].data).toMatchObject({ messageId: answer.messageId });
    // Both came from the customer's message: one trace, caused by the inbound event.
    expect(lifecycle[3].causationId).toBe(lifecycle[4].causationId);
    expect(lifecycle[3].causationId).not.toBeNull();
  });

  it('ends a timed snooze by itself, announcing snooze_expired', async () => {
    const { conversationId, contactId } = await send('customer-snooze', 'Call me back tomorrow');
    const until = new Date(Date.now() + 1_500).toISOString();

    const snoozed = await post(`/v1/conversations/${conversationId}/status`, {
      status: 'snoozed',
      snoozedUntil: until,
    });
    expect(snoozed.status).toBe(200);
    expect(await snoozed.json()).toEqual({
      conversationId,
      status: 'snoozed',
      snoozedUntil: until,
    });
    expect(await conversationRow(conversationId)).toMatchObject({
      status: 'snoozed',
      snoozed_until: new Date(until),
    });

    await waitFor(
      () =>
        eventsOf(conversationId, 'conversation.status_changed').some(
          (event) => event.type === 'conversation.status_changed' && event.data.status === 'open',
        ),
      'the snooze to end',
      15_000,
    );
    expect(await conversationRow(conversationId)).toMatchObject({
      status: 'open',
      snoozed_until: null,
    });
    await settled();
    expect(eventsOf(conversationId, 'conversation.status_changed').map((e) => e.data)).toEqual([
      {
        conversationId,
        contactId,
        channel: 'api',
        status: 'snoozed',
        previousStatus: 'open',
        snoozedUntil: until,
        changedBy: 'api',
        changedAt: expect.any(String),
      },
      {
        conversationId,
        contactId,
        channel: 'api',
        status: 'open',
        previousStatus: 'snoozed',
        snoozedUntil: null,
        changedBy: 'snooze_expired',
        changedAt: until,
      },
    ]);
  });

  it('a snooze until the customer writes ends with their message', async () => {
    const { conversationId } = await send('customer-snooze-open', 'I will send the photo later');
    const snoozed = await post(`/v1/conversations/${conversationId}/status`, {
      status: 'snoozed',
      changedBy: 'ada',
    });
    expect(snoozed.status).toBe(200);
    expect(await snoozed.json()).toEqual({ conversationId, status: 'snoozed', snoozedUntil: null });

    await send('customer-snooze-open', 'Here it is');
    expect((await conversationRow(conversationId)).status).toBe('open');
    await settled();
    expect(
      eventsOf(conversationId, 'conversation.status_changed').map((event) => event.data),
    ).toEqual([
      expect.objectContaining({ status: 'snoozed', snoozedUntil: null, changedBy: 'ada' }),
      expect.objectContaining({
        status: 'open',
        previousStatus: 'snoozed',
        changedBy: 'customer_message',
      }),
    ]);
  });

  it('answers 400 naming the field for a bad body, changing nothing', async () => {
    const { conversationId } = await send('customer-bad-bodies', 'Hi');
    const replies = `/v1/conversations/${conversationId}/replies`;
    const status = `/v1/conversations/${conversationId}/status`;

    for (const [path, body, field] of [
      [replies, { text: 'Hi' }, 'agentId'],
      [replies, { agentId: 'agent:ada', text: 'Hi' }, 'agentId'],
      [replies, { agentId: 'ada' }, 'text'],
      [replies, { agentId: 'ada', text: '' }, 'text'],
      [replies, { agentId: 'ada', text: 'x'.repeat(65_537) }, 'text'],
      [replies, { agentId: 'ada', text: 'a\u0000b' }, 'text'],
      [replies, { agentId: 'ada', text: 'Hi', clientMessageId: '' }, 'clientMessageId'],
      [status, {}, 'status'],
      [status, { status: 'resolved' }, 'status'],
      [status, { status: 'pending', snoozedUntil: '2099-01-01T00:00:00Z' }, 'snoozedUntil'],
      [status, { status: 'snoozed', snoozedUntil: '2099-01-01T00:00:00' }, 'snoozedUntil'],
      [status, { status: 'snoozed', snoozedUntil: '2020-01-01T00:00:00Z' }, 'snoozedUntil'],
      [status, { status: 'open', changedBy: '' }, 'changedBy'],
    ] as const) {
      const response = await post(path, body);
      expect({ path, body, status: response.status }).toEqual({ path, body, status: 400 });
      expect(await response.json()).toMatchObject({
        error: 'invalid_request',
        fields: [{ field }],
      });
    }
    const malformed = await post('/v1/conversations/42/replies', { agentId: 'ada', text: 'Hi' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ fields: [{ field: 'conversationId' }] });

    expect((await conversationRow(conversationId)).status).toBe('open');
    await settled();
    expect(eventsOf(conversationId, 'message.sent', 'conversation.status_changed')).toEqual([]);
  });
});
