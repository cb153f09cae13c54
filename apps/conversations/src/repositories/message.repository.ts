import { Injectable } from '@nestjs/common';
import { MessageEntity } from '@switchboard/db';
import type { EntityManager } from 'typeorm';

export interface InboundMessageRow {
  id: string;
  tenantId: string;
  conversationId: string;
  contactId: string;
  channel: string;
  providerMessageId: string;
  text: string;
  sentAt: Date | null;
  receivedAt: Date;
  raw: unknown;
}

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

  /** False when (tenant, channel, provider id) is already stored: a duplicate delivery. */
  async insertInbound(manager: EntityManager, row: InboundMessageRow): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({ ...row, direction: 'inbound', raw: (row.raw ?? null) as object })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }
}
