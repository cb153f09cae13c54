import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface SkillRecord {
  readonly name: string;
  readonly description: string;
  readonly createdAt: Date;
}

/** Who still needs a skill: it cannot be deleted while any of these is non-empty. */
export interface SkillUsers {
  readonly agents: readonly string[];
  readonly queues: readonly string[];
  readonly rules: readonly string[];
}

interface SkillRow {
  name: string;
  description: string;
  created_at: Date;
}

const toRecord = (row: SkillRow): SkillRecord => ({
  name: row.name,
  description: row.description,
  createdAt: row.created_at,
});

/** The tenant's skill catalogue (`routing_skills`); every method is scoped to the tenant. */
@Injectable()
export class SkillCatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(tenantId: string): Promise<SkillRecord[]> {
    const rows: SkillRow[] = await this.dataSource.query(
      `SELECT name, description, created_at FROM routing_skills WHERE tenant_id = $1 ORDER BY name`,
      [tenantId],
    );
    return rows.map(toRecord);
  }

  /** Creates the skill or updates its description (kept when none is given). */
  async upsert(
    manager: EntityManager,
    tenantId: string,
    name: string,
    description: string | undefined,
  ): Promise<{ skill: SkillRecord; created: boolean }> {
    const [row]: (SkillRow & { created: boolean })[] = await manager.query(
      `INSERT INTO routing_skills (tenant_id, name, description) VALUES ($1, $2, COALESCE($3, ''))
       ON CONFLICT (tenant_id, name) DO UPDATE
         SET description = COALESCE($3, routing_skills.description)
       RETURNING name, description, created_at, (xmax = 0) AS created`,
      [tenantId, name, description ?? null],
    );
    return { skill: toRecord(row!), created: row!.created };
  }

  /** Those of `names` the catalogue does not hold. */
  async missing(
    tenantId: string,
    names: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (names.length === 0) return [];
    const rows: { name: string }[] = await manager.query(
      `SELECT DISTINCT n.name FROM unnest($2::text[]) AS n(name)
        WHERE NOT EXISTS (SELECT 1 FROM routing_skills s WHERE s.tenant_id = $1 AND s.name = n.name)`,
      [tenantId, [...names]],
    );
    return rows.map((row) => row.name);
  }

  async usersOf(manager: EntityManager, tenantId: string, name: string): Promise<SkillUsers> {
    const requirement = JSON.stringify([{ skill: name }]);
    // One after another: the queries share the transaction's connection.
    const agents: { id: string }[] = await manager.query(
      `SELECT id FROM routing_agents WHERE tenant_id = $1 AND skills ->> $2 IS NOT NULL
        ORDER BY id LIMIT 20`,
      [tenantId, name],
    );
    const queues: { id: string }[] = await manager.query(
      `SELECT id FROM routing_queues
        WHERE tenant_id = $1
          AND (definition -> 'requiredSkills' @> $2::jsonb OR definition -> 'optionalSkills' @> $2::jsonb)
        ORDER BY id LIMIT 20`,
      [tenantId, requirement],
    );
    const rules: { id: string }[] = await manager.query(
      `SELECT id FROM routing_rules WHERE tenant_id = $1 AND action -> 'skills' @> $2::jsonb
        ORDER BY position LIMIT 20`,
      [tenantId, requirement],
    );
    return {
      agents: agents.map((row) => row.id),
      queues: queues.map((row) => row.id),
      rules: rules.map((row) => row.id),
    };
  }

  async delete(manager: EntityManager, tenantId: string, name: string): Promise<boolean> {
    const [, deleted]: [unknown, number] = await manager.query(
      `DELETE FROM routing_skills WHERE tenant_id = $1 AND name = $2`,
      [tenantId, name],
    );
    return deleted > 0;
  }
}
