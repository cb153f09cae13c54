import { partitionForKey, type OutgoingMessage } from '@switchboard/bus';
import { provisionTenant } from '@switchboard/db';
import { createEnvelope, encodeEnvelope, type SlaEscalationAction } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Routing configuration written straight to the tables, as the API would leave it. */
export async function seedRouting(
  dataSource: DataSource,
  tenantId: string,
  options: {
    agents: { id: string; skills: Record<string, number>; totalUnits: number; online: boolean }[];
    queue: { id: string; skill: string; autoAccept: boolean; offerTimeoutSeconds?: number };
  },
): Promise<void> {
  const { queue } = options;
  await dataSource.query(
    `INSERT INTO routing_skills (tenant_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [tenantId, queue.skill],
  );
  await dataSource.query(
    `INSERT INTO routing_queues (tenant_id, id, name, definition) VALUES ($1, $2, $2, $3::jsonb)`,
    [
      tenantId,
      queue.id,
      JSON.stringify({
        id: queue.id,
        priority: 0,
        requiredSkills: [{ skill: queue.skill, minLevel: 1 }],
        optionalSkills: [],
        strategy: 'longest_idle',
        widening: [],
        offerTimeoutSeconds: queue.offerTimeoutSeconds ?? 30,
        autoAccept: queue.autoAccept,
        affinity: { windowSeconds: 0, waitSeconds: 0 },
      }),
    ],
  );
  await dataSource.query(
    `INSERT INTO routing_settings (tenant_id, settings, default_queue_id) VALUES ($1, '{}', $2)`,
    [tenantId, queue.id],
  );
  for (const agent of options.agents) {
    await dataSource.query(
      `INSERT INTO routing_agents (tenant_id, id, name, skills, languages, capacity, presence)
       VALUES ($1, $2, $2, $3::jsonb, '{}', $4::jsonb, $5)`,
      [
        tenantId,
        agent.id,
        JSON.stringify(agent.skills),
        JSON.stringify({ totalUnits: agent.totalUnits }),
        agent.online ? 'online' : 'offline',
      ],
    );
  }
}

/**
 * What the conversations service publishes when a customer writes a new conversation's first
 * message: a `message.received` on the conversation events topic, keyed by conversation.
 */
export function customerMessage(
  tenantId: string,
  conversationId: string,
  text = 'Where is my order?',
): OutgoingMessage {
  const envelope = createEnvelope(
    'message.received',
    {
      messageId: randomUUID(),
      conversationId,
      contactId: randomUUID(),
      channel: 'sms',
      channelAccountId: null,
      providerMessageId: randomUUID(),
      text,
      language: null,
      attachmentCount: 0,
      receivedAt: new Date().toISOString(),
    },
    { tenantId, correlationId: randomUUID() },
  );
  return { key: conversationId, value: encodeEnvelope(envelope) };
}

/**
 * Provisions tenants until every partition of the commands topic holds at least `minimum`
 * of them (a tenant's partition is its id's murmur2 hash), so every router replica in a test
 * owns some tenant whatever partitions Kafka gives it.
 */
export async function provisionTenantsOnEveryPartition(
  dataSource: DataSource,
  partitions: number,
  minimum: number,
  slug: string,
): Promise<string[]> {
  const tenants: string[] = [];
  const perPartition = new Array<number>(partitions).fill(0);
  while (perPartition.some((count) => count < minimum)) {
    if (tenants.length >= 200) throw new Error('could not spread tenants over every partition');
    const { tenantId } = await provisionTenant(dataSource, {
      slug: `${slug}-${tenants.length}`,
      name: `${slug} ${tenants.length}`,
    });
    const partition = partitionForKey(tenantId, partitions);
    perPartition[partition]! += 1;
    tenants.push(tenantId);
  }
  return tenants;
}

/** Another queue for a tenant `seedRouting` configured (e.g. where SLA escalations go). */
export async function seedQueue(
  dataSource: DataSource,
  tenantId: string,
  queue: { id: string; skill: string; priority: number; offerTimeoutSeconds?: number },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO routing_queues (tenant_id, id, name, definition) VALUES ($1, $2, $2, $3::jsonb)`,
    [
      tenantId,
      queue.id,
      JSON.stringify({
        id: queue.id,
        priority: queue.priority,
        requiredSkills: [{ skill: queue.skill, minLevel: 1 }],
        optionalSkills: [],
        strategy: 'longest_idle',
        widening: [],
        offerTimeoutSeconds: queue.offerTimeoutSeconds ?? 30,
        autoAccept: false,
        affinity: { windowSeconds: 0, waitSeconds: 0 },
      }),
    ],
  );
}

/**
 * What the SLA service publishes about a conversation's clock (through its outbox): an
 * `sla.*` event on the SLA events topic, keyed by conversation. Publish the same message twice
 * for a redelivery.
 */
export function slaEvent(
  tenantId: string,
  type: 'sla.started' | 'sla.breached' | 'sla.met',
  clock: {
    conversationId: string;
    dueAt: Date;
    conversationDueAt: Date | null;
    escalations?: SlaEscalationAction[];
  },
): OutgoingMessage {
  const now = new Date();
  const fields = {
    clockId: randomUUID(),
    conversationId: clock.conversationId,
    metric: 'first_response' as const,
    policyId: randomUUID(),
    policyVersion: 1,
    targetSeconds: 600,
    businessHours: false,
    dueAt: clock.dueAt.toISOString(),
    remainingSeconds: Math.max(0, (clock.dueAt.getTime() - now.getTime()) / 1000),
    overdueSeconds: Math.max(0, (now.getTime() - clock.dueAt.getTime()) / 1000),
    conversationDueAt: clock.conversationDueAt?.toISOString() ?? null,
    at: now.toISOString(),
  };
  const context = { tenantId, correlationId: randomUUID() };
  const envelope =
    type === 'sla.started'
      ? createEnvelope(type, fields, context)
      : type === 'sla.met'
        ? createEnvelope(type, { ...fields, breached: false }, context)
        : createEnvelope(
            type,
            { ...fields, lateByMs: 0, escalations: clock.escalations ?? [] },
            context,
          );
  return {
    key: clock.conversationId,
    value: encodeEnvelope(envelope),
    headers: { 'event-id': envelope.id, 'event-type': envelope.type },
  };
}
