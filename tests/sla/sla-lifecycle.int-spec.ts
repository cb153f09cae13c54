import { Topics, type AnyEnvelope } from '@switchboard/contracts';
import { provisionTenant } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness } from '../support/channel-harness';
import { seedRouting } from '../support/routing-seed';
import { startRouter, startSla, type RunningService } from '../support/services';
import { observeTopic, seedSlaPolicy } from '../support/sla-seed';

type SlaEvent = Extract<AnyEnvelope, { type: `sla.${string}` }>;

/**
 * A conversation's whole life through the real services (gateway, conversations, router, sla)
 * on the real broker and PostgreSQL: a customer writes, the router queues it and the policy
 * binds, the first-response clock warns, an agent replies (met), the customer writes again
 * (next response), pending pauses the clocks past the target without a breach, reopening
 * resumes them until the next response breaches, and the resolution meets the resolution clock.
 */
describe('SLA: a conversation from first message to resolution', () => {
  let harness: ChannelHarness;
  let router: RunningService;
  let sla: RunningService;
  let observed: Awaited<ReturnType<typeof observeTopic>>;
  let apiKey: string;
  let policyId: string;

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    const db = harness.gateway.runtime.dataSource;
    const tenant = await provisionTenant(db, { slug: 'sla-co', name: 'SLA Co' });
    const { tenantId } = tenant;
    apiKey = tenant.apiKey;
    await seedRouting(db, tenantId, {
      queue: { id: 'support', skill: 'support', autoAccept: false },
      agents: [],
    });
    policyId = await seedSlaPolicy(db, tenantId, {
      match: { queueIds: ['support'] },
      calendarId: null,
      targets: {
        first_response: { seconds: 4, businessHours: false },
        next_response: { seconds: 3, businessHours: false },
        resolution: { seconds: 600, businessHours: false },
      },
      warnAtPercent: 50,
      pauseOn: ['pending'],
      escalations: {
        onWarning: [],
        onBreach: [{ type: 'notify_supervisor', supervisorIds: ['supervisor-1'] }],
      },
    });
    const options = { databaseUrl: harness.database.url, topicPrefix: harness.topicPrefix };
    router = await startRouter(options);
    sla = await startSla(options);
    observed = await observeTopic(harness.topicPrefix, Topics.slaEvents);
  }, 60_000);

  afterAll(async () => {
    await observed?.stop();
    await sla?.stop();
    await router?.stop();
    await harness?.stop();
  });

  const slaEvents = (conversationId: string): SlaEvent[] =>
    observed.events.filter(
      (event): event is SlaEvent =>
        event.type.startsWith('sla.') &&
        (event.data as { conversationId: string }).conversationId === conversationId,
    );
  const seen = (conversationId: string, type: string, metric: string): SlaEvent[] =>
    slaEvents(conversationId).filter(
      (event) => event.type === type && (event.data as { metric: string }).metric === metric,
    );
  const waitForEvent = async (
    conversationId: string,
    type: string,
    metric: string,
    timeoutMs = 15_000,
  ): Promise<SlaEvent> => {
    await waitFor(
      async () => seen(conversationId, type, metric).length > 0,
      `${type} (${metric})`,
      timeoutMs,
    );
    return seen(conversationId, type, metric)[0]!;
  };

  const customerWrites = async (text: string): Promise<string> => {
    const messageId = randomUUID();
    const response = await harness.post(
      '/v1/channels/api/messages',
      JSON.stringify({ messageId, from: { id: 'customer-7' }, text }),
      { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    );
    expect(response.status).toBe(202);
    let conversationId = '';
    await waitFor(async () => {
      const rows = await harness.query<{ conversation_id: string }>(
        'SELECT conversation_id FROM messages WHERE provider_message_id = $1',
        [messageId],
      );
      conversationId = rows[0]?.conversation_id ?? '';
      return conversationId !== '';
    }, text);
    return conversationId;
  };
  const conversationsApi = (path: string, body: unknown): Promise<Response> =>
    fetch(`${harness.conversations.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(body),
    });

  it('starts, warns, meets, pauses, resumes, breaches once and meets the resolution', async () => {
    const conversationId = await customerWrites('My parcel never arrived');

    const started = await waitForEvent(conversationId, 'sla.started', 'first_response');
    expect(started.data).toMatchObject({
      policyId,
      policyVersion: 1,
      targetSeconds: 4,
      businessHours: false,
      remainingSeconds: expect.any(Number),
    });
    await waitForEvent(conversationId, 'sla.started', 'resolution');

    // Half the target: the warning, on time.
    const warning = await waitForEvent(conversationId, 'sla.warning', 'first_response');
    expect(warning.data).toMatchObject({ warnAtPercent: 50, overdueSeconds: 0 });
    expect((warning.data as { lateByMs: number }).lateByMs).toBeLessThan(1_000);

    expect(
      (
        await conversationsApi(`/v1/conversations/${conversationId}/replies`, {
          agentId: 'agent-1',
          text: 'Sorry! Let me check.',
        })
      ).status,
    ).toBe(201);
    const met = await waitForEvent(conversationId, 'sla.met', 'first_response');
    expect(met.data).toMatchObject({ breached: false, overdueSeconds: 0 });
    expect(seen(conversationId, 'sla.breached', 'first_response')).toHaveLength(0);

    // The customer writes again: a next-response clock; pending stops it short of its target.
    await customerWrites('Any news?');
    await waitForEvent(conversationId, 'sla.started', 'next_response');
    expect(
      (await conversationsApi(`/v1/conversations/${conversationId}/status`, { status: 'pending' }))
        .status,
    ).toBe(200);
    const paused = await waitForEvent(conversationId, 'sla.paused', 'next_response');
    expect(paused.data).toMatchObject({ status: 'pending', dueAt: null });
    await waitForEvent(conversationId, 'sla.paused', 'resolution');
    const left = (paused.data as { remainingSeconds: number }).remainingSeconds;
    expect(left).toBeGreaterThan(0);

    // Longer than the whole target: no breach while paused.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(seen(conversationId, 'sla.breached', 'next_response')).toHaveLength(0);

    expect(
      (await conversationsApi(`/v1/conversations/${conversationId}/status`, { status: 'open' }))
        .status,
    ).toBe(200);
    const resumed = await waitForEvent(conversationId, 'sla.resumed', 'next_response');
    const resumedData = resumed.data as { dueAt: string; at: string; remainingSeconds: number };
    // The time left is what was left when it paused; the new due time is that far ahead.
    expect(resumedData.remainingSeconds).toBeCloseTo(left, 1);
    expect(Date.parse(resumedData.dueAt) - Date.parse(resumedData.at)).toBeGreaterThan(
      left * 1000 - 50,
    );

    const breached = await waitForEvent(conversationId, 'sla.breached', 'next_response');
    expect(breached.data).toMatchObject({
      remainingSeconds: 0,
      escalations: [{ type: 'notify_supervisor', supervisorIds: ['supervisor-1'] }],
    });
    expect((breached.data as { lateByMs: number }).lateByMs).toBeLessThan(1_000);
    expect(Date.parse((breached.data as { at: string }).at)).toBeGreaterThanOrEqual(
      Date.parse(resumedData.dueAt),
    );

    expect(
      (await conversationsApi(`/v1/conversations/${conversationId}/resolve`, {})).status,
    ).toBeLessThan(300);
    const resolution = await waitForEvent(conversationId, 'sla.met', 'resolution');
    expect(resolution.data).toMatchObject({ breached: false, conversationDueAt: null });
    const stopped = await waitForEvent(conversationId, 'sla.stopped', 'next_response');
    expect(stopped.data).toMatchObject({ reason: 'resolved', breached: true });

    // Once each, however Kafka delivered them.
    const firings = slaEvents(conversationId).filter(
      (event) => event.type === 'sla.warning' || event.type === 'sla.breached',
    );
    const firedOnce = new Map<string, Set<string>>();
    for (const event of firings) {
      const key = `${event.type} ${(event.data as { metric: string }).metric}`;
      firedOnce.set(key, (firedOnce.get(key) ?? new Set()).add(event.id));
    }
    expect(Object.fromEntries([...firedOnce].map(([key, ids]) => [key, ids.size]))).toEqual({
      'sla.warning first_response': 1,
      // Half of the next-response target ran after the pause, before its breach.
      'sla.warning next_response': 1,
      'sla.breached next_response': 1,
    });
    // And the clocks as stored: every one ended.
    const clocks = await harness.query<{ metric: string; status: string }>(
      `SELECT metric, status FROM sla_clocks WHERE conversation_id = $1 ORDER BY metric`,
      [conversationId],
    );
    expect(clocks).toEqual([
      { metric: 'first_response', status: 'met' },
      { metric: 'next_response', status: 'stopped' },
      { metric: 'resolution', status: 'met' },
    ]);
  }, 90_000);
});
