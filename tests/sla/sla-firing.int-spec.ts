import { Topics, type AnyEnvelope } from '@switchboard/contracts';
import { createDataSource, provisionTenant } from '@switchboard/db';
import type { DataSource } from 'typeorm';
import { SlaScheduler } from '../../apps/sla/src/scheduler/sla-scheduler';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { TEST_KAFKA_BROKERS } from '../support/infrastructure';
import {
  freePort,
  spawnService,
  waitUntilReady,
  type ServiceProcess,
} from '../support/service-process';
import { startSla, uniqueTopicPrefix, type RunningService } from '../support/services';
import { observeTopic, seedRunningClocks, seedSlaPolicy } from '../support/sla-seed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Breach events by clock: the distinct event ids each clock's breach was published under. */
function breachIdsByClock(events: readonly AnyEnvelope[]): Map<string, Set<string>> {
  const byClock = new Map<string, Set<string>>();
  for (const event of events) {
    if (event.type !== 'sla.breached') continue;
    const ids = byClock.get(event.data.clockId) ?? new Set<string>();
    byClock.set(event.data.clockId, ids.add(event.id));
  }
  return byClock;
}

/**
 * The scheduler fires each breach exactly once: when a replica is killed in the middle of
 * firing and restarted, and when two replicas fire the same due set. Real sla services on the
 * real broker and PostgreSQL; clocks seeded straight into `sla_clocks`, as the service writes them.
 */
describe('SLA scheduler: exactly once', () => {
  let database: TestDatabase;
  let db: DataSource;
  let tenantId: string;
  let policyId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await createDataSource({
      url: database.url,
      applicationName: 'sla-firing-test',
    }).initialize();
    ({ tenantId } = await provisionTenant(db, { slug: 'firing', name: 'Firing' }));
    policyId = await seedSlaPolicy(db, tenantId, {
      match: {},
      calendarId: null,
      targets: { first_response: { seconds: 60, businessHours: false } },
      warnAtPercent: null,
      pauseOn: [],
      escalations: { onWarning: [], onBreach: [] },
    });
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const unfired = async (): Promise<number> => {
    const [row] = await db.query(
      `SELECT count(*)::int AS n FROM sla_clocks WHERE breached_at IS NULL`,
    );
    return row.n;
  };

  it('a process killed while firing, restarted, publishes every breach once', async () => {
    const topicPrefix = uniqueTopicPrefix();
    const total = 20_000;
    await db.query(`DELETE FROM sla_clocks`);
    // Overdue by up to a minute, as after downtime.
    await seedRunningClocks(db, {
      tenantId,
      policyId,
      count: total,
      dueAt: new Date(Date.now() - 60_000),
      spreadMs: 59_000,
    });
    const observed = await observeTopic(topicPrefix, Topics.slaEvents);
    const port = await freePort();
    const start = (): ServiceProcess =>
      spawnService('sla', {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        KAFKA_TOPIC_PARTITIONS: '3',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        HOST: '127.0.0.1',
        PORT: String(port),
        SLA_SCHEDULER_BATCH_SIZE: '200',
        SLA_SCHEDULER_WORKERS: '2',
      });
    try {
      const first = start();
      await waitUntilReady(`http://127.0.0.1:${port}`, first);
      // Killed as soon as it has fired some: its loops are mid-batch (they never pause while
      // clocks are due), some events are in the outbox and not yet on Kafka.
      await waitFor(async () => (await unfired()) < total, 'the first breaches', 30_000);
      await first.stop('SIGKILL');
      const left = await unfired();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(total);

      const second = start();
      try {
        await waitUntilReady(`http://127.0.0.1:${port}`, second);
        await waitFor(
          async () => breachIdsByClock(observed.events).size === total,
          `all ${total} breaches on Kafka`,
          60_000,
        );
      } finally {
        await second.stop('SIGTERM');
      }
      expect(await unfired()).toBe(0);
      const byClock = breachIdsByClock(observed.events);
      // One breach per clock, each under one event id (a relay crash may repeat a message on
      // Kafka, but never as a second event).
      expect([...byClock.values()].filter((ids) => ids.size !== 1)).toEqual([]);
      const [{ n: outboxed }] = await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE headers->>'event-type' = 'sla.breached'`,
      );
      expect(outboxed).toBe(total);
    } finally {
      await observed.stop();
    }
  }, 180_000);

  describe('two replicas firing the same due set', () => {
    const topicPrefix = uniqueTopicPrefix();
    const replicas: RunningService[] = [];

    afterAll(async () => {
      for (const replica of replicas) await replica.stop();
    });

    it('fires each breach once between them, and both take part', async () => {
      const total = 10_000;
      await db.query(`DELETE FROM sla_clocks`);
      const observed = await observeTopic(topicPrefix, Topics.slaEvents);
      try {
        const claimedBy: number[] = [];
        for (let index = 0; index < 2; index++) {
          const replica = await startSla({
            databaseUrl: database.url,
            topicPrefix,
            scheduler: { batchSize: 100, workers: 2, pollMs: 20 },
          });
          replicas.push(replica);
          // Counts what each replica's loops claim, without changing what they do.
          const scheduler = replica.app.get(SlaScheduler);
          const fireDueBatch = scheduler.fireDueBatch.bind(scheduler);
          claimedBy[index] = 0;
          scheduler.fireDueBatch = async () => {
            const claimed = await fireDueBatch();
            claimedBy[index]! += claimed;
            return claimed;
          };
        }
        // Falling due over the next two seconds, while both poll.
        await seedRunningClocks(db, {
          tenantId,
          policyId,
          count: total,
          dueAt: new Date(Date.now() + 500),
          spreadMs: 2_000,
        });
        await waitFor(
          async () => breachIdsByClock(observed.events).size === total,
          `all ${total} breaches on Kafka`,
          60_000,
        );
        // Anything fired twice would show up a little later: give it the chance.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const byClock = breachIdsByClock(observed.events);
        expect(byClock.size).toBe(total);
        expect([...byClock.values()].filter((ids) => ids.size !== 1)).toEqual([]);
        expect(claimedBy[0]! + claimedBy[1]!).toBe(total);
        expect(claimedBy[0]).toBeGreaterThan(0);
        expect(claimedBy[1]).toBeGreaterThan(0);
      } finally {
        await observed.stop();
      }
    }, 120_000);
  });
});
