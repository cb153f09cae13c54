import { Injectable } from '@nestjs/common';
import type { BusinessCalendar } from '@switchboard/sla';
import { DataSource } from 'typeorm';
import { loadCalendars } from '../../clocks/calendar-rows';
import type { ClockRow } from '../../clocks/clock-rows';

/** What the SLA service keeps of one conversation (`sla_conversations`). */
export interface ConversationSlaRecord {
  readonly conversationId: string;
  readonly cycle: number;
  readonly status: 'open' | 'pending' | 'snoozed' | 'resolved';
  readonly policyId: string | null;
  readonly policyVersion: number | null;
}

interface ConversationRow {
  conversation_id: string;
  cycle: number;
  status: ConversationSlaRecord['status'];
  policy_id: string | null;
  policy_version: number | null;
}

/** Reads of a conversation's SLA state and clocks, scoped to the tenant (the service writes them). */
@Injectable()
export class ConversationClocksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async conversation(
    tenantId: string,
    conversationId: string,
  ): Promise<ConversationSlaRecord | null> {
    const rows: ConversationRow[] = await this.dataSource.query(
      `SELECT conversation_id, cycle, status, policy_id, policy_version
         FROM sla_conversations WHERE tenant_id = $1 AND conversation_id = $2`,
      [tenantId, conversationId],
    );
    const row = rows[0];
    return row
      ? {
          conversationId: row.conversation_id,
          cycle: row.cycle,
          status: row.status,
          policyId: row.policy_id,
          policyVersion: row.policy_version,
        }
      : null;
  }

  /** Every clock of the conversation, newest cycle first, then in the order they started. */
  clocks(tenantId: string, conversationId: string): Promise<ClockRow[]> {
    return this.dataSource.query(
      `SELECT * FROM sla_clocks WHERE tenant_id = $1 AND conversation_id = $2
        ORDER BY cycle DESC, started_at, metric, ordinal`,
      [tenantId, conversationId],
    );
  }

  /** The tenant's calendars with these ids, with their holidays. */
  async calendars(
    tenantId: string,
    calendarIds: ReadonlySet<string>,
  ): Promise<Map<string, BusinessCalendar>> {
    if (calendarIds.size === 0) return new Map();
    const owned: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM sla_calendars WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, [...calendarIds]],
    );
    return loadCalendars(this.dataSource.manager, new Set(owned.map((row) => row.id)));
  }
}
