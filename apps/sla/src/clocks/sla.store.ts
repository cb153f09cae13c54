import { Injectable } from '@nestjs/common';
import { PermanentError } from '@switchboard/bus';
import type {
  ConversationSlaState,
  ConversationStatus,
  SlaClock,
  SlaPolicy,
  SlaPolicyDefinition,
} from '@switchboard/sla';
import type { EntityManager } from 'typeorm';
import { CLOCK_COLUMNS, clockValues, type ClockRow } from './clock-rows';
import { isoOrNull, msOrNull } from './instants';

interface ConversationRow {
  tenant_id: string;
  cycle: number;
  status: ConversationStatus;
  policy_id: string | null;
  policy_version: number | null;
  policy_judged: boolean;
  position: number | null;
  definition: SlaPolicyDefinition | null;
  awaiting_since: Date | null;
  agent_replied: boolean;
  cycle_started_at: Date | null;
  next_cycle_judged: boolean;
  next_policy_id: string | null;
  next_policy_version: number | null;
  next_position: number | null;
  next_definition: SlaPolicyDefinition | null;
}

function policyOf(
  id: string | null,
  version: number | null,
  position: number | null,
  definition: SlaPolicyDefinition | null,
): SlaPolicy | null {
  return id && version !== null && definition
    ? { id, version, position: position ?? 0, definition }
    : null;
}

/** The SLA service's reads and writes, all inside the caller's transaction. */
@Injectable()
export class SlaStore {
  /** Records the event as applied; false when it already was (a redelivery). */
  async claimEvent(manager: EntityManager, eventId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO sla_processed_events (event_id) VALUES ($1)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [eventId],
    );
    return rows.length === 1;
  }

  /**
   * The conversation's SLA state, created on first sight and locked: events of one
   * conversation arrive on two topics (conversation and routing events), possibly at two
   * replicas, and are applied one at a time.
   */
  async lockConversation(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
  ): Promise<ConversationSlaState> {
    await manager.query(
      `INSERT INTO sla_conversations (conversation_id, tenant_id) VALUES ($1, $2)
         ON CONFLICT (conversation_id) DO NOTHING`,
      [conversationId, tenantId],
    );
    const [row]: ConversationRow[] = await manager.query(
      `SELECT s.tenant_id, s.cycle, s.status, s.policy_id, s.policy_version, s.policy_judged,
              s.next_cycle_judged, p.position,
              v.definition, s.awaiting_since, s.agent_replied, s.cycle_started_at,
              s.next_policy_id, s.next_policy_version, np.position AS next_position,
              nv.definition AS next_definition
         FROM sla_conversations s
         LEFT JOIN sla_policies p ON p.id = s.policy_id
         LEFT JOIN sla_policy_versions v ON v.policy_id = s.policy_id AND v.version = s.policy_version
         LEFT JOIN sla_policies np ON np.id = s.next_policy_id
         LEFT JOIN sla_policy_versions nv
                ON nv.policy_id = s.next_policy_id AND nv.version = s.next_policy_version
        WHERE s.conversation_id = $1
        FOR UPDATE OF s`,
      [conversationId],
    );
    if (row!.tenant_id !== tenantId)
      throw new PermanentError(`conversation ${conversationId} belongs to another tenant`);
    return {
      cycle: row!.cycle,
      status: row!.status,
      policy: policyOf(row!.policy_id, row!.policy_version, row!.position, row!.definition),
      policyJudged: row!.policy_judged,
      awaitingSince: msOrNull(row!.awaiting_since),
      agentReplied: row!.agent_replied,
      cycleStartedAt: msOrNull(row!.cycle_started_at),
      nextCycle: row!.next_cycle_judged
        ? {
            policy: policyOf(
              row!.next_policy_id,
              row!.next_policy_version,
              row!.next_position,
              row!.next_definition,
            ),
          }
        : null,
    };
  }

  async saveConversation(
    manager: EntityManager,
    conversationId: string,
    state: ConversationSlaState,
  ): Promise<void> {
    await manager.query(
      `UPDATE sla_conversations
          SET cycle = $2, status = $3, policy_id = $4, policy_version = $5, awaiting_since = $6,
              agent_replied = $7, cycle_started_at = $8, next_policy_id = $9,
              next_policy_version = $10, policy_judged = $11, next_cycle_judged = $12,
              updated_at = now()
        WHERE conversation_id = $1`,
      [
        conversationId,
        state.cycle,
        state.status,
        state.policy?.id ?? null,
        state.policy?.version ?? null,
        isoOrNull(state.awaitingSince),
        state.agentReplied,
        isoOrNull(state.cycleStartedAt),
        state.nextCycle?.policy?.id ?? null,
        state.nextCycle?.policy?.version ?? null,
        state.policyJudged,
        state.nextCycle !== null,
      ],
    );
  }

  /** The cycle's clocks, locked against the scheduler firing them mid-change. */
  loadClocks(manager: EntityManager, conversationId: string, cycle: number): Promise<ClockRow[]> {
    return manager.query(
      `SELECT * FROM sla_clocks WHERE conversation_id = $1 AND cycle = $2
        ORDER BY id FOR UPDATE`,
      [conversationId, cycle],
    );
  }

  /** New and changed clocks in one statement. */
  async saveClocks(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    clocks: readonly SlaClock[],
  ): Promise<void> {
    if (clocks.length === 0) return;
    const values: unknown[] = [];
    const tuples = clocks.map((clock) => {
      const base = values.length;
      values.push(...clockValues(tenantId, conversationId, clock));
      return `(${CLOCK_COLUMNS.map((_, index) => `$${base + index + 1}`).join(', ')})`;
    });
    const mutable = CLOCK_COLUMNS.slice(CLOCK_COLUMNS.indexOf('status'));
    await manager.query(
      `INSERT INTO sla_clocks (${CLOCK_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
         ON CONFLICT (id) DO UPDATE SET
         ${mutable.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`,
      values,
    );
  }

  /** The tenant's active policies at their current versions. */
  async activePolicies(manager: EntityManager, tenantId: string): Promise<SlaPolicy[]> {
    const rows: {
      id: string;
      position: number;
      version: number;
      definition: SlaPolicyDefinition;
    }[] = await manager.query(
      `SELECT p.id, p.position, p.current_version AS version, v.definition
           FROM sla_policies p
           JOIN sla_policy_versions v ON v.policy_id = p.id AND v.version = p.current_version
          WHERE p.tenant_id = $1 AND p.active`,
      [tenantId],
    );
    return rows;
  }

  /** The tier of the conversation's contact (the conversations service keeps it). */
  async contactTier(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
  ): Promise<string | null> {
    const rows: { tier: string | null }[] = await manager.query(
      `SELECT c.tier FROM conversations v JOIN contacts c ON c.id = v.contact_id
        WHERE v.tenant_id = $1 AND v.id = $2`,
      [tenantId, conversationId],
    );
    return rows[0]?.tier ?? null;
  }
}
