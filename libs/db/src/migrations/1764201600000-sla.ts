import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA policies, business-hours calendars and the clocks that run under them. The API writes
 * configuration; the `sla` service writes clocks. A clock's `next_fire_at` is its next
 * warning or breach: schedulers in every replica claim due rows with FOR UPDATE SKIP LOCKED
 * and write the new state and its events (outbox) in one transaction, so each fires once.
 */
export class Sla1764201600000 implements MigrationInterface {
  name = 'Sla1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sla_calendars (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        name text NOT NULL,
        time_zone text NOT NULL,
        -- [{ "day": 1-7, "start": "HH:MM", "end": "HH:MM" }]
        weekly jsonb NOT NULL,
        -- [{ "from": iso, "to": iso, "name": text }]
        closures jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, name)
      );

      CREATE TABLE sla_calendar_holidays (
        calendar_id uuid NOT NULL REFERENCES sla_calendars (id) ON DELETE CASCADE,
        date date NOT NULL,
        name text NOT NULL DEFAULT '',
        PRIMARY KEY (calendar_id, date)
      );

      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        name text NOT NULL,
        -- Matched in ascending order; the first whose conditions hold applies.
        position integer NOT NULL,
        current_version integer NOT NULL,
        -- A deleted policy stops matching; its versions stay for the clocks that used them.
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX sla_policies_name ON sla_policies (tenant_id, name) WHERE active;
      CREATE INDEX sla_policies_tenant ON sla_policies (tenant_id, position) WHERE active;

      CREATE TABLE sla_policy_versions (
        policy_id uuid NOT NULL REFERENCES sla_policies (id),
        version integer NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (policy_id, version)
      );

      -- What the SLA service knows of a conversation, to start, pause and meet its clocks.
      CREATE TABLE sla_conversations (
        conversation_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        -- Opened (1) and each reopening (+1): clocks belong to one cycle.
        cycle integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
        -- The policy of this cycle, bound when the router first queues it (judged once a cycle,
        -- matched or not).
        policy_id uuid,
        policy_version integer,
        policy_judged boolean NOT NULL DEFAULT false,
        -- The oldest customer message no agent has answered yet.
        awaiting_since timestamptz,
        -- Whether an agent has replied in this cycle (first response met or not due).
        agent_replied boolean NOT NULL DEFAULT false,
        cycle_started_at timestamptz,
        -- Judged from a first queueing that came in before the reopening it belongs to.
        next_cycle_judged boolean NOT NULL DEFAULT false,
        next_policy_id uuid,
        next_policy_version integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (policy_id, policy_version) REFERENCES sla_policy_versions (policy_id, version),
        FOREIGN KEY (next_policy_id, next_policy_version)
          REFERENCES sla_policy_versions (policy_id, version)
      );

      CREATE TABLE sla_clocks (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        conversation_id uuid NOT NULL,
        metric text NOT NULL
          CHECK (metric IN ('first_response', 'next_response', 'periodic_update', 'resolution')),
        cycle integer NOT NULL,
        -- Next responses and periodic updates recur within a cycle.
        ordinal integer NOT NULL DEFAULT 1,
        policy_id uuid NOT NULL,
        policy_version integer NOT NULL,
        target_seconds integer NOT NULL CHECK (target_seconds > 0),
        business_hours boolean NOT NULL,
        calendar_id uuid REFERENCES sla_calendars (id),
        warn_at_percent integer CHECK (warn_at_percent BETWEEN 1 AND 99),
        status text NOT NULL CHECK (status IN ('running', 'paused', 'met', 'stopped')),
        paused_by text CHECK (paused_by IN ('pending', 'snoozed')),
        started_at timestamptz NOT NULL,
        -- Target units (business or calendar seconds) used up before running_since.
        consumed_seconds double precision NOT NULL DEFAULT 0,
        running_since timestamptz,
        due_at timestamptz,
        warn_at timestamptz,
        warned_at timestamptz,
        breached_at timestamptz,
        ended_at timestamptz,
        -- The next warning or breach to fire; null when none is pending.
        next_fire_at timestamptz,
        FOREIGN KEY (policy_id, policy_version) REFERENCES sla_policy_versions (policy_id, version),
        UNIQUE (conversation_id, metric, cycle, ordinal)
      );
      CREATE INDEX sla_clocks_due ON sla_clocks (next_fire_at) WHERE next_fire_at IS NOT NULL;
      -- (A conversation's clocks are found by the unique index, conversation_id first.)
      -- Whether a calendar still counts clocks, without a scan (business-hours clocks only).
      CREATE INDEX sla_clocks_calendar ON sla_clocks (calendar_id) WHERE calendar_id IS NOT NULL;

      -- Events the SLA service has applied, so a redelivery changes nothing.
      CREATE TABLE sla_processed_events (
        event_id uuid PRIMARY KEY,
        processed_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE sla_processed_events;
      DROP TABLE sla_clocks;
      DROP TABLE sla_conversations;
      DROP TABLE sla_policy_versions;
      DROP TABLE sla_policies;
      DROP TABLE sla_calendar_holidays;
      DROP TABLE sla_calendars;
    `);
  }
}
