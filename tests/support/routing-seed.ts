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
