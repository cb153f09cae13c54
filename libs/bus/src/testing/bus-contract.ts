import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf } from '../dead-letter';
import type { BusMessage, EventBus, Subscription } from '../event-bus';
import { PermanentError, TransientError } from '../permanent.error';
import { waitFor } from './wait-for';

export interface BusContractFixture {
  /** A bus whose topics have `partitions` partitions. */
  createBus(partitions: number): Promise<EventBus>;
}

const fastRetry = { initialBackoffMs: 10, maxBackoffMs: 50 };

/**
 * The semantics every EventBus must have. Run against Kafka (integration) and the
 * in-process adapter (unit), so the embedded mode behaves like the deployed one.
 */
export function busContract(name: string, fixture: BusContractFixture): void {
  describe(`EventBus contract: ${name}`, () => {
    const buses: EventBus[] = [];
    const subscriptions: Subscription[] = [];

    async function newBus(partitions = 4): Promise<EventBus> {
      const bus = await fixture.createBus(partitions);
      buses.push(bus);
      return bus;
    }

    async function subscribe(bus: EventBus, ...args: Parameters<EventBus['subscribe']>) {
      const subscription = await bus.subscribe(...args);
      subscriptions.push(subscription);
      return subscription;
    }

    const unique = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;
    const text = (message: BusMessage): string => message.value.toString('utf8');
    const publishEach = async (bus: EventBus, topic: string, key: string, values: string[]) => {
      for (const value of values) await bus.publish(topic, [{ key, value: Buffer.from(value) }]);
    };

    afterEach(async () => {
      await Promise.allSettled(subscriptions.splice(0).map((subscription) => subscription.stop()));
      await Promise.allSettled(buses.splice(0).map((bus) => bus.close()));
    });

    it('refuses to publish to a topic that was never created', async () => {
      const bus = await newBus(1);
      await expect(
        bus.publish(unique('missing'), [{ key: 'k', value: Buffer.from('lost?') }]),
      ).rejects.toThrow();
    });

    it('keeps per-key order while partitions are consumed concurrently', async () => {
      const bus = await newBus(4);
      const topic = unique('order');
      await bus.ensureTopics([topic]);
      const seen = new Map<string, number[]>();
      await subscribe(bus, {
        groupId: unique('g'),
        topics: [topic],
        fromBeginning: true,
        partitionsConsumedConcurrently: 4,
        handler: async (message) => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
          const [key, sequence] = text(message).split(':');
          seen.set(key, [...(seen.get(key) ?? []), Number(sequence)]);
        },
      });
      const keys = Array.from({ length: 8 }, (_, index) => `customer-${index}`);
      const perKey = 40;
      await Promise.all(
        keys.map((key) =>
          bus.publish(
            topic,
            Array.from({ length: perKey }, (_, sequence) => ({
              key,
              value: Buffer.from(`${key}:${sequence}`),
            })),
          ),
        ),
      );
      await waitFor(
        () => keys.every((key) => (seen.get(key)?.length ?? 0) >= perKey),
        'every message',
      );
      for (const key of keys) {
        expect(seen.get(key)).toEqual(Array.from({ length: perKey }, (_, sequence) => sequence));
      }
    });

    it('redelivers a message after its handler throws, before later messages of its key', async () => {
      const bus = await newBus(1);
      const topic = unique('redeliver');
      const deliveries: Array<{ value: string; attempt: number }> = [];
      await subscribe(bus, {
        groupId: unique('g'),
        topics: [topic],
        fromBeginning: true,
        retry: { ...fastRetry, maxAttempts: 5 },
        handler: async (message) => {
          deliveries.push({ value: text(message), attempt: message.attempt });
          if (text(message) === 'flaky' && message.attempt < 3) throw new Error('temporary');
        },
      });
      await publishEach(bus, topic, 'k', ['first', 'flaky', 'last']);
      await waitFor(() => deliveries.some((delivery) => delivery.value === 'last'), 'last');
      expect(deliveries).toEqual([
        { value: 'first', attempt: 1 },
        { value: 'flaky', attempt: 1 },
        { value: 'flaky', attempt: 2 },
        { value: 'flaky', attempt: 3 },
        { value: 'last', attempt: 1 },
      ]);
    });

    it('dead-letters after N failed attempts, or at once for a permanent error, and moves on', async () => {
      const bus = await newBus(1);
      const topic = unique('dlq');
      const attempts = new Map<string, number>();
      const handled: string[] = [];
      await subscribe(bus, {
        groupId: unique('g'),
        topics: [topic],
        fromBeginning: true,
        retry: { ...fastRetry, maxAttempts: 3 },
        handler: async (message) => {
          const value = text(message);
          attempts.set(value, (attempts.get(value) ?? 0) + 1);
          if (value === 'poison') throw new Error('always fails');
          if (value === 'malformed') throw new PermanentError('bad shape', 'contract-violation');
          handled.push(value);
        },
      });
      const deadLetters: BusMessage[] = [];
      await subscribe(bus, {
        groupId: unique('dlq-reader'),
        topics: [deadLetterTopicOf(topic)],
        fromBeginning: true,
        handler: async (message) => void deadLetters.push(message),
      });
      await bus.publish(topic, [
        { key: 'k', value: Buffer.from('poison'), headers: { 'event-type': 'x' } },
        { key: 'k', value: Buffer.from('malformed') },
        { key: 'k', value: Buffer.from('fine') },
      ]);
      await waitFor(() => handled.includes('fine') && deadLetters.length === 2, 'dead letters');
      expect(attempts.get('poison')).toBe(3);
      expect(attempts.get('malformed')).toBe(1);
      const [poison, malformed] = deadLetters;
      expect(text(poison)).toBe('poison');
      expect(poison.key).toBe('k');
      expect(poison.headers).toMatchObject({
        'event-type': 'x',
        'dlq-attempts': '3',
        'dlq-reason': 'failed 3 attempts',
        'dlq-original-topic': topic,
        'dlq-original-partition': '0',
        'dlq-original-offset': '0',
      });
      expect(poison.headers['dlq-error']).toContain('always fails');
      expect(malformed.headers).toMatchObject({
        'dlq-attempts': '1',
        'dlq-reason': 'contract-violation',
      });
    });

    it('retries a transient failure past maxAttempts instead of dead-lettering it', async () => {
      const bus = await newBus(1);
      const topic = unique('transient');
      const attempts: number[] = [];
      await subscribe(bus, {
        groupId: unique('g'),
        topics: [topic],
        fromBeginning: true,
        retry: { ...fastRetry, maxAttempts: 2 },
        handler: async (message) => {
          attempts.push(message.attempt);
          if (message.attempt <= 4) throw new TransientError('database is failing over');
        },
      });
      await bus.publish(topic, [{ key: 'k', value: Buffer.from('survives') }]);
      await waitFor(() => attempts.length === 5, 'the fifth attempt');
      expect(attempts).toEqual([1, 2, 3, 4, 5]);
    });

    it('shares partitions between two consumers of one group, each message handled once', async () => {
      const bus = await newBus(4);
      const topic = unique('group');
      const groupId = unique('g');
      const handledBy = new Map<string, string[]>();
      const member = (name: string) => ({
        groupId,
        topics: [topic],
        fromBeginning: true,
        handler: async (message: BusMessage) => {
          handledBy.set(text(message), [...(handledBy.get(text(message)) ?? []), name]);
        },
      });
      const first = await subscribe(bus, member('first'));
      const second = await subscribe(bus, member('second'));
      await waitFor(() => {
        const a = first.assignedPartitions();
        const b = second.assignedPartitions();
        return (
          a.length > 0 &&
          b.length > 0 &&
          new Set([...a, ...b]).size === 4 &&
          a.length + b.length === 4
        );
      }, 'both members to own partitions');
      const values = Array.from({ length: 200 }, (_, index) => `m${index}`);
      await bus.publish(
        topic,
        values.map((value, index) => ({ key: `key-${index % 23}`, value: Buffer.from(value) })),
      );
      await waitFor(() => values.every((value) => handledBy.has(value)), 'every message');
      expect(values.every((value) => handledBy.get(value)?.length === 1)).toBe(true);
      const handlers = new Set([...handledBy.values()].flat());
      expect(handlers).toEqual(new Set(['first', 'second']));
    });

    it('resumes from the committed offset after a consumer restarts', async () => {
      const bus = await newBus(1);
      const topic = unique('resume');
      const groupId = unique('g');
      const firstRun: string[] = [];
      const before = await subscribe(bus, {
        groupId,
        topics: [topic],
        fromBeginning: true,
        handler: async (message) => void firstRun.push(text(message)),
      });
      await publishEach(bus, topic, 'k', ['a', 'b', 'c']);
      await waitFor(() => firstRun.length === 3, 'first run');
      await before.stop();
      await publishEach(bus, topic, 'k', ['d', 'e']);
      const secondRun: string[] = [];
      await subscribe(bus, {
        groupId,
        topics: [topic],
        fromBeginning: true,
        handler: async (message) => void secondRun.push(text(message)),
      });
      await waitFor(() => secondRun.length >= 2, 'second run');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondRun).toEqual(['d', 'e']);
    });

    it('loses nothing when a consumer is stopped mid-batch', async () => {
      const bus = await newBus(1);
      const topic = unique('midbatch');
      const groupId = unique('g');
      const values = Array.from({ length: 60 }, (_, index) => `v${index}`);
      await bus.ensureTopics([topic]);
      await bus.publish(
        topic,
        values.map((value) => ({ key: 'one-key', value: Buffer.from(value) })),
      );
      const completed: string[] = [];
      let inHand = 0;
      const slowHandler = async (message: BusMessage) => {
        inHand++;
        await new Promise((resolve) => setTimeout(resolve, 15));
        completed.push(text(message));
        inHand--;
      };
      const first = await subscribe(bus, {
        groupId,
        topics: [topic],
        fromBeginning: true,
        handler: slowHandler,
      });
      await waitFor(() => completed.length >= 10, 'a few messages');
      await first.stop();
      expect(inHand).toBe(0); // stop() waited for the message in hand
      const stoppedAt = completed.length;
      expect(stoppedAt).toBeLessThan(values.length);
      await subscribe(bus, { groupId, topics: [topic], fromBeginning: true, handler: slowHandler });
      await waitFor(() => values.every((value) => completed.includes(value)), 'every message');
      // At-least-once: nothing skipped, and no message handled twice in a clean stop.
      expect(completed).toEqual(values);
    });
  });
}
