import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sequence numbers are handed out at insert, not at commit: a relay ordering by `seq` alone
 * could publish a later transaction's events before an earlier, still open one commits.
 * Recording each row's transaction lets the relay wait until every older one has finished.
 */
export class OutboxCommitOrder1763942500000 implements MigrationInterface {
  name = 'OutboxCommitOrder1763942500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE outbox ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN xid`);
  }
}
