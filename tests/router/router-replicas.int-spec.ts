import { KafkaBus } from '@switchboard/bus';
import { Topics } from '@switchboard/contracts';
import { createDataSource } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { TEST_KAFKA_BROKERS } from '../support/infrastructure';
import {
  customerMessage,
  provisionTenantsOnEveryPartition,
  seedRouting,
} from '../support/routing-seed';
import { CommandResultsHousekeeping } from '../../apps/router/src/state/command-results.housekeeping';
import {
  OwnershipLostError,
  RoutingStateRepository,
} from '../../apps/router/src/state/routing-state.repository';
import { startRouter, uniqueTopicPrefix, type RunningService } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface HistoryRow {
  tenant_id: string;
  conversation_id: string | null;
  agent_id: string | null;
  type: string;
}

/**
 * Two router replicas share the tenants by partition. One stops mid-stream; the other takes
 * its tenants over from PostgreSQL. Every conversation is assigned exactly once and no agent
 * ever holds more than its capacity, judged from the full decision history.
 */
describe('router replicas: ownership by partition, rebalance, fencing', () => {
  const topicPrefix = uniqueTopicPrefix();
  const PER_TENANT = 40;
  const CAPACITY = 3;
  const AGENTS_PER_TENANT = 14; // 42 units ≥ 40 conversations: everything can be assigned
  let database: TestDatabase;
  let first: RunningService;
  let second: RunningService | null;
  let producer: KafkaBus;
  const tenants: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Configured before the routers start: configuration reaches a running router through
    // the API (which announces each change), never by writing the tables behind its back.
    const setup = await createDataSource({
      url: database.url,
      applicationName: 'seed',
    }).initialize();
    try {
      // At least two tenants on each of the 3 partitions: both replicas own some.
      tenants.push(...(await provisionTenantsOnEveryPartition(setup, 3, 2, 'tenant')));
      for (const tenantId of tenants) {
        await seedRouting(setup, tenantId, {
          queue: { id: 'support', skill: 'support', autoAccept: true },
          agents: Array.from({ length: AGENTS_PER_TENANT }, (_, a) => ({
            id: `agent-${a}`,
            skills: { support: 5 },
            totalUnits: CAPACITY,
            online: true,
          })),
        });
      }
    } finally {
      await setup.destroy();
    }
    first = await startRouter({ databaseUrl: database.url, topicPrefix, instanceId: 'router-a' });
    second = await startRouter({ databaseUrl: database.url, topicPrefix, instanceId: 'router-b' });
    producer = new KafkaBus({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'replicas-producer',
      partitions: 3,
      replicationFactor: 1,
      topicPrefix,
    });
  }, 60_000);

  afterAll(async () => {
    await producer?.close();
    await second?.stop();
    await first?.stop();
    await database?.drop();
  });

  const history = async (): Promise<HistoryRow[]> =>
    first.runtime.dataSource.query(
      `SELECT tenant_id, conversation_id, agent_id, type FROM routing_history ORDER BY id`,
    );

  /** What conversations emits when a customer writes: a message.received per conversation. */
  const customerWrites = (tenantId: string, conversationId: string): Promise<void> =>
    producer.publish(Topics.conversationEvents, [customerMessage(tenantId, conversationId)]);

  it('both replicas own tenants; after one stops the other takes over; nothing lost or double-assigned', async () => {
    // Both replicas hold some of the commands topic's partitions once the group settles.
    await waitFor(
      async () => {
        const owners: { owner: string }[] = await first.runtime.dataSource.query(
          `SELECT DISTINCT owner FROM routing_owners`,
        );
        return owners.length === 2;
      },
      'both replicas to own tenants',
      30_000,
    );

    const conversations = tenants.flatMap((tenantId) =>
      Array.from({ length: PER_TENANT }, () => ({ tenantId, conversationId: randomUUID() })),
    );
    const half = conversations.length / 2;
    for (const c of conversations.slice(0, half))
      await customerWrites(c.tenantId, c.conversationId);
    await waitFor(
      async () => {
        const rows = await history();
        return rows.filter((r) => r.type === 'assigned').length >= half / 2;
      },
      'a quarter of the conversations to be assigned',
      30_000,
    );

    // A rebalance mid-stream: replica b leaves the group; a claims its tenants from PostgreSQL.
    await second!.stop();
    second = null;
    for (const c of conversations.slice(half)) await customerWrites(c.tenantId, c.conversationId);
    // A customer writing again asks again: it must not be routed twice.
    for (const c of conversations.slice(0, 20)) await customerWrites(c.tenantId, c.conversationId);

    await waitFor(
      async () => {
        const assigned = new Set(
          (await history()).filter((r) => r.type === 'assigned').map((r) => r.conversation_id),
        );
        return conversations.every((c) => assigned.has(c.conversationId));
      },
      'every conversation to be assigned',
      60_000,
    );

    const rows = await history();
    const assignedPerConversation = new Map<string, number>();
    const load = new Map<string, number>();
    for (const row of rows) {
      const agentKey = `${row.tenant_id}/${row.agent_id}`;
      if (row.type === 'offered') {
        load.set(agentKey, (load.get(agentKey) ?? 0) + 1);
        expect(load.get(agentKey)).toBeLessThanOrEqual(CAPACITY);
      }
      if (row.type === 'offer_expired' || row.type === 'unassigned')
        load.set(agentKey, load.get(agentKey)! - 1);
      if (row.type === 'assigned')
        assignedPerConversation.set(
          row.conversation_id!,
          (assignedPerConversation.get(row.conversation_id!) ?? 0) + 1,
        );
    }
    expect(assignedPerConversation.size).toBe(conversations.length);
    expect([...assignedPerConversation.values()].every((n) => n === 1)).toBe(true);

    const work: { state: string; n: number }[] = await first.runtime.dataSource.query(
      `SELECT state, count(*)::int AS n FROM routing_work GROUP BY state`,
    );
    expect(work).toEqual([{ state: 'assigned', n: conversations.length }]);
    const owners: { owner: string }[] = await first.runtime.dataSource.query(
      `SELECT DISTINCT owner FROM routing_owners`,
    );
    expect(owners).toEqual([{ owner: 'router-a' }]);
  }, 120_000);

  it('a replica that lost its tenant can neither write nor announce a decision', async () => {
    const state = first.app.get(RoutingStateRepository);
    const tenantId = tenants[0]!;
    const stale = await state.claim(tenantId, 'zombie');
    await state.claim(tenantId, 'router-a'); // the new owner, e.g. after a rebalance
    const count = async (table: string): Promise<number> => {
      const [{ n }] = await first.runtime.dataSource.query(
        `SELECT count(*)::int AS n FROM ${table}`,
      );
      return n;
    };
    const before = { history: await count('routing_history'), outbox: await count('outbox') };
    const conversationId = randomUUID();
    await expect(
      state.commit({
        tenantId,
        epoch: stale.epoch,
        decisions: [
          {
            type: 'queued',
            conversationId,
            queueId: 'support',
            ring: 0,
            reason: 'new',
            priority: 0,
            channel: 'api',
            at: Date.now(),
          },
        ],
        changes: { work: [], endedWork: [], agents: [], lastAgents: [] },
        cause: { tenantId, correlationId: randomUUID(), causationEventId: null },
        command: { id: randomUUID(), refusal: null },
      }),
    ).rejects.toBeInstanceOf(OwnershipLostError);
    expect({ history: await count('routing_history'), outbox: await count('outbox') }).toEqual(
      before,
    );
  });

  it('forgets command outcomes after a day', async () => {
    const [old, recent] = [randomUUID(), randomUUID()];
    await first.runtime.dataSource.query(
      `INSERT INTO routing_command_results (command_id, tenant_id, outcome, applied_at)
       VALUES ($1, $3, 'applied', now() - interval '25 hours'), ($2, $3, 'applied', now())`,
      [old, recent, tenants[0]],
    );
    await first.app.get(CommandResultsHousekeeping).sweep();
    const left: { command_id: string }[] = await first.runtime.dataSource.query(
      `SELECT command_id FROM routing_command_results WHERE command_id = ANY($1::uuid[])`,
      [[old, recent]],
    );
    expect(left).toEqual([{ command_id: recent }]);
  });
});
