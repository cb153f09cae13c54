import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contact's tier becomes an optional label the router routes by ('vip', 'gold', …): null
 * when the contact has none. The column existed since Channels1763942400000 as
 * `NOT NULL DEFAULT 'standard'`, and nothing ever wrote it, so every 'standard' is that
 * default and means "no tier". Labels are 1 to 40 lowercase letters, digits, '-' or '_'.
 */
export class ContactTier1764028800000 implements MigrationInterface {
  name = 'ContactTier1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE contacts ALTER COLUMN tier DROP NOT NULL, ALTER COLUMN tier DROP DEFAULT;
      UPDATE contacts SET tier = NULL WHERE tier = 'standard';
      ALTER TABLE contacts
        ADD CONSTRAINT contacts_tier CHECK (tier ~ '^[a-z0-9_-]{1,40}$');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE contacts DROP CONSTRAINT contacts_tier;
      UPDATE contacts SET tier = 'standard' WHERE tier IS NULL;
      ALTER TABLE contacts ALTER COLUMN tier SET DEFAULT 'standard', ALTER COLUMN tier SET NOT NULL;
    `);
  }
}
