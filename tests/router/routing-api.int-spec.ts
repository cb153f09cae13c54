import { provisionTenant } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import {
  startConversations,
  startGateway,
  startRouter,
  uniqueTopicPrefix,
  type RunningService,
} from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

/** A JSON answer, read loosely: the assertions say what it must hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Reply {
  status: number;
  body: Json;
}

/**
 * The router's HTTP API on the real broker and PostgreSQL, with the gateway and the
 * conversations service in front: a tenant configures skills, an agent, queues and settings;
 * a customer message through the API channel is offered to the online agent; the agent
 * accepts (once), the conversation is explained and transferred; every route is scoped to
 * the tenant of the API key and named in the OpenAPI document.
 */
describe('Routing HTTP API', () => {
  const topicPrefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let router: RunningService;
  let conversations: RunningService;
  let gateway: RunningService;
  let tenantId: string;
  let apiKey: string;
  let otherTenantKey: string;
  /** The conversation the customer's first message opened. */
  let conversationId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    router = await startRouter({ databaseUrl: database.url, topicPrefix });
    conversations = await startConversations({ databaseUrl: database.url, topicPrefix });
    gateway = await startGateway({ databaseUrl: database.url, topicPrefix });
    ({ tenantId, apiKey } = await provisionTenant(router.runtime.dataSource, {
      slug: 'acme',
      name: 'Acme',
    }));
    ({ apiKey: otherTenantKey } = await provisionTenant(router.runtime.dataSource, {
      slug: 'globex',
      name: 'Globex',
    }));
    // The router claims a tenant once Kafka has given it the tenant's partition.
    await waitFor(
      async () =>
        (await query('SELECT 1 FROM routing_owners WHERE tenant_id = $1', [tenantId])).length > 0,
      'the router to own the tenant',
      30_000,
    );
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    await conversations?.stop();
    await router?.stop();
    await database?.drop();
  });

  const query = <T = Record<string, unknown>>(
    sql: string,
    parameters: unknown[] = [],
  ): Promise<T[]> => router.runtime.dataSource.query(sql, parameters);

  /** A request to the router, with the tenant's key unless told otherwise. */
  const call = async (
    method: Method,
    path: string,
    options: { body?: unknown; key?: string | null } = {},
  ): Promise<Reply> => {
    const key = options.key === undefined ? apiKey : options.key;
    const response = await fetch(`${router.url}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  /** A customer message through the gateway's API channel; resolves with its conversation. */
  const customerWrites = async (customer: string, text: string): Promise<string> => {
    const messageId = randomUUID();
    const response = await fetch(`${gateway.url}/v1/channels/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ messageId, from: { id: customer }, text }),
    });
    expect(response.status).toBe(202);
    let conversation: string | undefined;
    await waitFor(async () => {
      const rows = await query<{ conversation_id: string }>(
        'SELECT conversation_id FROM messages WHERE provider_message_id = $1',
        [messageId],
      );
      conversation = rows[0]?.conversation_id;
      return conversation !== undefined;
    }, `the message "${text}" to be threaded`);
    return conversation!;
  };

  /** Polls the routing view of a conversation until it satisfies `done`. */
  const routed = async (id: string, done: (body: Json) => boolean): Promise<Json> => {
    let last: Reply | undefined;
    await waitFor(
      async () => {
        last = await call('GET', `/v1/routing/conversations/${id}`);
        return last.status === 200 && done(last.body);
      },
      `conversation ${id} to be routed as expected (last: ${JSON.stringify(last?.body)})`,
    );
    return last!.body;
  };

  it('configures the skill catalogue, an agent, queues, rules and settings', async () => {
    const billing = await call('PUT', '/v1/routing/skills/billing', {
      body: { description: 'Invoices and refunds' },
    });
    expect(billing.status).toBe(201);
    expect(billing.body).toEqual({
      name: 'billing',
      description: 'Invoices and refunds',
      createdAt: expect.any(String),
    });
    // Again without a description: 200, and the description is kept.
    const again = await call('PUT', '/v1/routing/skills/billing');
    expect(again.status).toBe(200);
    expect(again.body.description).toBe('Invoices and refunds');
    expect((await call('PUT', '/v1/routing/skills/spanish', { body: {} })).status).toBe(201);
    expect((await call('PUT', '/v1/routing/skills/obsolete')).status).toBe(201);
    expect((await call('DELETE', '/v1/routing/skills/obsolete')).status).toBe(204);
    expect((await call('DELETE', '/v1/routing/skills/obsolete')).body).toMatchObject({
      error: 'unknown_skill',
    });
    const skills = await call('GET', '/v1/routing/skills');
    expect(skills.body.map((skill: { name: string }) => skill.name)).toEqual([
      'billing',
      'spanish',
    ]);

    const ada = await call('PUT', '/v1/routing/agents/ada', {
      body: {
        name: 'Ada',
        skills: { billing: 7 },
        languages: ['eng'],
        capacity: { totalUnits: 2, channels: { api: { units: 1, max: 2 } } },
      },
    });
    expect(ada.status).toBe(201);
    expect(ada.body).toMatchObject({
      id: 'ada',
      name: 'Ada',
      skills: { billing: 7 },
      languages: ['eng'],
      presence: 'offline',
      connected: true,
      load: { offered: 0, assigned: 0, usedUnits: 0, totalUnits: 2 },
    });
    const redefined = await call('PUT', '/v1/routing/agents/ada', {
      body: {
        name: 'Ada L.',
        skills: { billing: 8 },
        languages: ['eng'],
        capacity: { totalUnits: 2 },
      },
    });
    expect(redefined.status).toBe(200);
    expect(redefined.body).toMatchObject({ name: 'Ada L.', skills: { billing: 8 } });

    const billingQueue = await call('PUT', '/v1/routing/queues/billing', {
      body: {
        name: 'Billing',
        requiredSkills: [{ skill: 'billing', minLevel: 3 }],
        autoAccept: false,
        offerTimeoutSeconds: 30,
      },
    });
    expect(billingQueue.status).toBe(201);
    expect(billingQueue.body).toMatchObject({
      id: 'billing',
      name: 'Billing',
      priority: 0,
      optionalSkills: [],
      strategy: 'longest_idle',
      widening: [],
      offerTimeoutSeconds: 30,
      autoAccept: false,
      affinity: { windowSeconds: 0, waitSeconds: 0 },
    });
    const [stored] = await query<{ definition: Record<string, unknown> }>(
      'SELECT definition FROM routing_queues WHERE tenant_id = $1 AND id = $2',
      [tenantId, 'billing'],
    );
    expect(stored!.definition).toMatchObject({
      id: 'billing',
      requiredSkills: [{ skill: 'billing', minLevel: 3 }],
    });
    expect(
      (
        await call('PUT', '/v1/routing/queues/general', {
          body: { name: 'General', requiredSkills: [] },
        })
      ).status,
    ).toBe(201);
    expect((await call('GET', '/v1/routing/queues')).body.map((q: { id: string }) => q.id)).toEqual(
      ['billing', 'general'],
    );

    const rules = [
      {
        id: 'spanish-speakers',
        name: 'Spanish',
        conditions: { languages: ['spa'] },
        action: { queueId: 'general', skills: [{ skill: 'spanish', minLevel: 1 }] },
      },
    ];
    const putRules = await call('PUT', '/v1/routing/rules', { body: rules });
    expect(putRules.status).toBe(200);
    expect(putRules.body).toEqual([{ ...rules[0] }]);
    expect((await call('GET', '/v1/routing/rules')).body).toEqual(putRules.body);

    expect((await call('GET', '/v1/routing/settings')).body).toEqual({
      maxMissedOffers: 3,
      disconnectGraceSeconds: 60,
      onAgentOffline: 'reroute',
      defaultQueueId: null,
    });
    const settings = {
      maxMissedOffers: 3,
      disconnectGraceSeconds: 120,
      onAgentOffline: 'reroute',
      defaultQueueId: 'billing',
    };
    const putSettings = await call('PUT', '/v1/routing/settings', { body: settings });
    expect(putSettings.status).toBe(200);
    expect(putSettings.body).toEqual(settings);
    expect((await call('GET', '/v1/routing/settings')).body).toEqual(settings);
  });

  it('names every bad field, unknown reference and conflict', async () => {
    const unknownSkill = await call('PUT', '/v1/routing/agents/bob', {
      body: { name: 'Bob', skills: { billing: 2, plumbing: 4 }, capacity: { totalUnits: 1 } },
    });
    expect(unknownSkill.status).toBe(400);
    expect(unknownSkill.body).toEqual({
      error: 'invalid_request',
      message: 'skills.plumbing: no skill plumbing in the catalogue',
      fields: [{ field: 'skills.plumbing', problem: 'no skill plumbing in the catalogue' }],
    });
    const badAgent = await call('PUT', '/v1/routing/agents/bob', {
      body: {
        name: 'Bob',
        skills: { billing: 11 },
        languages: ['en'],
        capacity: { totalUnits: 0, channels: { fax: {} } },
      },
    });
    expect(badAgent.status).toBe(400);
    expect(badAgent.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'skills.billing',
      'languages.0',
      'capacity.totalUnits',
      'capacity.channels',
    ]);
    expect((await call('GET', '/v1/routing/agents/bob')).status).toBe(404);

    const badQueue = await call('PUT', '/v1/routing/queues/overflowing', {
      body: {
        name: 'Overflowing',
        requiredSkills: [{ skill: 'plumbing', minLevel: 2 }],
        widening: [{ afterSeconds: 60, overflowToQueueId: 'nowhere' }],
      },
    });
    expect(badQueue.status).toBe(400);
    expect(badQueue.body.fields).toEqual([
      { field: 'requiredSkills.0.skill', problem: 'no skill plumbing in the catalogue' },
      { field: 'widening.0.overflowToQueueId', problem: 'no queue nowhere' },
    ]);
    const shapeless = await call('PUT', '/v1/routing/queues/shapeless', {
      body: { requiredSkills: [{ skill: 'billing', minLevel: 0 }], strategy: 'random' },
    });
    expect(shapeless.status).toBe(400);
    expect(shapeless.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'name',
      'requiredSkills.0.minLevel',
      'strategy',
    ]);

    const badRules = await call('PUT', '/v1/routing/rules', {
      body: [
        {
          id: 'after-hours',
          conditions: {
            hours: {
              schedule: {
                timeZone: 'Europe/Atlantis',
                intervals: [{ day: 1, start: '9am', end: '17:00' }],
              },
              inside: false,
            },
          },
          action: { queueId: 'general' },
        },
        { id: 'to-nowhere', action: { queueId: 'nowhere' } },
      ],
    });
    expect(badRules.status).toBe(400);
    expect(badRules.body.fields.map((f: { field: string }) => f.field)).toEqual([
      '0.conditions.hours.schedule.timeZone',
      '0.conditions.hours.schedule.intervals.0.start',
    ]);
    const ruleToNowhere = await call('PUT', '/v1/routing/rules', {
      body: [{ id: 'to-nowhere', action: { queueId: 'nowhere' } }],
    });
    expect(ruleToNowhere.status).toBe(400);
    expect(ruleToNowhere.body.fields).toEqual([
      { field: '0.action.queueId', problem: 'no queue nowhere' },
    ]);
    // A refused list leaves the stored one as it was.
    expect((await call('GET', '/v1/routing/rules')).body.map((r: { id: string }) => r.id)).toEqual([
      'spanish-speakers',
    ]);

    const badSettings = await call('PUT', '/v1/routing/settings', {
      body: { maxMissedOffers: 0, defaultQueueId: 'billing' },
    });
    expect(badSettings.body.fields).toEqual([
      { field: 'maxMissedOffers', problem: expect.any(String) },
    ]);
    const unknownDefault = await call('PUT', '/v1/routing/settings', {
      body: { defaultQueueId: 'nowhere' },
    });
    expect(unknownDefault.status).toBe(400);
    expect(unknownDefault.body.fields).toEqual([
      { field: 'defaultQueueId', problem: 'no queue nowhere' },
    ]);

    const badName = await call('PUT', '/v1/routing/skills/Billing%20Team');
    expect(badName.status).toBe(400);
    expect(badName.body.fields).toEqual([{ field: 'name', problem: expect.any(String) }]);
    expect((await call('GET', '/v1/routing/conversations/42')).body.fields).toEqual([
      { field: 'conversationId', problem: 'must be a UUID' },
    ]);

    // Still in use: the agent and queue need billing, the settings and a rule name the queues.
    const skillInUse = await call('DELETE', '/v1/routing/skills/billing');
    expect(skillInUse.status).toBe(409);
    expect(skillInUse.body).toEqual({
      error: 'skill_in_use',
      message: 'Skill billing is still used by agent ada; queue billing',
    });
    const defaultQueue = await call('DELETE', '/v1/routing/queues/billing');
    expect(defaultQueue.status).toBe(409);
    expect(defaultQueue.body).toMatchObject({
      error: 'queue_in_use',
      message: expect.stringMatching(/default queue/),
    });
    const ruleQueue = await call('DELETE', '/v1/routing/queues/general');
    expect(ruleQueue.status).toBe(409);
    expect(ruleQueue.body.message).toMatch(/rule spanish-speakers routes to it/);

    const nobody = await call('PUT', '/v1/routing/agents/nobody/presence', {
      body: { presence: 'online' },
    });
    expect(nobody.status).toBe(404);
    expect(nobody.body).toMatchObject({ error: 'unknown_agent' });
    const badPresence = await call('PUT', '/v1/routing/agents/ada/presence', {
      body: { presence: 'busy' },
    });
    expect(badPresence.body.fields).toEqual([{ field: 'presence', problem: expect.any(String) }]);
  });

  it('offers a customer’s conversation to the online agent, explains it, and takes one accept', async () => {
    const online = await call('PUT', '/v1/routing/agents/ada/presence', {
      body: { presence: 'online' },
    });
    expect(online.status).toBe(200);
    expect(online.body).toEqual({ agentId: 'ada', presence: 'online' });
    expect((await call('GET', '/v1/routing/agents/ada')).body.presence).toBe('online');

    conversationId = await customerWrites('customer-1', 'My invoice is wrong, please help');
    const offered = await routed(conversationId, (body) => body.state === 'offered');
    expect(offered).toMatchObject({
      conversationId,
      channel: 'api',
      state: 'offered',
      queueId: 'billing',
      agentId: 'ada',
      ring: 0,
      ruleId: null,
      offerExpiresAt: expect.any(String),
      waitingSince: expect.any(String),
    });
    const expiresIn = Date.parse(offered.offerExpiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(20_000);
    expect(expiresIn).toBeLessThanOrEqual(30_000);
    expect((await call('GET', '/v1/routing/agents/ada')).body.load).toEqual({
      offered: 1,
      assigned: 0,
      usedUnits: 1,
      totalUnits: 2,
    });

    const offers = await call('GET', '/v1/routing/conversations?state=offered&agentId=ada');
    expect(offers.status).toBe(200);
    expect(offers.body).toEqual([expect.objectContaining({ conversationId, agentId: 'ada' })]);
    expect((await call('GET', '/v1/routing/conversations?state=assigned')).body).toEqual([]);
    const badFilter = await call('GET', '/v1/routing/conversations?state=lost&limit=0');
    expect(badFilter.status).toBe(400);
    expect(JSON.stringify(badFilter.body)).toMatch(/state/);
    expect(JSON.stringify(badFilter.body)).toMatch(/limit/);

    const explained = await call('GET', `/v1/routing/conversations/${conversationId}/explain`);
    expect(explained.status).toBe(200);
    expect(explained.body.live).toMatchObject({
      conversationId,
      state: 'offered',
      agentId: 'ada',
      queueId: 'billing',
      offerExpiresAt: offered.offerExpiresAt,
      why: {
        strategy: 'longest_idle',
        queueId: 'billing',
        via: 'best_agent',
        requirements: [{ skill: 'billing', minLevel: 3 }],
      },
    });
    expect(explained.body.history.map((entry: { type: string }) => entry.type)).toEqual([
      'queued',
      'offered',
    ]);
    expect(explained.body.history[1]).toMatchObject({
      at: expect.any(String),
      decision: { type: 'offered', agentId: 'ada', conversationId },
    });
    // Explaining writes nothing: the stored state is as it was.
    expect((await call('GET', `/v1/routing/conversations/${conversationId}`)).body).toEqual(
      offered,
    );

    const accepted = await call('POST', `/v1/routing/conversations/${conversationId}/accept`, {
      body: { agentId: 'ada' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ conversationId, agentId: 'ada', state: 'assigned' });
    expect((await call('GET', `/v1/routing/conversations/${conversationId}`)).body).toMatchObject({
      state: 'assigned',
      agentId: 'ada',
      offerExpiresAt: null,
    });

    const twice = await call('POST', `/v1/routing/conversations/${conversationId}/accept`, {
      body: { agentId: 'ada' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: 'offer_not_pending' });
    const [{ assigned }] = await query<{ assigned: number }>(
      `SELECT count(*)::int AS assigned FROM routing_history
        WHERE tenant_id = $1 AND conversation_id = $2 AND type = 'assigned'`,
      [tenantId, conversationId],
    );
    expect(assigned).toBe(1);
    expect((await call('GET', '/v1/routing/agents/ada')).body.load).toMatchObject({
      offered: 0,
      assigned: 1,
      usedUnits: 1,
    });
  });

  it('transfers the conversation to a queue, and refuses agents who cannot take it', async () => {
    const path = `/v1/routing/conversations/${conversationId}/transfer`;
    const both = await call('POST', path, { body: { agentId: 'ada', queueId: 'general' } });
    expect(both.status).toBe(400);
    expect(both.body.fields).toEqual([
      { field: 'queueId', problem: 'give only one of agentId and queueId' },
    ]);
    expect((await call('POST', path, { body: {} })).body.fields).toEqual([
      { field: 'agentId', problem: expect.any(String) },
    ]);
    const unknownAgent = await call('POST', path, { body: { agentId: 'nobody' } });
    expect(unknownAgent.status).toBe(404);
    expect(unknownAgent.body).toMatchObject({ error: 'unknown_agent' });
    expect((await call('POST', path, { body: { queueId: 'nowhere' } })).body).toMatchObject({
      error: 'unknown_queue',
    });
    const toHolder = await call('POST', path, { body: { agentId: 'ada' } });
    expect(toHolder.status).toBe(409);
    expect(toHolder.body).toMatchObject({ error: 'agent_unavailable' });

    const transferred = await call('POST', path, { body: { queueId: 'general' } });
    expect(transferred.status).toBe(200);
    // Not offered straight back to the agent who passed it on: it waits in the new queue.
    expect(transferred.body).toMatchObject({
      conversationId,
      state: 'waiting',
      queueId: 'general',
      agentId: null,
    });
    const explained = await call('GET', `/v1/routing/conversations/${conversationId}/explain`);
    expect(explained.body.live).toMatchObject({
      state: 'waiting',
      queueId: 'general',
      agentsConsidered: 1,
      ineligible: { declined: 1 },
      examples: [{ agentId: 'ada', eligible: false, reason: 'declined' }],
    });
    expect(explained.body.history.map((entry: { type: string }) => entry.type)).toEqual([
      'queued',
      'offered',
      'assigned',
      'transferred',
      'unassigned',
      'queued',
    ]);
    const inUse = await call('DELETE', '/v1/routing/queues/general');
    expect(inUse.status).toBe(409);
    expect(inUse.body.message).toMatch(/1 conversation is in it/);

    const away = await call('PUT', '/v1/routing/agents/ada/presence', {
      body: { presence: 'away' },
    });
    expect(away.body).toEqual({ agentId: 'ada', presence: 'away' });
    const toAway = await call('POST', path, { body: { agentId: 'ada' } });
    expect(toAway.status).toBe(409);
    expect(toAway.body).toMatchObject({
      error: 'agent_unavailable',
      message: expect.stringMatching(/away/),
    });

    // The desk's socket reports its connection; the router keeps the time it was lost.
    const lost = await call('PUT', '/v1/routing/agents/ada/connection', {
      body: { connected: false },
    });
    expect(lost.status).toBe(200);
    expect(lost.body).toEqual({ agentId: 'ada', connected: false });
    expect((await call('GET', '/v1/routing/agents/ada')).body).toMatchObject({
      connected: false,
      disconnectedAt: expect.any(String),
    });
    const back = await call('PUT', '/v1/routing/agents/ada/connection', {
      body: { connected: true },
    });
    expect(back.body).toEqual({ agentId: 'ada', connected: true });
    expect((await call('GET', '/v1/routing/agents/ada')).body).toMatchObject({
      connected: true,
      disconnectedAt: null,
    });
    expect(
      (await call('PUT', '/v1/routing/agents/ada/connection', { body: { connected: 'yes' } })).body
        .fields,
    ).toEqual([{ field: 'connected', problem: expect.any(String) }]);
  });

  it('forgets a resolved conversation but still explains its history', async () => {
    const resolved = await fetch(
      `${conversations.url}/v1/conversations/${conversationId}/resolve`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}` },
      },
    );
    expect(resolved.status).toBe(200);
    await waitFor(
      async () => (await call('GET', `/v1/routing/conversations/${conversationId}`)).status === 404,
      'the router to end the conversation’s routing',
    );
    expect((await call('GET', `/v1/routing/conversations/${conversationId}`)).body).toMatchObject({
      error: 'not_routed',
    });
    const explained = await call('GET', `/v1/routing/conversations/${conversationId}/explain`);
    expect(explained.status).toBe(200);
    expect(explained.body.live).toEqual({ conversationId, state: 'not_routed' });
    expect(explained.body.history.at(-1)).toMatchObject({ type: 'dequeued' });
    const accept = await call('POST', `/v1/routing/conversations/${conversationId}/accept`, {
      body: { agentId: 'ada' },
    });
    expect(accept.status).toBe(404);
    expect(accept.body).toMatchObject({ error: 'unknown_conversation' });
    expect((await call('GET', `/v1/routing/conversations/${randomUUID()}/explain`)).status).toBe(
      404,
    );

    // Nothing refers to the general queue any more once the rules are cleared.
    expect((await call('PUT', '/v1/routing/rules', { body: [] })).body).toEqual([]);
    expect((await call('DELETE', '/v1/routing/queues/general')).status).toBe(204);
    expect((await call('GET', '/v1/routing/queues/general')).status).toBe(404);
  });

  it('is scoped to the tenant of the API key', async () => {
    const other = { key: otherTenantKey };
    const conversation = await call('GET', `/v1/routing/conversations/${conversationId}`, other);
    expect(conversation.status).toBe(404);
    expect(
      (await call('GET', `/v1/routing/conversations/${conversationId}/explain`, other)).status,
    ).toBe(404);
    expect((await call('GET', '/v1/routing/agents', other)).body).toEqual([]);
    expect((await call('GET', '/v1/routing/agents/ada', other)).status).toBe(404);
    expect((await call('GET', '/v1/routing/skills', other)).body).toEqual([]);
    expect(
      (
        await call('PUT', '/v1/routing/agents/ada/presence', {
          ...other,
          body: { presence: 'online' },
        })
      ).status,
    ).toBe(404);
    // Its own agent may share an id with ours without touching it.
    const theirs = await call('PUT', '/v1/routing/agents/ada', {
      ...other,
      body: { name: 'Their Ada', capacity: { totalUnits: 1 } },
    });
    expect(theirs.status).toBe(201);
    expect((await call('GET', '/v1/routing/agents/ada')).body.name).toBe('Ada L.');

    expect((await call('GET', '/v1/routing/agents', { key: null })).status).toBe(401);
    expect((await call('GET', '/v1/routing/agents', { key: 'sb_not-a-real-key' })).status).toBe(
      401,
    );
    expect((await call('PUT', '/v1/routing/skills/x', { key: null })).status).toBe(401);
  });

  it('serves an OpenAPI 3.1 document naming every route, without a key', async () => {
    const document = await call('GET', '/v1/routing/openapi.json', { key: null });
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe('3.1.0');
    expect(document.body.components.securitySchemes.tenantApiKey).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/routing/skills',
        '/v1/routing/skills/{name}',
        '/v1/routing/agents',
        '/v1/routing/agents/{agentId}',
        '/v1/routing/agents/{agentId}/presence',
        '/v1/routing/agents/{agentId}/connection',
        '/v1/routing/queues',
        '/v1/routing/queues/{queueId}',
        '/v1/routing/rules',
        '/v1/routing/settings',
        '/v1/routing/conversations/{conversationId}',
        '/v1/routing/conversations/{conversationId}/accept',
        '/v1/routing/conversations/{conversationId}/reject',
        '/v1/routing/conversations/{conversationId}/transfer',
        '/v1/routing/conversations/{conversationId}/explain',
      ]),
    );
    const putAgent = document.body.paths['/v1/routing/agents/{agentId}'].put;
    expect(putAgent.security).toEqual([{ tenantApiKey: [] }]);
    expect(putAgent.requestBody.content['application/json'].schema.required).toEqual([
      'name',
      'capacity',
    ]);
    expect(Object.keys(putAgent.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '401']),
    );
  });
});
