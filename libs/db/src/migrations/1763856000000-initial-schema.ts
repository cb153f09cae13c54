import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763856000000 implements MigrationInterface {
  name = 'InitialSchema1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        key_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE INDEX api_keys_tenant ON api_keys (tenant_id);

      CREATE TABLE contacts (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        display_name text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX contacts_tenant ON contacts (tenant_id);

      CREATE TABLE contact_identities (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        contact_id uuid NOT NULL REFERENCES contacts(id),
        channel text NOT NULL,
        address text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, channel, address)
      );
      CREATE INDEX contact_identities_contact ON contact_identities (contact_id);

      CREATE TABLE conversations (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        contact_id uuid NOT NULL REFERENCES contacts(id),
        channel text NOT NULL,
        thread_key text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
        opened_at timestamptz NOT NULL,
        last_message_at timestamptz NOT NULL,
        resolved_at timestamptz
      );
      -- At most one unresolved conversation per contact, channel and channel thread.
      CREATE UNIQUE INDEX conversations_one_active
        ON conversations (tenant_id, contact_id, channel, thread_key)
        WHERE status <> 'resolved';

      CREATE TABLE messages (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        conversation_id uuid NOT NULL REFERENCES conversations(id),
        contact_id uuid NOT NULL REFERENCES contacts(id),
        channel text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        provider_message_id text NOT NULL,
        text text NOT NULL,
        sent_at timestamptz,
        received_at timestamptz NOT NULL,
        raw jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A provider retry or a Kafka redelivery stores nothing twice.
        UNIQUE (tenant_id, channel, provider_message_id)
      );
      CREATE INDEX messages_conversation ON messages (conversation_id, received_at);

      CREATE TABLE outbox (
        seq bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;

      -- Wakes the relay the moment a transaction that wrote events commits.
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('switchboard_outbox', '');
        RETURN NULL;
      END $$;
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
        FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE outbox;
      DROP FUNCTION outbox_notify();
      DROP TABLE messages;
      DROP TABLE conversations;
      DROP TABLE contact_identities;
      DROP TABLE contacts;
      DROP TABLE api_keys;
      DROP TABLE tenants;
    `);
  }
}
