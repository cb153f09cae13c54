import { Injectable } from '@nestjs/common';
import { ConversationEntity } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { Not, type EntityManager } from 'typeorm';
import type { ActiveConversation } from '../domain/thread-decision';

@Injectable()
export class ConversationRepository {
  /** The contact's unresolved conversation on that channel thread, locked for this transaction. */
  async findActiveForUpdate(
    manager: EntityManager,
    tenantId: string,
    contactId: string,
    channel: string,
    threadKey: string,
  ): Promise<ActiveConversation | null> {
    const found = await manager.findOne(ConversationEntity, {
      select: { id: true, status: true },
      where: { tenantId, contactId, channel, threadKey, status: Not('resolved') },
      lock: { mode: 'pessimistic_write' },
    });
    return found ? { id: found.id, status: found.status as ActiveConversation['status'] } : null;
  }

  async open(
    manager: EntityManager,
    tenantId: string,
    conversation: { contactId: string; channel: string; threadKey: string; at: Date },
  ): Promise<string> {
    const id = randomUUID();
    await manager.insert(ConversationEntity, {
      id,
      tenantId,
      contactId: conversation.contactId,
      channel: conversation.channel,
      threadKey: conversation.threadKey,
      status: 'open',
      openedAt: conversation.at,
      lastMessageAt: conversation.at,
      resolvedAt: null,
    });
    return id;
  }

  /** Records customer activity: the conversation is open again and its last message moves. */
  async touchByCustomer(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    at: Date,
  ): Promise<void> {
    await manager.update(
      ConversationEntity,
      { tenantId, id: conversationId },
      { status: 'open', lastMessageAt: at },
    );
  }
}
