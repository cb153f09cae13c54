import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A snoozed conversation may wake up by itself: `snoozed_until` is when (null for a snooze that
 * lasts until the customer writes, and for every other status). The conversations service polls
 * for due snoozes (`status = 'snoozed' AND snoozed_until <= now() ORDER BY snoozed_until`), so
 * the partial index holds only snoozed rows and answers that query in order.
 */
export class ConversationSnooze1764201600001 implements MigrationInterface {
  name = 'ConversationSnooze1764201600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE conversations ADD COLUMN snoozed_until timestamptz;
      CREATE INDEX conversations_snooze_due ON conversations (snoozed_until)
        WHERE status = 'snoozed';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX conversations_snooze_due;
      ALTER TABLE conversations DROP COLUMN snoozed_until;
    `);
  }
}
