import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventOutbox } from '@switchboard/bus';

export interface MergeContactsCommand {
  tenantId: string;
  survivingContactId: string;
  mergedContactId: string;
  /** Who asked (an agent id, `system:…`): merges are audited. */
  mergedBy: string;
  reason: string | null;
  correlationId: string;
}

export type MergeContactsResult = 'merged' | 'already-merged' | 'not-found';

/**
 * Joins two records of one person: the merged contact's identities, conversations and
 * messages move to the surviving one, the merged contact points at it, and the merge is
 * recorded and announced. Idempotent: merging again changes nothing.
 */
@Injectable()
export class MergeContactsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: MergeContactsCommand): Promise<MergeContactsResult> {
    const { tenantId, survivingContactId, mergedContactId } = command;
    if (survivingContactId === mergedContactId)
      throw new Error('A contact cannot be merged into itself');
    return this.dataSource.transaction(async (manager) => {
      // Both rows locked in a fixed order, so two opposite merges cannot deadlock or cross.
      const contacts: Array<{ id: string; merged_into: string | null }> = await manager.query(
        `SELECT id, merged_into FROM contacts WHERE tenant_id = $1 AND id = ANY($2::uuid[])
          ORDER BY id FOR UPDATE`,
        [tenantId, [survivingContactId, mergedContactId]],
      );
      const survivor = contacts.find((contact) => contact.id === survivingContactId);
      const merged = contacts.find((contact) => contact.id === mergedContactId);
      if (!survivor || !merged || survivor.merged_into) return 'not-found';
      if (merged.merged_into === survivingContactId) return 'already-merged';
      if (merged.merged_into) return 'not-found';

      await manager.query(
        'UPDATE contact_identities SET contact_id = $3 WHERE tenant_id = $1 AND contact_id = $2',
        [tenantId, mergedContactId, survivingContactId],
      );
      // Two unresolved conversations on one thread cannot coexist: the merged one's are
      // resolved first (their history stays, under the survivor).
      await manager.query(
        `UPDATE conversations AS moving SET status = 'resolved', resolved_at = now(), snoozed_until = NULL
          WHERE moving.tenant_id = $1 AND moving.contact_id = $2 AND moving.status <> 'resolved'
            AND EXISTS (SELECT 1 FROM conversations AS kept
                         WHERE kept.tenant_id = $1 AND kept.contact_id = $3
                           AND kept.channel = moving.channel AND kept.thread_key = moving.thread_key
                           AND kept.status <> 'resolved')`,
        [tenantId, mergedContactId, survivingContactId],
      );
      await manager.query(
        'UPDATE conversations SET contact_id = $3 WHERE tenant_id = $1 AND contact_id = $2',
        [tenantId, mergedContactId, survivingContactId],
      );
      await manager.query(
        'UPDATE messages SET contact_id = $3 WHERE tenant_id = $1 AND contact_id = $2',
        [tenantId, mergedContactId, survivingContactId],
      );
      await manager.query(
        `UPDATE contacts AS kept SET
            display_name = COALESCE(kept.display_name, gone.display_name),
            language = COALESCE(kept.language, gone.language)
           FROM contacts AS gone
          WHERE kept.tenant_id = $1 AND kept.id = $3 AND gone.id = $2`,
        [tenantId, mergedContactId, survivingContactId],
      );
      await manager.query('UPDATE contacts SET merged_into = $3 WHERE tenant_id = $1 AND id = $2', [
        tenantId,
        mergedContactId,
        survivingContactId,
      ]);
      const mergedAt = new Date();
      await manager.query(
        `INSERT INTO contact_merges (id, tenant_id, surviving_contact_id, merged_contact_id, merged_by, reason, merged_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          randomUUID(),
          tenantId,
          survivingContactId,
          mergedContactId,
          command.mergedBy,
          command.reason,
          mergedAt,
        ],
      );
      const events = new EventOutbox({
        tenantId,
        correlationId: command.correlationId,
        causationEventId: null,
      });
      events.add('contact.merged', survivingContactId, {
        survivingContactId,
        mergedContactId,
        mergedBy: command.mergedBy,
        mergedAt: mergedAt.toISOString(),
      });
      await events.writeTo(manager);
      return 'merged';
    });
  }
}
