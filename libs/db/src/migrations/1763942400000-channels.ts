import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Channel accounts, webhook dedupe, identities across channels, and richer messages. */
export class Channels1763942400000 implements MigrationInterface {
  name = 'Channels1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- A tenant's presence on a channel: its Twilio number, Slack workspace, page, bot, inbox.
      CREATE TABLE channel_accounts (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        channel text NOT NULL,
        external_id text NOT NULL,
        display_name text NOT NULL,
        -- AES-256-GCM under SWITCHBOARD_SECRETS_KEY: the provider secrets never sit in clear.
        secrets_ciphertext bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        UNIQUE (channel, external_id)
      );
      CREATE INDEX channel_accounts_tenant ON channel_accounts (tenant_id);

      -- Provider deliveries already accepted, so a provider retry is accepted once.
      CREATE TABLE webhook_deliveries (
        channel_account_id uuid NOT NULL REFERENCES channel_accounts(id),
        delivery_id text NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_account_id, delivery_id)
      );
      CREATE INDEX webhook_deliveries_accepted ON webhook_deliveries (accepted_at);

      -- Identities are kinds of address, not channels: the same phone on SMS and WhatsApp, or
      -- the same email address anywhere, is one contact.
      ALTER TABLE contact_identities RENAME COLUMN channel TO kind;
      UPDATE contact_identities SET address = kind || ':' || address, kind = 'provider'
        WHERE kind NOT IN ('phone', 'email');
      ALTER TABLE contact_identities
        ADD CONSTRAINT contact_identities_kind CHECK (kind IN ('phone', 'email', 'provider'));
      ALTER TABLE contacts
        ADD COLUMN language text,
        ADD COLUMN tier text NOT NULL DEFAULT 'standard',
        ADD COLUMN merged_into uuid REFERENCES contacts(id);

      ALTER TABLE messages
        ADD COLUMN channel_account_id uuid REFERENCES channel_accounts(id),
        ADD COLUMN html text,
        ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN location jsonb,
        ADD COLUMN thread_ref text,
        ADD COLUMN reply_to_provider_message_id text,
        ADD COLUMN language text,
        ADD COLUMN email jsonb,
        ADD COLUMN email_message_id text,
        ADD COLUMN edited_at timestamptz,
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN delivery_status text,
        ADD COLUMN delivery_error text,
        ADD COLUMN reactions jsonb NOT NULL DEFAULT '{}';
      -- Email replies find their conversation by the Message-ID they answer.
      CREATE INDEX messages_email_message_id ON messages (tenant_id, email_message_id)
        WHERE email_message_id IS NOT NULL;

      -- Who merged which contacts into which, and when: merges are audited.
      CREATE TABLE contact_merges (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        surviving_contact_id uuid NOT NULL REFERENCES contacts(id),
        merged_contact_id uuid NOT NULL REFERENCES contacts(id),
        merged_by text NOT NULL,
        reason text,
        merged_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE contact_merges;
      DROP INDEX messages_email_message_id;
      ALTER TABLE messages
        DROP COLUMN channel_account_id, DROP COLUMN html, DROP COLUMN attachments,
        DROP COLUMN location, DROP COLUMN thread_ref, DROP COLUMN reply_to_provider_message_id,
        DROP COLUMN language, DROP COLUMN email, DROP COLUMN email_message_id,
        DROP COLUMN edited_at, DROP COLUMN deleted_at, DROP COLUMN delivery_status,
        DROP COLUMN delivery_error, DROP COLUMN reactions;
      ALTER TABLE contacts DROP COLUMN language, DROP COLUMN tier, DROP COLUMN merged_into;
      ALTER TABLE contact_identities DROP CONSTRAINT contact_identities_kind;
      ALTER TABLE contact_identities RENAME COLUMN kind TO channel;
      DROP TABLE webhook_deliveries;
      DROP TABLE channel_accounts;
    `);
  }
}
