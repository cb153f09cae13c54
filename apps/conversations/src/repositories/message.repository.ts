import { Injectable } from '@nestjs/common';
import { toStorableDeep } from '@switchboard/contracts';
import { MessageEntity } from '@switchboard/db';
import type { EntityManager } from 'typeorm';
import type { StoredReply } from '../domain/agent-reply';

export type InboundMessageRow = Omit<
  MessageEntity,
  | 'direction'
  | 'createdAt'
  | 'editedAt'
  | 'deletedAt'
  | 'deliveryStatus'
  | 'deliveryError'
  | 'reactions'
>;

/** An agent's reply as stored: outbound, sent (handed over) and received by us at the same moment. */
export interface OutboundMessageRow {
  id: string;
  tenantId: string;
  conversationId: string;
  contactId: string;
  channel: string;
  providerMessageId: string;
  text: string;
  at: Date;
  /** The request that carried it, kept for audit. */
  raw: unknown;
}

export interface StoredMessageRef {
  id: string;
  conversationId: string;
  deliveryStatus: string | null;
}

/** Messages; every method is scoped to a tenant. */
@Injectable()
export class MessageRepository {
  async existsByProviderId(
    manager: EntityManager,
    tenantId: string,
    channel: string,
    providerMessageId: string,
  ): Promise<boolean> {
    return manager.exists(MessageEntity, { where: { tenantId, channel, providerMessageId } });
  }

  /** The message stored under that provider message id (either direction), or null. */
  async findByProviderId(
    manager: EntityManager,
    tenantId: string,
    channel: string,
    providerMessageId: string,
  ): Promise<StoredReply | null> {
    const found = await manager.findOne(MessageEntity, {
      select: { id: true, conversationId: true, direction: true, sentAt: true, receivedAt: true },
      where: { tenantId, channel, providerMessageId },
    });
    return found ?? null;
  }

  /** Locked for this transaction, so concurrent edits or statuses apply one after the other. */
  async findByProviderIdForUpdate(
    manager: EntityManager,
    tenantId: string,
    channel: string,
    providerMessageId: string,
  ): Promise<StoredMessageRef | null> {
    const found = await manager.findOne(MessageEntity, {
      select: { id: true, conversationId: true, deliveryStatus: true },
      where: { tenantId, channel, providerMessageId },
      lock: { mode: 'pessimistic_write' },
    });
    return found ?? null;
  }

  /** False when (tenant, channel, provider id) is already stored: a duplicate delivery. */
  async insertInbound(manager: EntityManager, row: InboundMessageRow): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({
        ...row,
        direction: 'inbound',
        // Provider payloads may hold NULs that jsonb refuses; the audit copy is cleaned.
        raw: toStorableDeep(row.raw ?? null) as object,
        attachments: row.attachments as object[],
        location: (row.location ?? null) as object,
        email: (row.email ?? null) as object,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  /** False when (tenant, channel, provider id) is already taken (a concurrent reply with that client id). */
  async insertOutbound(manager: EntityManager, row: OutboundMessageRow): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({
        id: row.id,
        tenantId: row.tenantId,
        conversationId: row.conversationId,
        contactId: row.contactId,
        channel: row.channel,
        direction: 'outbound',
        providerMessageId: row.providerMessageId,
        text: row.text,
        sentAt: row.at,
        receivedAt: row.at,
        raw: toStorableDeep(row.raw ?? null) as object,
        attachments: [],
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  async applyEdit(
    manager: EntityManager,
    tenantId: string,
    messageId: string,
    edit: { text: string; editedAt: Date },
  ): Promise<void> {
    await manager.update(MessageEntity, { tenantId, id: messageId }, edit);
  }

  async markDeleted(
    manager: EntityManager,
    tenantId: string,
    messageId: string,
    deletedAt: Date,
  ): Promise<void> {
    await manager.update(MessageEntity, { tenantId, id: messageId }, { deletedAt });
  }

  async setDeliveryStatus(
    manager: EntityManager,
    tenantId: string,
    messageId: string,
    status: { deliveryStatus: string; deliveryError: string | null },
  ): Promise<void> {
    await manager.update(MessageEntity, { tenantId, id: messageId }, status);
  }

  /** Sets (or, with null, removes) one sender's reaction. */
  async setReaction(
    manager: EntityManager,
    tenantId: string,
    messageId: string,
    senderId: string,
    emoji: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE messages
          SET reactions = CASE WHEN $4::text IS NULL THEN reactions - $3
                               ELSE jsonb_set(reactions, ARRAY[$3], to_jsonb($4::text)) END
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, messageId, senderId, emoji],
    );
  }
}
