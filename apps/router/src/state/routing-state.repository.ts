import { Injectable } from '@nestjs/common';
import { EventOutbox, type EventCause } from '@switchboard/bus';
import {
  agentRuntime,
  workSnapshot,
  type RoutingChanges,
  type RoutingDecision,
  type RoutingStateSnapshot,
  type WorkSnapshot,
} from '@switchboard/routing';
import { DataSource, type EntityManager } from 'typeorm';
import { addDecisionEvents } from './decision-events';
import {
  RoutingConfigRepository,
  toProfile,
  type TenantRoutingConfig,
} from './routing-config.repository';

/** Another replica claimed the tenant after us: nothing we decide may be written. */
export class OwnershipLostError extends Error {
  constructor(tenantId: string, epoch: number) {
    super(`tenant ${tenantId}: ownership epoch ${epoch} is no longer current`);
    this.name = 'OwnershipLostError';
  }
}

export interface ClaimedTenant {
  readonly epoch: number;
  readonly config: TenantRoutingConfig;
  readonly state: RoutingStateSnapshot;
}

export interface RoutingCommit {
  readonly tenantId: string;
  readonly epoch: number;
  readonly decisions: readonly RoutingDecision[];
  readonly changes: RoutingChanges;
  readonly cause: EventCause;
  /** The command applied, recorded so a redelivery is skipped and the API can report it. */
  readonly command: {
    readonly id: string;
    readonly refusal: { code: string; message: string } | null;
  } | null;
}

interface AgentStateRow {
  id: string;
  skills: Record<string, number>;
  languages: string[];
  capacity: never;
  presence: 'online' | 'away' | 'offline';
  connected: boolean;
  disconnected_at: Date | null;
  last_routed_at: Date | null;
  missed_offers: number;
}

const ms = (date: Date | null): number | null => (date ? date.getTime() : null);

/**
 * The routing state of tenants this replica owns. A claim bumps the tenant's epoch and reads
 * its state in one transaction; every later write checks the epoch under the row's lock, so
 * a replica that lost the tenant (a rebalance, a pause) can neither write nor announce.
 */
@Injectable()
export class RoutingStateRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: RoutingConfigRepository,
  ) {}

  async claim(tenantId: string, owner: string): Promise<ClaimedTenant> {
    return this.dataSource.transaction(async (manager) => {
      const [{ epoch }]: { epoch: string }[] = await manager.query(
        `INSERT INTO routing_owners (tenant_id, epoch, owner) VALUES ($1, 1, $2)
         ON CONFLICT (tenant_id) DO UPDATE
           SET epoch = routing_owners.epoch + 1, owner = EXCLUDED.owner, claimed_at = now()
         RETURNING epoch`,
        [tenantId, owner],
      );
      return { epoch: Number(epoch), ...(await this.readState(tenantId, manager)) };
    });
  }

  /**
   * The tenant's stored configuration and state, read in one consistent snapshot without
   * claiming it (nothing is written): for a read-only engine that answers questions.
   */
  async readSnapshot(tenantId: string): Promise<Omit<ClaimedTenant, 'epoch'>> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.readState(tenantId, manager),
    );
  }

  private async readState(
    tenantId: string,
    manager: EntityManager,
  ): Promise<Omit<ClaimedTenant, 'epoch'>> {
    const config = await this.config.loadConfig(tenantId, manager);
    const queues = await this.config.loadQueues(tenantId, manager);
    const agents: AgentStateRow[] = await manager.query(
      `SELECT id, skills, languages, capacity, presence, connected, disconnected_at,
              last_routed_at, missed_offers
         FROM routing_agents WHERE tenant_id = $1`,
      [tenantId],
    );
    const work: { snapshot: WorkSnapshot }[] = await manager.query(
      `SELECT snapshot FROM routing_work WHERE tenant_id = $1`,
      [tenantId],
    );
    const longestWindow = Math.max(0, ...queues.map((q) => q.affinity.windowSeconds));
    const lastAgents: { contact_id: string; agent_id: string; at: Date }[] =
      longestWindow > 0
        ? await manager.query(
            `SELECT contact_id, agent_id, at FROM routing_last_agents
              WHERE tenant_id = $1 AND at > now() - make_interval(secs => $2)`,
            [tenantId, longestWindow],
          )
        : [];
    return {
      config,
      state: {
        queues,
        agents: agents.map((row) => ({
          profile: toProfile(row),
          runtime: {
            presence: row.presence,
            connected: row.connected,
            disconnectedAt: ms(row.disconnected_at),
            lastRoutedAt: ms(row.last_routed_at) ?? 0,
            missedOffers: row.missed_offers,
          },
        })),
        work: work.map((row) => row.snapshot),
        lastAgents: lastAgents.map((row) => ({
          contactId: row.contact_id,
          agentId: row.agent_id,
          at: row.at.getTime(),
        })),
      },
    };
  }

  async isApplied(commandId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM routing_command_results WHERE command_id = $1`,
      [commandId],
    );
    return rows.length > 0;
  }

  /**
   * Writes decisions, the state they leave, the command's outcome and the events, fenced by the
   * epoch, in ONE statement (one round trip: this is on every decision's path). Each part runs
   * only if the fence row matched: `FOR UPDATE` waits out a concurrent claim, then re-checks the
   * epoch, so a replica that lost the tenant writes nothing at all.
   */
  async commit(commit: RoutingCommit): Promise<void> {
    const { tenantId, changes } = commit;
    const outbox = new EventOutbox(commit.cause);
    addDecisionEvents(outbox, commit.decisions);
    const rows: { fenced: number }[] = await this.dataSource.query(
      `WITH fence AS (
         SELECT tenant_id FROM routing_owners WHERE tenant_id = $1 AND epoch = $2 FOR UPDATE
       ),
       result AS (
         INSERT INTO routing_command_results (command_id, tenant_id, outcome, error_code, message)
         SELECT $8::uuid, tenant_id, $9, $10, $11 FROM fence WHERE $8::uuid IS NOT NULL
         ON CONFLICT (command_id) DO NOTHING
       ),
       work AS (
         INSERT INTO routing_work (conversation_id, tenant_id, state, queue_id, agent_id, snapshot)
         SELECT (w->>'conversationId')::uuid, f.tenant_id, w->>'state', w->>'queueId', w->>'agentId', w
           FROM jsonb_array_elements($3::jsonb) AS w, fence AS f
         ON CONFLICT (conversation_id) DO UPDATE
           SET state = EXCLUDED.state, queue_id = EXCLUDED.queue_id,
               agent_id = EXCLUDED.agent_id, snapshot = EXCLUDED.snapshot, updated_at = now()
           WHERE routing_work.tenant_id = EXCLUDED.tenant_id
       ),
       ended AS (
         DELETE FROM routing_work
          WHERE tenant_id = (SELECT tenant_id FROM fence) AND conversation_id = ANY($4::uuid[])
       ),
       agents AS (
         UPDATE routing_agents AS a
            SET presence = r.presence, connected = r.connected,
                disconnected_at = to_timestamp(r."disconnectedAt" / 1000.0),
                last_routed_at = to_timestamp(r."lastRoutedAt" / 1000.0),
                missed_offers = r."missedOffers", updated_at = now()
           FROM jsonb_to_recordset($5::jsonb) AS r(id text, presence text, connected boolean,
                "disconnectedAt" double precision, "lastRoutedAt" double precision,
                "missedOffers" integer)
          WHERE a.tenant_id = (SELECT tenant_id FROM fence) AND a.id = r.id
       ),
       last_agents AS (
         INSERT INTO routing_last_agents (tenant_id, contact_id, agent_id, at)
         SELECT f.tenant_id, r."contactId", r."agentId", to_timestamp(r.at / 1000.0)
           FROM jsonb_to_recordset($6::jsonb) AS r("contactId" uuid, "agentId" text, at double precision),
                fence AS f
         ON CONFLICT (tenant_id, contact_id) DO UPDATE
           SET agent_id = EXCLUDED.agent_id, at = EXCLUDED.at
       ),
       history AS (
         INSERT INTO routing_history (tenant_id, conversation_id, agent_id, type, decision, command_id, at)
         SELECT f.tenant_id, (d->>'conversationId')::uuid, d->>'agentId', d->>'type', d, $8::uuid,
                to_timestamp((d->>'at')::double precision / 1000.0)
           FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS h(d, n), fence AS f
          ORDER BY h.n
       ),
       events AS (
         INSERT INTO outbox (event_id, topic, message_key, payload, headers)
         SELECT (e->>'eventId')::uuid, e->>'topic', e->>'key', decode(e->>'payload', 'base64'),
                e->'headers'
           FROM jsonb_array_elements($12::jsonb) WITH ORDINALITY AS o(e, n), fence
          ORDER BY o.n
       )
       SELECT count(*)::int AS fenced FROM fence`,
      [
        tenantId,
        commit.epoch,
        JSON.stringify(changes.work.map(workSnapshot)),
        changes.endedWork,
        JSON.stringify(changes.agents.map((agent) => ({ id: agent.id, ...agentRuntime(agent) }))),
        JSON.stringify(changes.lastAgents),
        JSON.stringify(commit.decisions),
        commit.command?.id ?? null,
        commit.command ? (commit.command.refusal ? 'refused' : 'applied') : null,
        commit.command?.refusal?.code ?? null,
        commit.command?.refusal?.message ?? null,
        JSON.stringify(
          outbox.collected.map((entry) => ({
            eventId: entry.eventId,
            topic: entry.topic,
            key: entry.key,
            payload: entry.payload.toString('base64'),
            headers: entry.headers,
          })),
        ),
      ],
    );
    if (rows[0]?.fenced !== 1) throw new OwnershipLostError(tenantId, commit.epoch);
  }
}
