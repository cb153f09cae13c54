import type { SlaPolicyDefinition } from '@switchboard/sla';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEMO_QUEUE_ID } from './demo-routing';

export const DEMO_SLA_POLICY_NAME = 'Standard';

const STANDARD: SlaPolicyDefinition = {
  match: { queueIds: [DEMO_QUEUE_ID] },
  calendarId: null,
  targets: {
    first_response: { seconds: 300, businessHours: false },
    next_response: { seconds: 900, businessHours: false },
    resolution: { seconds: 86_400, businessHours: false },
  },
  warnAtPercent: 75,
  pauseOn: ['pending', 'snoozed'],
  escalations: {
    onWarning: [],
    onBreach: [
      { type: 'raise_priority', priority: 5 },
      { type: 'notify_supervisor', supervisorIds: [] },
    ],
  },
};

/**
 * Gives the demo tenant an SLA policy on the `general` queue: first reply within 5 minutes,
 * next replies within 15, resolution within a day, in calendar time; warns at 75%; a breach
 * raises the priority. Only inserted when the tenant has none, so API changes survive a restart.
 */
export async function seedDemoSla(dataSource: DataSource, tenantId: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const existing: unknown[] = await manager.query(
      `SELECT 1 FROM sla_policies WHERE tenant_id = $1 LIMIT 1`,
      [tenantId],
    );
    if (existing.length > 0) return;
    const policyId = randomUUID();
    await manager.query(
      `INSERT INTO sla_policies (id, tenant_id, name, position, current_version)
       VALUES ($1, $2, $3, 0, 1)`,
      [policyId, tenantId, DEMO_SLA_POLICY_NAME],
    );
    await manager.query(
      `INSERT INTO sla_policy_versions (policy_id, version, definition) VALUES ($1, 1, $2::jsonb)`,
      [policyId, JSON.stringify(STANDARD)],
    );
  });
}
