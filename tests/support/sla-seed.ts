import { KafkaBus } from '@switchboard/bus';
import { decodeEnvelope, type AnyEnvelope, type Topic } from '@switchboard/contracts';
import type { SlaPolicyDefinition } from '@switchboard/sla';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TEST_KAFKA_BROKERS } from './infrastructure';

/** A policy (version 1) written straight to the tables, as the API would leave it. */
export async function seedSlaPolicy(
  dataSource: DataSource,
  tenantId: string,
  definition: SlaPolicyDefinition,
  options: { name?: string; position?: number } = {},
): Promise<string> {
  const policyId = randomUUID();
  await dataSource.query(
    `INSERT INTO sla_policies (id, tenant_id, name, position, current_version)
     VALUES ($1, $2, $3, $4, 1)`,
    [policyId, tenantId, options.name ?? `policy-${policyId.slice(0, 8)}`, options.position ?? 0],
  );
  await dataSource.query(
    `INSERT INTO sla_policy_versions (policy_id, version, definition) VALUES ($1, 1, $2::jsonb)`,
    [policyId, JSON.stringify(definition)],
  );
  return policyId;
}

/**
 * `count` running calendar-time clocks (one conversation each) whose breach falls due at
 * `dueAt` plus `spreadMs × i / count`, written in one statement, as the service would have.
 */
export async function seedRunningClocks(
  dataSource: DataSource,
  options: {
    tenantId: string;
    policyId: string;
    count: number;
    dueAt: Date;
    spreadMs?: number;
    targetSeconds?: number;
  },
): Promise<void> {
  const target = options.targetSeconds ?? 60;
  await dataSource.query(
    `INSERT INTO sla_clocks (id, tenant_id, conversation_id, metric, cycle, ordinal, policy_id,
        policy_version, target_seconds, business_hours, status, started_at, running_since, due_at,
        next_fire_at)
     SELECT gen_random_uuid(), $1, gen_random_uuid(), 'first_response', 1, 1, $2, 1, $3::int, false,
            'running', d - $3::int * interval '1 second', d - $3::int * interval '1 second', d, d
       FROM (SELECT $4::timestamptz + (i * $5::double precision / $6::int) * interval '1 millisecond' AS d
               FROM generate_series(0, $6::int - 1) AS i) AS due`,
    [
      options.tenantId,
      options.policyId,
      target,
      options.dueAt.toISOString(),
      options.spreadMs ?? 0,
      options.count,
    ],
  );
}

/** Collects every event of a topic from the beginning, as a downstream consumer would. */
export async function observeTopic(
  topicPrefix: string,
  topic: Topic,
): Promise<{ events: AnyEnvelope[]; stop(): Promise<void> }> {
  const events: AnyEnvelope[] = [];
  const bus = new KafkaBus({
    brokers: TEST_KAFKA_BROKERS,
    clientId: `observer-${randomUUID().slice(0, 8)}`,
    partitions: 3,
    replicationFactor: 1,
    topicPrefix,
  });
  await bus.ensureTopics([topic]);
  const subscription = await bus.subscribe({
    groupId: `observer-${randomUUID()}`,
    topics: [topic],
    fromBeginning: true,
    handler: async (message) => void events.push(decodeEnvelope(message.value)),
  });
  return {
    events,
    stop: async () => {
      await subscription.stop();
      await bus.close();
    },
  };
}
