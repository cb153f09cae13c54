import { Topics, type AnyEnvelope } from '@switchboard/contracts';
import { provisionTenant } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness } from '../support/channel-harness';
import { messageCount } from '../support/kafka-offsets';

interface Threaded {
  conversationId: string;
  contactId: string;
  status: string;
}

/**
 * The conversations service's HTTP API on the real broker and PostgreSQL: a message goes in
 * through the gateway, the conversation is resolved and the contact tiered over HTTP with the
 * tenant's API key, and the router-facing events come out of Kafka once.
 */
describe('Conversations HTTP API: resolving conversations, contact tiers', () => {
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
    const messageId = randomUUID();
    const response = await harness.post(
      '/v1/channels/api/messages',
      JSON.stringify({ messageId, from: { id: customer }, text }),
      { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    );
    expect(response.status).toBe(202);
    await waitFor(
      async () =>
        (await harness.query('SELECT 1 FROM messages WHERE provider_message_id = $1', [messageId]))
          .length === 1,
      text,
    );
    const [row] = await harness.query<{
      conversation_id: string;
      contact_id: string;
      status: string;
    }>(
      `SELECT m.conversation_id, m.contact_id, c.status
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.provider_message_id = $1`,
      [messageId],
    );
    return { conversationId: row.conversation_id, contactId: row.contact_id, status: row.status };
  };

  /** A request to the conversations service, with the tenant's key unless told otherwise. */
  const call = (
    method: 'POST' | 'PUT',
    path: string,
    options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> => {
    const key = options.key === undefined ? apiKey : options.key;
    return fetch(`${harness.conversations.url}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  };

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

  const conversationState = async (conversationId: string) => {
    const [row] = await harness.query<{ status: string; resolved_at: Date | null }>(
      'SELECT status, resolved_at FROM conversations WHERE id = $1',
      [conversationId],
    );
    return row;
  };

  it('resolves a conversation, announces it exactly once, and answers a retry the same', async () => {
    const { conversationId, contactId } = await send('customer-resolve', 'Where is my parcel?');

    const first = await call('POST', `/v1/conversations/${conversationId}/resolve`, {
      body: { resolvedBy: 'agent:ada' },
      headers: { 'x-correlation-id': 'trace-resolve-1' },
    });
    expect(first.status).toBe(200);
    const resolved = (await first.json()) as { resolvedAt: string };
    expect(resolved).toEqual({
      conversationId,
      status: 'resolved',
      resolvedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await conversationState(conversationId)).toEqual({
      status: 'resolved',
      resolved_at: new Date(resolved.resolvedAt),
    });

    // A retry (no body: resolvedBy defaults to "api") changes nothing and announces nothing.
    const again = await call('POST', `/v1/conversations/${conversationId}/resolve`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(resolved);

    await settled();
    const announced = events.filter(
      (event) =>
        event.type === 'conversation.resolved' && event.data.conversationId === conversationId,
    );
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({
      tenantId: harness.tenantId,
      correlationId: 'trace-resolve-1',
      causationId: null,
      data: {
        conversationId,
        contactId,
        channel: 'api',
        resolvedAt: resolved.resolvedAt,
        resolvedBy: 'agent:ada',
      },
    });
    const [{ keyed }] = await harness.query<{ keyed: number }>(
      `SELECT count(*)::int AS keyed FROM outbox
        WHERE headers->>'event-type' = 'conversation.resolved' AND message_key = $1`,
      [conversationId],
    );
    expect(keyed).toBe(1);
  });

  it('is scoped to the tenant of the API key and names what is wrong with a request', async () => {
    const { conversationId } = await send('customer-scoped', 'Hello?');
    const resolvePath = `/v1/conversations/${conversationId}/resolve`;

    const otherTenant = await call('POST', resolvePath, { key: otherTenantKey });
    expect(otherTenant.status).toBe(404);
    expect(await otherTenant.json()).toMatchObject({ error: 'conversation_not_found' });
    const unknown = await call('POST', `/v1/conversations/${randomUUID()}/resolve`);
    expect(unknown.status).toBe(404);

    const malformed = await call('POST', '/v1/conversations/not-a-uuid/resolve');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: 'invalid_request',
      message: 'conversationId: must be a UUID',
      fields: [{ field: 'conversationId', problem: 'must be a UUID' }],
    });
    const nobody = await call('POST', resolvePath, { body: { resolvedBy: '  ' } });
    expect(nobody.status).toBe(400);
    expect(await nobody.json()).toMatchObject({ fields: [{ field: 'resolvedBy' }] });

    expect((await call('POST', resolvePath, { key: null })).status).toBe(401);
    expect((await call('POST', resolvePath, { key: 'sb_not-a-real-key' })).status).toBe(401);
    // X-Api-Key works as on the gateway; the guard runs before the parameter is looked at.
    const byHeader = await call('POST', '/v1/conversations/not-a-uuid/resolve', {
      key: null,
      headers: { 'x-api-key': apiKey },
    });
    expect(byHeader.status).toBe(400);
    expect((await call('POST', '/v1/conversations/not-a-uuid/resolve', { key: null })).status).toBe(
      401,
    );

    // None of those touched the conversation or announced anything.
    expect((await conversationState(conversationId)).status).toBe('open');
    await settled();
    expect(
      events.some(
        (event) =>
          event.type === 'conversation.resolved' && event.data.conversationId === conversationId,
      ),
    ).toBe(false);
  });

  it('sets, keeps and clears a contact tier, announcing only changes', async () => {
    const { contactId } = await send('customer-tier', 'I am a good customer');
    const tierPath = `/v1/contacts/${contactId}/tier`;

    const vip = await call('PUT', tierPath, { body: { tier: 'vip' } });
    expect(vip.status).toBe(200);
    expect(await vip.json()).toEqual({ contactId, tier: 'vip' });
    const same = await call('PUT', tierPath, { body: { tier: 'vip' } });
    expect(same.status).toBe(200);
    expect(await same.json()).toEqual({ contactId, tier: 'vip' });
    const [stored] = await harness.query<{ tier: string | null }>(
      'SELECT tier FROM contacts WHERE id = $1',
      [contactId],
    );
    expect(stored.tier).toBe('vip');

    const cleared = await call('PUT', tierPath, { body: { tier: null } });
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toEqual({ contactId, tier: null });

    await settled();
    const changes = events.filter(
      (event) => event.type === 'contact.tier_changed' && event.data.contactId === contactId,
    );
    expect(changes.map((event) => event.data)).toEqual([
      { contactId, tier: 'vip', changedAt: expect.any(String) },
      { contactId, tier: null, changedAt: expect.any(String) },
    ]);
    expect(changes.every((event) => event.tenantId === harness.tenantId)).toBe(true);

    for (const [body, field] of [
      [{ tier: 'V.I.P.' }, 'tier'],
      [{ tier: 'x'.repeat(41) }, 'tier'],
      [{}, 'tier'],
    ] as const) {
      const invalid = await call('PUT', tierPath, { body });
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toMatchObject({ error: 'invalid_request', fields: [{ field }] });
    }
    const malformed = await call('PUT', '/v1/contacts/42/tier', { body: { tier: 'vip' } });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ fields: [{ field: 'contactId' }] });
    const otherTenant = await call('PUT', tierPath, {
      body: { tier: 'gold' },
      key: otherTenantKey,
    });
    expect(otherTenant.status).toBe(404);
    expect(await otherTenant.json()).toMatchObject({ error: 'contact_not_found' });
    expect((await call('PUT', tierPath, { body: { tier: 'gold' }, key: null })).status).toBe(401);

    // The database holds the same rule as the API.
    await expect(
      harness.query('UPDATE contacts SET tier = $2 WHERE id = $1', [contactId, 'Gold Tier']),
    ).rejects.toThrow(/contacts_tier/);
  });

  it('a customer writing again after an API resolution reopens the conversation', async () => {
    const first = await send('customer-reopen', 'My parcel is late');
    const response = await call('POST', `/v1/conversations/${first.conversationId}/resolve`);
    expect(response.status).toBe(200);
    const { resolvedAt } = (await response.json()) as { resolvedAt: string };

    const again = await send('customer-reopen', 'It still has not come');
    expect(again).toEqual({ ...first, status: 'open' });
    expect(await conversationState(first.conversationId)).toEqual({
      status: 'open',
      resolved_at: null,
    });
    await waitFor(
      () =>
        events.some(
          (event) =>
            event.type === 'conversation.reopened' &&
            event.data.conversationId === first.conversationId,
        ),
      'conversation.reopened',
    );
    // Keyed by conversation, so in order: opened, resolved (by "api"), reopened.
    const lifecycle = events.filter(
      (event) =>
        event.type.startsWith('conversation.') &&
        'conversationId' in event.data &&
        event.data.conversationId === first.conversationId,
    );
    expect(lifecycle.map((event) => event.type)).toEqual([
      'conversation.opened',
      'conversation.resolved',
      'conversation.reopened',
    ]);
    expect(lifecycle[1].data).toMatchObject({ resolvedBy: 'api', resolvedAt });
    expect(lifecycle[2].data).toMatchObject({ resolvedAt });

    // Resolvable again: the reopened conversation is an ordinary open one.
    const resolvedAgain = await call('POST', `/v1/conversations/${first.conversationId}/resolve`);
    expect(resolvedAgain.status).toBe(200);
    expect(((await resolvedAgain.json()) as { resolvedAt: string }).resolvedAt).not.toBe(
      resolvedAt,
    );
  });
});
