import { Injectable } from '@nestjs/common';
import type { SlaPolicyDefinition } from '@switchboard/sla';
import { DataSource, type EntityManager } from 'typeorm';

/** An active policy at its current version. */
export interface PolicyRecord {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly version: number;
  readonly definition: SlaPolicyDefinition;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface PolicyVersionRecord {
  readonly policyId: string;
  readonly version: number;
  readonly definition: SlaPolicyDefinition;
  /** Whether the policy is active and this is its current version. */
  readonly current: boolean;
  readonly createdAt: Date;
}

interface PolicyRow {
  id: string;
  name: string;
  position: number;
  version: number;
  definition: SlaPolicyDefinition;
  created_at: Date;
  updated_at: Date;
}

const SELECT_CURRENT = `
  SELECT p.id, p.name, p.position, p.current_version AS version, v.definition,
         p.created_at, p.updated_at
    FROM sla_policies p
    JOIN sla_policy_versions v ON v.policy_id = p.id AND v.version = p.current_version`;

const toRecord = (row: PolicyRow): PolicyRecord => ({
  id: row.id,
  name: row.name,
  position: row.position,
  version: row.version,
  definition: row.definition,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * The tenant's SLA policies and their immutable versions; every method is tenant-scoped.
 * A deleted policy is inactive: it no longer matches, and its versions stay for the clocks
 * that run by them.
 */
@Injectable()
export class PolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Active policies in matching order. */
  async listActive(tenantId: string): Promise<PolicyRecord[]> {
    const rows: PolicyRow[] = await this.dataSource.query(
      `${SELECT_CURRENT} WHERE p.tenant_id = $1 AND p.active ORDER BY p.position, p.id`,
      [tenantId],
    );
    return rows.map(toRecord);
  }

  async findActive(
    tenantId: string,
    policyId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PolicyRecord | null> {
    const rows: PolicyRow[] = await manager.query(
      `${SELECT_CURRENT} WHERE p.tenant_id = $1 AND p.id = $2 AND p.active`,
      [tenantId, policyId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The active policy's current version number, its row locked until the transaction ends. */
  async lockActive(
    manager: EntityManager,
    tenantId: string,
    policyId: string,
  ): Promise<number | null> {
    const rows: { current_version: number }[] = await manager.query(
      `SELECT current_version FROM sla_policies
        WHERE tenant_id = $1 AND id = $2 AND active FOR UPDATE`,
      [tenantId, policyId],
    );
    return rows[0]?.current_version ?? null;
  }

  /** A version of one of the tenant's policies, deleted ones included. */
  async findVersion(
    tenantId: string,
    policyId: string,
    version: number,
  ): Promise<PolicyVersionRecord | null> {
    const rows: {
      definition: SlaPolicyDefinition;
      current: boolean;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT v.definition, (p.active AND p.current_version = v.version) AS current, v.created_at
         FROM sla_policy_versions v JOIN sla_policies p ON p.id = v.policy_id
        WHERE p.tenant_id = $1 AND v.policy_id = $2 AND v.version = $3`,
      [tenantId, policyId, version],
    );
    const row = rows[0];
    return row
      ? {
          policyId,
          version,
          definition: row.definition,
          current: row.current,
          createdAt: row.created_at,
        }
      : null;
  }

  /** Whether another active policy of the tenant (not `exceptId`) has this name. */
  async activeNameTaken(
    manager: EntityManager,
    tenantId: string,
    name: string,
    exceptId: string | null = null,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM sla_policies
        WHERE tenant_id = $1 AND active AND name = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [tenantId, name, exceptId],
    );
    return rows.length > 0;
  }

  /** A new policy at version 1. */
  async insert(
    manager: EntityManager,
    tenantId: string,
    policy: { id: string; name: string; position: number; definition: SlaPolicyDefinition },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO sla_policies (id, tenant_id, name, position, current_version)
       VALUES ($1, $2, $3, $4, 1)`,
      [policy.id, tenantId, policy.name, policy.position],
    );
    await manager.query(
      `INSERT INTO sla_policy_versions (policy_id, version, definition) VALUES ($1, 1, $2::jsonb)`,
      [policy.id, JSON.stringify(policy.definition)],
    );
  }

  /** Version `version` of a policy locked with `lockActive`, made current. */
  async addVersion(
    manager: EntityManager,
    tenantId: string,
    policy: {
      id: string;
      name: string;
      position: number;
      version: number;
      definition: SlaPolicyDefinition;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO sla_policy_versions (policy_id, version, definition)
       SELECT id, $3, $4::jsonb FROM sla_policies WHERE tenant_id = $1 AND id = $2`,
      [tenantId, policy.id, policy.version, JSON.stringify(policy.definition)],
    );
    await manager.query(
      `UPDATE sla_policies
          SET name = $3, position = $4, current_version = $5, updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, policy.id, policy.name, policy.position, policy.version],
    );
  }

  /** Stops the policy matching; false when the tenant has no such active policy. */
  async deactivate(manager: EntityManager, tenantId: string, policyId: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE sla_policies SET active = false, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND active`,
      [tenantId, policyId],
    );
    return count > 0;
  }
}
