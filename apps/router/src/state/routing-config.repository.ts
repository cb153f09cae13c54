import { Injectable } from '@nestjs/common';
import {
  DEFAULT_ROUTING_SETTINGS,
  type AgentProfile,
  type CapacityModel,
  type QueueDefinition,
  type RoutingRule,
  type RoutingSettings,
} from '@switchboard/routing';
import { DataSource, type EntityManager } from 'typeorm';

export interface TenantRoutingConfig {
  readonly settings: RoutingSettings;
  /** Where work goes when no rule matches; null: such work is not routed. */
  readonly defaultQueueId: string | null;
  readonly rules: readonly RoutingRule[];
}

interface AgentRow {
  id: string;
  skills: Record<string, number>;
  languages: string[];
  capacity: CapacityModel;
}

/** Reads a tenant's routing configuration; every method is scoped to the tenant. */
@Injectable()
export class RoutingConfigRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAgentProfile(tenantId: string, agentId: string): Promise<AgentProfile | null> {
    const rows: AgentRow[] = await this.dataSource.query(
      `SELECT id, skills, languages, capacity FROM routing_agents WHERE tenant_id = $1 AND id = $2`,
      [tenantId, agentId],
    );
    return rows[0] ? toProfile(rows[0]) : null;
  }

  async findQueue(tenantId: string, queueId: string): Promise<QueueDefinition | null> {
    const rows: { definition: QueueDefinition }[] = await this.dataSource.query(
      `SELECT definition FROM routing_queues WHERE tenant_id = $1 AND id = $2`,
      [tenantId, queueId],
    );
    return rows[0]?.definition ?? null;
  }

  async loadConfig(
    tenantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TenantRoutingConfig> {
    // One after the other: both may run on one transaction's connection.
    const settingsRows: { settings: Partial<RoutingSettings>; default_queue_id: string | null }[] =
      await manager.query(
        `SELECT settings, default_queue_id FROM routing_settings WHERE tenant_id = $1`,
        [tenantId],
      );
    const ruleRows: RoutingRule[] = await manager.query(
      `SELECT id, conditions, action FROM routing_rules WHERE tenant_id = $1 ORDER BY position`,
      [tenantId],
    );
    return {
      settings: { ...DEFAULT_ROUTING_SETTINGS, ...settingsRows[0]?.settings },
      defaultQueueId: settingsRows[0]?.default_queue_id ?? null,
      rules: ruleRows,
    };
  }

  async loadQueues(tenantId: string, manager: EntityManager): Promise<QueueDefinition[]> {
    const rows: { definition: QueueDefinition }[] = await manager.query(
      `SELECT definition FROM routing_queues WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows.map((row) => row.definition);
  }

  async findContactTier(tenantId: string, contactId: string): Promise<string | null> {
    const rows: { tier: string | null }[] = await this.dataSource.query(
      `SELECT tier FROM contacts WHERE tenant_id = $1 AND id = $2`,
      [tenantId, contactId],
    );
    return rows[0]?.tier ?? null;
  }
}

export function toProfile(row: AgentRow): AgentProfile {
  return { id: row.id, skills: row.skills, languages: row.languages, capacity: row.capacity };
}
