import { Injectable } from '@nestjs/common';
import type { QueueDefinition } from '@switchboard/routing';
import { DataSource, type EntityManager } from 'typeorm';

export interface QueueRecord {
  readonly id: string;
  readonly name: string;
  /** As the engine takes it, id included. */
  readonly definition: QueueDefinition;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What still refers to a queue: it cannot be deleted while any of these holds. */
export interface QueueUsage {
  /** Conversations being routed in it. */
  readonly conversations: number;
  readonly rules: readonly string[];
  /** Queues whose widening overflows into it. */
  readonly overflowFrom: readonly string[];
  readonly isDefault: boolean;
}

interface QueueRow {
  id: string;
  name: string;
  definition: QueueDefinition;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (row: QueueRow): QueueRecord => ({
  id: row.id,
  name: row.name,
  definition: row.definition,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The tenant's queues (`routing_queues`); every method is scoped to the tenant. */
@Injectable()
export class QueueCatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(tenantId: string): Promise<QueueRecord[]> {
    const rows: QueueRow[] = await this.dataSource.query(
      `SELECT id, name, definition, created_at, updated_at FROM routing_queues
        WHERE tenant_id = $1 ORDER BY id`,
      [tenantId],
    );
    return rows.map(toRecord);
  }

  async find(
    tenantId: string,
    queueId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QueueRecord | null> {
    const rows: QueueRow[] = await manager.query(
      `SELECT id, name, definition, created_at, updated_at FROM routing_queues
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, queueId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Those of `queueIds` the tenant has no queue for. */
  async missing(
    tenantId: string,
    queueIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (queueIds.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT q.id FROM unnest($2::text[]) AS q(id)
        WHERE NOT EXISTS (SELECT 1 FROM routing_queues r WHERE r.tenant_id = $1 AND r.id = q.id)`,
      [tenantId, [...queueIds]],
    );
    return rows.map((row) => row.id);
  }

  async upsert(
    manager: EntityManager,
    tenantId: string,
    name: string,
    definition: QueueDefinition,
  ): Promise<{ queue: QueueRecord; created: boolean }> {
    const [row]: (QueueRow & { created: boolean })[] = await manager.query(
      `INSERT INTO routing_queues (tenant_id, id, name, definition) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (tenant_id, id) DO UPDATE
         SET name = EXCLUDED.name, definition = EXCLUDED.definition, updated_at = now()
       RETURNING id, name, definition, created_at, updated_at, (xmax = 0) AS created`,
      [tenantId, definition.id, name, JSON.stringify(definition)],
    );
    return { queue: toRecord(row!), created: row!.created };
  }

  async usage(manager: EntityManager, tenantId: string, queueId: string): Promise<QueueUsage> {
    // One after another: the queries share the transaction's connection.
    const [work]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM routing_work WHERE tenant_id = $1 AND queue_id = $2`,
      [tenantId, queueId],
    );
    const rules: { id: string }[] = await manager.query(
      `SELECT id FROM routing_rules WHERE tenant_id = $1 AND action ->> 'queueId' = $2
        ORDER BY position`,
      [tenantId, queueId],
    );
    const overflow: { id: string }[] = await manager.query(
      `SELECT id FROM routing_queues
        WHERE tenant_id = $1 AND id <> $2
          AND definition -> 'widening' @> jsonb_build_array(jsonb_build_object('overflowToQueueId', $2::text))
        ORDER BY id`,
      [tenantId, queueId],
    );
    const [settings]: { is_default: boolean }[] = await manager.query(
      `SELECT (default_queue_id = $2) AS is_default FROM routing_settings WHERE tenant_id = $1`,
      [tenantId, queueId],
    );
    return {
      conversations: work?.count ?? 0,
      rules: rules.map((row) => row.id),
      overflowFrom: overflow.map((row) => row.id),
      isDefault: settings?.is_default ?? false,
    };
  }

  /** Deletes the queue and returns it as it was (to put back if the router refuses). */
  async delete(
    manager: EntityManager,
    tenantId: string,
    queueId: string,
  ): Promise<QueueRecord | null> {
    const [rows]: [QueueRow[], number] = await manager.query(
      `DELETE FROM routing_queues WHERE tenant_id = $1 AND id = $2
       RETURNING id, name, definition, created_at, updated_at`,
      [tenantId, queueId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Puts back a queue deleted a moment ago, unless one was written since. */
  async reinstate(manager: EntityManager, tenantId: string, queue: QueueRecord): Promise<void> {
    await manager.query(
      `INSERT INTO routing_queues (tenant_id, id, name, definition, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6) ON CONFLICT (tenant_id, id) DO NOTHING`,
      [
        tenantId,
        queue.id,
        queue.name,
        JSON.stringify(queue.definition),
        queue.createdAt,
        queue.updatedAt,
      ],
    );
  }
}
