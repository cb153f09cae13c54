import {
  appendToOutbox,
  KafkaBus,
  OutboxRelay,
  type BusMessage,
  type EventBus,
  type Subscription,
} from '@switchboard/bus';
import { createDataSource } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { TEST_KAFKA_BROKERS } from '../support/infrastructure';
import { uniqueTopicPrefix } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The transactional outbox on the real PostgreSQL and broker. */
describe('Outbox relay', () => {
  const topic = 'outbox-test.events';
  let database: TestDatabase;
  let dataSource: DataSource;
  let bus: KafkaBus;
  let subscription: Subscription;
  const seen: BusMessage[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({
      url: database.url,
      applicationName: 'outbox-it',
    }).initialize();
    bus = new KafkaBus({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'outbox-it',
      partitions: 3,
      replicationFactor: 1,
      topicPrefix: uniqueTopicPrefix(),
    });
    await bus.ensureTopics([topic]);
    subscription = await bus.subscribe({
      groupId: 'outbox-reader',
      topics: [topic],
      fromBeginning: true,
      handler: async (message) => void seen.push(message),
    });
  });

  afterAll(async () => {
    await subscription?.stop();
    await bus?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  beforeEach(() => {
    seen.length = 0;
  });

  const relayOn = (target: EventBus, options: { pollIntervalMs?: number } = {}) =>
    new OutboxRelay(dataSource, target, { connectionString: database.url, ...options });

  async function writeEvents(count: number, key = 'conversation-1'): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await dataSource.transaction((manager) =>
      appendToOutbox(
        manager,
        ids.map((eventId) => ({
          eventId,
          topic,
          key,
          payload: Buffer.from(JSON.stringify({ eventId })),
          headers: { 'event-id': eventId },
        })),
      ),
    );
    return ids;
  }

  const unpublished = async (): Promise<number> => {
    const [{ n }] = await dataSource.query(
      'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
    );
    return n;
  };

  it('publishes events in the order they were written and marks them sent', async () => {
    const ids = await writeEvents(25);
    expect(await relayOn(bus).drain()).toBe(25);
    await waitFor(() => seen.length >= 25, 'all events');
    expect(seen.map((message) => message.headers['event-id'])).toEqual(ids);
    expect(await unpublished()).toBe(0);
  });

  it('never publishes events of a transaction that rolled back', async () => {
    await dataSource
      .transaction(async (manager) => {
        await appendToOutbox(manager, [
          { eventId: randomUUID(), topic, key: 'k', payload: Buffer.from('{}'), headers: {} },
        ]);
        throw new Error('the state change failed');
      })
      .catch(() => undefined);
    expect(await unpublished()).toBe(0);
    expect(await relayOn(bus).drain()).toBe(0);
  });

  it('loses nothing when it crashes after Kafka acknowledged but before marking rows sent', async () => {
    const ids = await writeEvents(10);
    // Publishes for real, then dies before the outbox transaction can commit.
    const crashingBus: EventBus = Object.assign(Object.create(bus) as EventBus, {
      publish: async (target: string, messages: Parameters<EventBus['publish']>[1]) => {
        await bus.publish(target, messages);
        throw new Error('process killed');
      },
    });
    await expect(relayOn(crashingBus).drain()).rejects.toThrow('process killed');
    expect(await unpublished()).toBe(10);

    expect(await relayOn(bus).drain()).toBe(10);
    await waitFor(() => seen.length >= 20, 'the republished batch');
    // At least once: every event arrives, duplicates carry the same id for consumers to dedupe.
    const arrived = seen.map((message) => message.headers['event-id']);
    expect(new Set(arrived)).toEqual(new Set(ids));
    expect(arrived).toHaveLength(20);
    expect(await unpublished()).toBe(0);
  });

  it('keeps events when Kafka is unreachable and publishes them once it is back', async () => {
    const ids = await writeEvents(5);
    const downBus = new KafkaBus({
      brokers: ['127.0.0.1:1'],
      clientId: 'outbox-down',
      partitions: 1,
      replicationFactor: 1,
      publishTimeoutMs: 1_000,
    });
    await expect(relayOn(downBus).drain()).rejects.toThrow();
    await downBus.close();
    expect(await unpublished()).toBe(5);
    await relayOn(bus).drain();
    await waitFor(() => seen.length >= 5, 'events after recovery');
    expect(seen.map((message) => message.headers['event-id'])).toEqual(ids);
  });

  it('lets two relays run side by side without publishing any event twice', async () => {
    const ids = await writeEvents(300);
    const [first, second] = [relayOn(bus), relayOn(bus)];
    const counts = await Promise.all([
      (async () => {
        let total = 0;
        for (let round = 0; round < 10; round++) total += await first.drain();
        return total;
      })(),
      (async () => {
        let total = 0;
        for (let round = 0; round < 10; round++) total += await second.drain();
        return total;
      })(),
    ]);
    expect(counts[0] + counts[1]).toBe(300);
    await waitFor(() => seen.length >= 300, 'all events');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.map((message) => message.headers['event-id'])).toEqual(ids);
  });

  it('is woken by NOTIFY when a transaction commits, without waiting for its poll', async () => {
    const relay = relayOn(bus, { pollIntervalMs: 60_000 });
    await relay.start();
    try {
      const started = Date.now();
      const [id] = await writeEvents(1);
      await waitFor(
        () => seen.some((message) => message.headers['event-id'] === id),
        'the event',
        5_000,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await relay.stop();
    }
  });
});
