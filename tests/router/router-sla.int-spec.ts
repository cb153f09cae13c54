import { KafkaBus, type BusMessage, type Subscription } from '@switchboard/bus';
import { decodeEnvelope, Topics, type AnyEnvelope } from '@switchboard/contracts';
import { createDataSource, provisionTenant } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { TEST_KAFKA_BROKERS } from '../support/infrastructure';
import { customerMessage, seedQueue, seedRouting, slaEvent } from '../support/routing-seed';
import { startRouter, uniqueTopicPrefix, type RunningService } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A JSON answer, read loosely: the assertions say what it must hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * The router consuming the SLA service's events on the real broker and PostgreSQL: waiting
 * work is served by its SLA due time, and a breach's escalations raise the conversation's
 * priority and move it to the escalation queue, once, however often the event is delivered.
 */
describe('router: SLA due times and escalations', () => {
  const topicPrefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let router: RunningService;
  let bus: KafkaBus;
  let observing: Subscription;
  const routingEvents: AnyEnvelope[] = [];
  let tenantId: string;
  let apiKey: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const setup = await createDataSource({
      url: database.url,
      applicationName: 'seed',
    }).initialize();
    try {
      ({ tenantId, apiKey } = await provisionTenant(setup, { slug: 'sla', name: 'SLA' }));
      // One agent, offline, with room for one conversation; offers that outlast the test.
      await seedRouting(setup, tenantId, {
        queue: { id: 'support', skill: 'support', autoAccept: false, offerTimeoutSeconds: 600 },
        agents: [{ id: 'ada', skills: { support: 5 }, totalUnits: 1, online: false }],
      });
      await seedQueue(setup, tenantId, {
        id: 'escalations',
        skill: 'support',
        priority: 2,
        offerTimeoutSeconds: 600,
      });
    } finally {
      await setup.destroy();
    }
    router = await startRouter({ databaseUrl: database.url, topicPrefix });
    bus = new KafkaBus({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'sla-test',
      partitions: 3,
      replicationFactor: 1,
      topicPrefix,
    });
    await bus.ensureTopics([Topics.conversationEvents, Topics.slaEvents, Topics.routingEvents]);
    observing = await bus.subscribe({
      groupId: 'observer',
      topics: [Topics.routingEvents],
      fromBeginning: true,
      handler: async (message: BusMessage) =>
        void routingEvents.push(decodeEnvelope(message.value)),
    });
    await waitFor(
      async () =>
        (await query('SELECT 1 FROM routing_owners WHERE tenant_id = $1', [tenantId])).length > 0,
      'the router to own the tenant',
      30_000,
    );
  }, 60_000);

  afterAll(async () => {
    await observing?.stop();
    await bus?.close();
    await router?.stop();
    await database?.drop();
  });

  const query = <T = Record<string, unknown>>(sql: string, parameters: unknown[] = []) =>
    router.runtime.dataSource.query(sql, parameters) as Promise<T[]>;

  const call = async (
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> => {
    const response = await fetch(`${router.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  /** Polls the routing view of a conversation until it satisfies `done`. */
  const routed = async (id: string, done: (body: Json) => boolean): Promise<Json> => {
    let last: Json;
    await waitFor(
      async () => {
        const reply = await call('GET', `/v1/routing/conversations/${id}`);
        last = reply.body;
        return reply.status === 200 && done(reply.body);
      },
      `conversation ${id} to be routed as expected (last: ${JSON.stringify(last)})`,
      20_000,
    );
    return last;
  };

  const decisionsOf = async (conversationId: string) =>
    query<{ type: string; decision: Json }>(
      'SELECT type, decision FROM routing_history WHERE conversation_id = $1 ORDER BY id',
      [conversationId],
    );

  it('serves the nearest SLA first, escalates a breach once, and ignores its redelivery', async () => {
    const a = randomUUID();
    const b = randomUUID();
    // A, then B, wait: no agent is online.
    await bus.publish(Topics.conversationEvents, [customerMessage(tenantId, a)]);
    await routed(a, (w) => w.state === 'waiting');
    await bus.publish(Topics.conversationEvents, [customerMessage(tenantId, b)]);
    await routed(b, (w) => w.state === 'waiting');

    // The SLA service: B is due before A, so B goes first although A waited longer.
    const dueA = new Date(Date.now() + 20 * 60_000);
    const dueB = new Date(Date.now() + 10 * 60_000);
    await bus.publish(Topics.slaEvents, [
      slaEvent(tenantId, 'sla.started', {
        conversationId: a,
        dueAt: dueA,
        conversationDueAt: dueA,
      }),
      slaEvent(tenantId, 'sla.started', {
        conversationId: b,
        dueAt: dueB,
        conversationDueAt: dueB,
      }),
    ]);
    await routed(a, (w) => w.slaDueAt === dueA.toISOString());
    await routed(b, (w) => w.slaDueAt === dueB.toISOString());

    expect(
      (await call('PUT', '/v1/routing/agents/ada/presence', { presence: 'online' })).status,
    ).toBe(200);
    await routed(b, (w) => w.state === 'offered' && w.agentId === 'ada');
    expect(await routed(a, () => true)).toMatchObject({ state: 'waiting', queueId: 'support' });

    // A breaches: its priority is raised and it moves to the escalation queue (ada is full).
    const breach = slaEvent(tenantId, 'sla.breached', {
      conversationId: a,
      dueAt: dueA,
      conversationDueAt: dueA,
      escalations: [
        { type: 'notify_supervisor', supervisorIds: [] },
        { type: 'raise_priority', priority: 7 },
        { type: 'move_to_queue', queueId: 'escalations' },
      ],
    });
    await bus.publish(Topics.slaEvents, [breach]);
    const escalated = await routed(a, (w) => w.queueId === 'escalations');
    expect(escalated).toMatchObject({
      state: 'waiting',
      priority: 7,
      slaDueAt: dueA.toISOString(),
    });
    await waitFor(
      () =>
        routingEvents.some(
          (e) =>
            e.type === 'routing.queued' &&
            e.data.conversationId === a &&
            e.data.reason === 'transferred',
        ),
      'the routing.queued event of the escalation',
    );
    const queued = routingEvents.filter(
      (e) => e.type === 'routing.queued' && e.data.conversationId === a,
    );
    expect(queued.map((e) => e.data)).toEqual([
      expect.objectContaining({ queueId: 'support', reason: 'new', priority: 0 }),
      expect.objectContaining({
        queueId: 'escalations',
        reason: 'transferred',
        priority: 7,
        channel: 'sms',
      }),
    ]);

    // A supervisor sends A back to support; the breach, delivered again, must not move it.
    const back = await call('POST', `/v1/routing/conversations/${a}/transfer`, {
      queueId: 'support',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ queueId: 'support', priority: 7, state: 'waiting' });
    const before = await decisionsOf(a);

    await bus.publish(Topics.slaEvents, [breach]);
    // Same key as the breach: handled after it, so once this shows, the redelivery was too.
    const now = new Date();
    await bus.publish(Topics.slaEvents, [
      slaEvent(tenantId, 'sla.met', { conversationId: a, dueAt: now, conversationDueAt: null }),
    ]);
    const after = await routed(a, (w) => w.slaDueAt === null);

    expect(after).toMatchObject({ queueId: 'support', priority: 7, state: 'waiting' });
    expect(after.waitingSince).toBe(back.body.waitingSince);
    expect(await decisionsOf(a)).toEqual(before);
    expect(
      (await decisionsOf(a)).filter((d) => d.type === 'transferred').map((d) => d.decision.to),
    ).toEqual([{ queueId: 'escalations' }, { queueId: 'support' }]);
    // B kept its offer throughout.
    expect(await routed(b, () => true)).toMatchObject({ state: 'offered', agentId: 'ada' });
  }, 60_000);
});
