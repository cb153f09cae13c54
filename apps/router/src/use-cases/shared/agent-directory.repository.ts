import { Injectable } from '@nestjs/common';
import type { CapacityModel, Presence } from '@switchboard/routing';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgentDefinition } from './routing-config.schemas';

/** An agent as stored: its profile and the routing state its owning router last wrote. */
export interface AgentRecord {
  readonly id: string;
  readonly name: string;
  readonly skills: Readonly<Record<string, number>>;
  readonly languages: readonly string[];
  readonly capacity: CapacityModel;
  readonly presence: Presence;
  readonly connected: boolean;
  readonly disconnectedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Conversations an agent holds in one state on one channel (from `routing_work`). */
export interface HeldWork {
  readonly agentId: string;
  readonly state: 'offered' | 'assigned';
  readonly channel: string;
  readonly count: number;
}

interface AgentRow {
  id: string;
  name: string;
  skills: Record<string, number>;
  languages: string[];
  capacity: CapacityModel;
  presence: Presence;
  connected: boolean;
  disconnected_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, name, skills, languages, capacity, presence, connected, disconnected_at,
                 created_at, updated_at`;

const toRecord = (row: AgentRow): AgentRecord => ({
  id: row.id,
  name: row.name,
  skills: row.skills,
  languages: row.languages,
  capacity: row.capacity,
  presence: row.presence,
  connected: row.connected,
  disconnectedAt: row.disconnected_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The tenant's agents (`routing_agents`) and the work they hold; scoped to the tenant. */
@Injectable()
export class AgentDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(tenantId: string): Promise<AgentRecord[]> {
    const rows: AgentRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing_agents WHERE tenant_id = $1 ORDER BY id`,
      [tenantId],
    );
    return rows.map(toRecord);
  }

  async find(tenantId: string, agentId: string): Promise<AgentRecord | null> {
    const rows: AgentRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing_agents WHERE tenant_id = $1 AND id = $2`,
      [tenantId, agentId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async exists(tenantId: string, agentId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM routing_agents WHERE tenant_id = $1 AND id = $2`,
      [tenantId, agentId],
    );
    return rows.length > 0;
  }

  /** Writes the profile; presence and load are the router's and are left as they are. */
  async upsert(
    manager: EntityManager,
    tenantId: string,
    agentId: string,
    agent: AgentDefinition,
  ): Promise<{ created: boolean }> {
    const [row]: { created: boolean }[] = await manager.query(
      `INSERT INTO routing_agents (tenant_id, id, name, skills, languages, capacity)
       VALUES ($1, $2, $3, $4::jsonb, $5::text[], $6::jsonb)
       ON CONFLICT (tenant_id, id) DO UPDATE
         SET name = EXCLUDED.name, skills = EXCLUDED.skills, languages = EXCLUDED.languages,
             capacity = EXCLUDED.capacity, updated_at = now()
       RETURNING (xmax = 0) AS created`,
      [
        tenantId,
        agentId,
        agent.name,
        JSON.stringify(agent.skills),
        agent.languages,
        JSON.stringify(agent.capacity),
      ],
    );
    return { created: row!.created };
  }

  async delete(manager: EntityManager, tenantId: string, agentId: string): Promise<boolean> {
    const [, deleted]: [unknown, number] = await manager.query(
      `DELETE FROM routing_agents WHERE tenant_id = $1 AND id = $2`,
      [tenantId, agentId],
    );
    return deleted > 0;
  }

  /** What the tenant's agents (or one of them) hold now, by state and channel. */
  async heldWork(tenantId: string, agentId?: string): Promise<HeldWork[]> {
    const rows: {
      agent_id: string;
      state: 'offered' | 'assigned';
      channel: string;
      count: number;
    }[] = await this.dataSource.query(
      `SELECT agent_id, state, snapshot ->> 'channel' AS channel, count(*)::int AS count
           FROM routing_work
          WHERE tenant_id = $1 AND agent_id IS NOT NULL AND state IN ('offered', 'assigned')
            AND ($2::text IS NULL OR agent_id = $2)
          GROUP BY agent_id, state, snapshot ->> 'channel'`,
      [tenantId, agentId ?? null],
    );
    return rows.map((row) => ({
      agentId: row.agent_id,
      state: row.state,
      channel: row.channel,
      count: row.count,
    }));
  }
}
