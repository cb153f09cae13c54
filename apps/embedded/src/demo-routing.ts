import type { DataSource } from 'typeorm';

export const DEMO_AGENT_ID = 'demo-agent';
export const DEMO_QUEUE_ID = 'general';

/**
 * Gives the demo tenant something to route to: a `general` skill and queue (the default
 * queue, offers time out after 60 s) and one agent, online, holding up to 3 conversations.
 * Only inserted when missing, so changes made through the API survive a restart.
 */
export async function seedDemoRouting(dataSource: DataSource, tenantId: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO routing_skills (tenant_id, name, description)
       VALUES ($1, 'general', 'Any customer question') ON CONFLICT DO NOTHING`,
      [tenantId],
    );
    await manager.query(
      `INSERT INTO routing_queues (tenant_id, id, name, definition)
       VALUES ($1, $2, 'General', $3::jsonb) ON CONFLICT DO NOTHING`,
      [
        tenantId,
        DEMO_QUEUE_ID,
        JSON.stringify({
          id: DEMO_QUEUE_ID,
          priority: 0,
          requiredSkills: [{ skill: 'general', minLevel: 1 }],
          optionalSkills: [],
          strategy: 'longest_idle',
          widening: [],
          offerTimeoutSeconds: 60,
          autoAccept: false,
          affinity: { windowSeconds: 86_400, waitSeconds: 0 },
        }),
      ],
    );
    await manager.query(
      `INSERT INTO routing_agents (tenant_id, id, name, skills, languages, capacity, presence)
       VALUES ($1, $2, 'Demo Agent', '{"general": 5}', '{eng}', '{"totalUnits": 3}', 'online')
       ON CONFLICT DO NOTHING`,
      [tenantId, DEMO_AGENT_ID],
    );
    await manager.query(
      `INSERT INTO routing_settings (tenant_id, settings, default_queue_id)
       VALUES ($1, '{}', $2) ON CONFLICT DO NOTHING`,
      [tenantId, DEMO_QUEUE_ID],
    );
  });
}
