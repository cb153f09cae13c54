import { Injectable } from '@nestjs/common';
import {
  DEFAULT_ROUTING_SETTINGS,
  type RuleAction,
  type RuleConditions,
  type RoutingSettings,
} from '@switchboard/routing';
import { DataSource, type EntityManager } from 'typeorm';

export interface StoredRule {
  readonly id: string;
  readonly name: string;
  readonly conditions: RuleConditions;
  readonly action: RuleAction;
}

export interface StoredSettings extends RoutingSettings {
  readonly defaultQueueId: string | null;
}

/** The tenant's routing rules and settings; every method is scoped to the tenant. */
@Injectable()
export class RoutingPolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listRules(tenantId: string): Promise<StoredRule[]> {
    return this.dataSource.query(
      `SELECT id, name, conditions, action FROM routing_rules WHERE tenant_id = $1 ORDER BY position`,
      [tenantId],
    );
  }

  /** Replaces the whole ordered list (positions follow the order given). */
  async replaceRules(
    manager: EntityManager,
    tenantId: string,
    rules: readonly StoredRule[],
  ): Promise<void> {
    await manager.query(`DELETE FROM routing_rules WHERE tenant_id = $1`, [tenantId]);
    if (rules.length === 0) return;
    await manager.query(
      `INSERT INTO routing_rules (tenant_id, position, id, name, conditions, action)
       SELECT $1, r.ordinality - 1, r.rule ->> 'id', r.rule ->> 'name', r.rule -> 'conditions',
              r.rule -> 'action'
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(rule, ordinality)`,
      [tenantId, JSON.stringify(rules)],
    );
  }

  /** The settings in force: the defaults until the tenant saves its own. */
  async findSettings(tenantId: string): Promise<StoredSettings> {
    const rows: { settings: Partial<RoutingSettings>; default_queue_id: string | null }[] =
      await this.dataSource.query(
        `SELECT settings, default_queue_id FROM routing_settings WHERE tenant_id = $1`,
        [tenantId],
      );
    return {
      ...DEFAULT_ROUTING_SETTINGS,
      ...rows[0]?.settings,
      defaultQueueId: rows[0]?.default_queue_id ?? null,
    };
  }

  async saveSettings(
    manager: EntityManager,
    tenantId: string,
    settings: StoredSettings,
  ): Promise<void> {
    const { defaultQueueId, ...routing } = settings;
    await manager.query(
      `INSERT INTO routing_settings (tenant_id, settings, default_queue_id) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (tenant_id) DO UPDATE
         SET settings = EXCLUDED.settings, default_queue_id = EXCLUDED.default_queue_id,
             updated_at = now()`,
      [tenantId, JSON.stringify(routing), defaultQueueId],
    );
  }
}
