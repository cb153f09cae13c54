import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The router's state. Configuration (skills, agents, queues, rules, settings) is written by
 * the API; live routing state (agent presence and load, each conversation's place) is
 * written only by the router instance that owns the tenant, fenced by `routing_owners.epoch`
 * so a replica that lost the tenant in a rebalance cannot write (or announce) anything.
 */
export class Routing1764115200000 implements MigrationInterface {
  name = 'Routing1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing_skills (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, name)
      );

      CREATE TABLE routing_agents (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id text NOT NULL,
        name text NOT NULL,
        skills jsonb NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        capacity jsonb NOT NULL,
        presence text NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'away', 'offline')),
        connected boolean NOT NULL DEFAULT true,
        disconnected_at timestamptz,
        last_routed_at timestamptz,
        missed_offers integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );

      CREATE TABLE routing_queues (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id text NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );

      -- The ordered rule list is replaced as a whole, so positions never collide.
      CREATE TABLE routing_rules (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        position integer NOT NULL,
        id text NOT NULL,
        name text NOT NULL DEFAULT '',
        conditions jsonb NOT NULL,
        action jsonb NOT NULL,
        PRIMARY KEY (tenant_id, position),
        UNIQUE (tenant_id, id)
      );

      CREATE TABLE routing_settings (
        tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
        settings jsonb NOT NULL,
        default_queue_id text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE routing_owners (
        tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
        epoch bigint NOT NULL,
        owner text NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now()
      );

      -- One row per conversation being routed (waiting, offered or assigned); deleted when it ends.
      CREATE TABLE routing_work (
        conversation_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        state text NOT NULL CHECK (state IN ('waiting', 'offered', 'assigned')),
        queue_id text NOT NULL,
        agent_id text,
        snapshot jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX routing_work_tenant ON routing_work (tenant_id, state);
      CREATE INDEX routing_work_agent ON routing_work (tenant_id, agent_id) WHERE agent_id IS NOT NULL;

      -- Every decision, in order: the audit trail and the explain endpoint's history.
      CREATE TABLE routing_history (
        id bigserial PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        conversation_id uuid,
        agent_id text,
        type text NOT NULL,
        decision jsonb NOT NULL,
        command_id uuid,
        at timestamptz NOT NULL
      );
      CREATE INDEX routing_history_conversation ON routing_history (tenant_id, conversation_id, id);

      CREATE TABLE routing_last_agents (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        contact_id uuid NOT NULL,
        agent_id text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, contact_id)
      );

      -- A command applied once (redeliveries are skipped) and its outcome, for the API to report.
      CREATE TABLE routing_command_results (
        command_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        outcome text NOT NULL CHECK (outcome IN ('applied', 'refused')),
        error_code text,
        message text,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE routing_command_results;
      DROP TABLE routing_last_agents;
      DROP TABLE routing_history;
      DROP TABLE routing_work;
      DROP TABLE routing_owners;
      DROP TABLE routing_settings;
      DROP TABLE routing_rules;
      DROP TABLE routing_queues;
      DROP TABLE routing_agents;
      DROP TABLE routing_skills;
    `);
  }
}
