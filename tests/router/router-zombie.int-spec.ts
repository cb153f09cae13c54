import { KafkaBus } from '@switchboard/bus';
import { Topics } from '@switchboard/contracts';
import { createDataSource } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { TEST_KAFKA_BROKERS } from '../support/infrastructure';
import {
  customerMessage,
  provisionTenantsOnEveryPartition,
  seedRouting,
} from '../support/routing-seed';
import {
  freePort,
  spawnService,
  waitUntilReady,
  type ServiceProcess,
} from '../support/service-process';
import { uniqueTopicPrefix } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * A replica frozen (SIGSTOP) while it owns a tenant and holds a pending offer is evicted from
 * the group; the other replica claims the tenant, expires the offer and offers the work again.
 * When the frozen replica resumes, its overdue offer timer fires in a stale engine: its write is
 * fenced by the epoch, so the conversation is offered once more, not twice, and no agent holds
 * more than its capacity. Two real router processes, as deployed, on the real broker.
 */
describe('router replicas: a paused replica that resumes (zombie) writes nothing', () => {
  const topicPrefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let db: DataSource;
  let producer: KafkaBus;
  const routers: { id: string; process: ServiceProcess }[] = [];
  const tenants: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await createDataSource({ url: database.url, applicationName: 'zombie-test' }).initialize();
    tenants.push(...(await provisionTenantsOnEveryPartition(db, 3, 1, 'zombie')));
    for (const tenantId of tenants) {
      await seedRouting(db, tenantId, {
        // Long enough that router-b is frozen well before its offer lapses, even on a busy machine;
        // short enough to have lapsed when router-a claims the tenant (after a 10 s session).
        queue: { id: 'support', skill: 'support', autoAccept: false, offerTimeoutSeconds: 8 },
        agents: ['agent-1', 'agent-2'].map((id) => ({
          id,
          skills: { support: 5 },
          totalUnits: 1,
          online: true,
        })),
      });
    }
    for (const id of ['router-a', 'router-b']) {
      const port = await freePort();
      const process = spawnService('router', {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        KAFKA_TOPIC_PARTITIONS: '3',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        HOST: '127.0.0.1',
        PORT: String(port),
        ROUTER_INSTANCE_ID: id,
        ROUTER_OWNERSHIP_CHECK_MS: '200',
      });
      routers.push({ id, process });
      await waitUntilReady(`http://127.0.0.1:${port}`, process);
    }
    producer = new KafkaBus({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'zombie-producer',
      partitions: 3,
      replicationFactor: 1,
      topicPrefix,
    });
  }, 120_000);

  afterAll(async () => {
    for (const router of routers) {
      router.process.child.kill('SIGCONT');
      await router.process.stop('SIGTERM');
    }
    await producer?.close();
    await db?.destroy();
    await database?.drop();
  });

  const ownerOf = async (tenantId: string): Promise<{ owner: string; epoch: number } | null> => {
    const rows: { owner: string; epoch: string }[] = await db.query(
      `SELECT owner, epoch FROM routing_owners WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0] ? { owner: rows[0].owner, epoch: Number(rows[0].epoch) } : null;
  };

  const decisions = async (
    conversationId: string,
  ): Promise<{ type: string; agent_id: string; offer_id: string | null }[]> =>
    db.query(
      `SELECT type, agent_id, decision->>'offerId' AS offer_id
         FROM routing_history WHERE conversation_id = $1 ORDER BY id`,
      [conversationId],
    );

  it('fences the resumed replica and keeps one offer at a time', async () => {
    // Both replicas own tenants, and the group has settled: no claim for two seconds (a late
    // rebalance would move the tenant before router-b makes its offer).
    let lastClaims = '';
    let stableSince = Date.now();
    await waitFor(
      async () => {
        const [claims]: { owners: number; epochs: string }[] = await db.query(
          `SELECT count(DISTINCT owner)::int AS owners, coalesce(sum(epoch), 0)::text AS epochs
             FROM routing_owners`,
        );
        const seen = `${claims!.owners}/${claims!.epochs}`;
        if (seen !== lastClaims) [lastClaims, stableSince] = [seen, Date.now()];
        return claims!.owners === 2 && Date.now() - stableSince > 2_000;
      },
      'both replicas to own tenants, settled',
      40_000,
    );
    const zombie = routers[1]!;
    let tenantId: string | undefined;
    for (const candidate of tenants)
      if ((await ownerOf(candidate))?.owner === zombie.id) tenantId = candidate;
    if (!tenantId) throw new Error('router-b owns no tenant');
    const claimedBefore = (await ownerOf(tenantId))!.epoch;

    const conversationId = randomUUID();
    await producer.publish(Topics.conversationEvents, [customerMessage(tenantId, conversationId)]);
    await waitFor(
      async () => (await decisions(conversationId)).some((d) => d.type === 'offered'),
      'the first offer, made by router-b',
    );
    const firstAgent = (await decisions(conversationId)).find(
      (d) => d.type === 'offered',
    )!.agent_id;
    // The offer was router-b's: it still held the tenant (no claim since).
    expect(await ownerOf(tenantId)).toEqual({ owner: zombie.id, epoch: claimedBefore });

    // Frozen with an offer pending: its 8 s timer cannot fire; Kafka evicts it after its
    // session times out, and router-a claims the tenant and expires the offer itself.
    zombie.process.child.kill('SIGSTOP');
    await waitFor(
      async () => (await ownerOf(tenantId!))?.owner === 'router-a',
      'router-a to claim the tenant',
      40_000,
    );
    expect((await ownerOf(tenantId))!.epoch).toBeGreaterThan(claimedBefore);
    await waitFor(
      async () =>
        (await decisions(conversationId)).filter((d) => d.type === 'offered').length === 2,
      'router-a to offer the work again',
      20_000,
    );

    // Resumed: its overdue timer fires in its stale engine. Nothing it decides may land.
    zombie.process.child.kill('SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, 4_000));

    // It did try: its stale write was refused by the fence.
    expect(zombie.process.output()).toMatch(/ownership epoch \d+ is no longer current/);
    // Replayed from the history: one offer pending at a time, and every end of an offer names
    // the pending one (a stale engine's write would expire the first offer a second time).
    const history = await decisions(conversationId);
    let pending: string | null = null;
    for (const decision of history) {
      if (decision.type === 'offered') {
        expect(pending).toBeNull();
        pending = decision.offer_id;
      } else if (decision.type === 'offer_expired' || decision.type === 'assigned') {
        expect(decision.offer_id).toBe(pending);
        pending = null;
      }
    }
    const offers = history.filter((d) => d.type === 'offered').map((d) => d.agent_id);
    expect(offers[0]).toBe(firstAgent);
    expect(offers[1]).not.toBe(firstAgent);
    const [work] = await db.query(
      `SELECT state, agent_id FROM routing_work WHERE conversation_id = $1`,
      [conversationId],
    );
    expect(work).toEqual(
      pending
        ? { state: 'offered', agent_id: offers.at(-1) }
        : { state: 'waiting', agent_id: null },
    );
  }, 120_000);
});
