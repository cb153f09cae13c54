import { Injectable } from '@nestjs/common';
import type { RoutingDecision, WorkSnapshot } from '@switchboard/routing';
import { DataSource } from 'typeorm';

export interface RoutedWork {
  readonly snapshot: WorkSnapshot;
  readonly updatedAt: Date;
}

export interface HistoryEntry {
  readonly type: RoutingDecision['type'];
  readonly at: Date;
  readonly decision: RoutingDecision;
}

/** Conversations being routed (`routing_work`) and their decisions (`routing_history`). */
@Injectable()
export class RoutedWorkRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(tenantId: string, conversationId: string): Promise<RoutedWork | null> {
    const rows: { snapshot: WorkSnapshot; updated_at: Date }[] = await this.dataSource.query(
      `SELECT snapshot, updated_at FROM routing_work WHERE tenant_id = $1 AND conversation_id = $2`,
      [tenantId, conversationId],
    );
    return rows[0] ? { snapshot: rows[0].snapshot, updatedAt: rows[0].updated_at } : null;
  }

  /** Filtered by state, agent and queue (each optional), longest waiting first. */
  async list(
    tenantId: string,
    filter: { state?: string; agentId?: string; queueId?: string; limit: number },
  ): Promise<RoutedWork[]> {
    const rows: { snapshot: WorkSnapshot; updated_at: Date }[] = await this.dataSource.query(
      `SELECT snapshot, updated_at FROM routing_work
        WHERE tenant_id = $1
          AND ($2::text IS NULL OR state = $2)
          AND ($3::text IS NULL OR agent_id = $3)
          AND ($4::text IS NULL OR queue_id = $4)
        ORDER BY (snapshot->>'waitingSince')::double precision, conversation_id
        LIMIT $5`,
      [
        tenantId,
        filter.state ?? null,
        filter.agentId ?? null,
        filter.queueId ?? null,
        filter.limit,
      ],
    );
    return rows.map((row) => ({ snapshot: row.snapshot, updatedAt: row.updated_at }));
  }

  /** Every decision about the conversation, oldest first. */
  async history(tenantId: string, conversationId: string): Promise<HistoryEntry[]> {
    const rows: { type: RoutingDecision['type']; at: Date; decision: RoutingDecision }[] =
      await this.dataSource.query(
        `SELECT type, at, decision FROM routing_history
          WHERE tenant_id = $1 AND conversation_id = $2 ORDER BY id`,
        [tenantId, conversationId],
      );
    return rows;
  }
}
