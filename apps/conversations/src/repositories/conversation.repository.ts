import { Injectable } from '@nestjs/common';
import { ConversationEntity, MessageEntity } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { In, Not, type EntityManager } from 'typeorm';
import type { ConversationState, ThreadCandidates } from '../domain/conversation-routing';

/** Conversations; every method is scoped to a tenant. */
@Injectable()
export class ConversationRepository {
  /** The contact's unresolved conversation on that channel thread, locked for this transaction. */
  async findActiveForUpdate(
    manager: EntityManager,
    tenantId: string,
    where: { contactId: string; channel: string; threadKey: string },
  ): Promise<ThreadCandidates['active']> {
    const found = await manager.findOne(ConversationEntity, {
      select: { id: true, status: true },
      where: { tenantId, ...where, status: Not('resolved') },
      lock: { mode: 'pessimistic_write' },
    });
    return found ? { id: found.id, status: found.status as 'open' | 'pending' | 'snoozed' } : null;
  }

  async findLastResolved(
    manager: EntityManager,
    tenantId: string,
    where: { contactId: string; channel: string; threadKey: string },
  ): Promise<ThreadCandidates['lastResolved']> {
    const found = await manager.findOne(ConversationEntity, {
      select: { id: true, resolvedAt: true },
      where: { tenantId, ...where, status: 'resolved' },
      order: { resolvedAt: 'DESC' },
    });
    return found?.resolvedAt ? { id: found.id, resolvedAt: found.resolvedAt } : null;
  }

  /**
   * The conversation holding the first of these email Message-IDs that we know (callers pass
   * In-Reply-To first, then References newest first).
   */
  async findByEmailMessageIds(
    manager: EntityManager,
    tenantId: string,
    messageIds: readonly string[],
  ): Promise<ThreadCandidates['referenced']> {
    if (messageIds.length === 0) return null;
    const rows = await manager.find(MessageEntity, {
      select: { emailMessageId: true, conversationId: true },
      where: { tenantId, emailMessageId: In([...messageIds]) },
    });
    for (const messageId of messageIds) {
      const row = rows.find((candidate) => candidate.emailMessageId === messageId);
      if (row) return this.findState(manager, tenantId, row.conversationId);
    }
    return null;
  }

  async findState(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
  ): Promise<{ id: string; status: ConversationState } | null> {
    const found = await manager.findOne(ConversationEntity, {
      select: { id: true, status: true },
      where: { tenantId, id: conversationId },
    });
    return found ? { id: found.id, status: found.status } : null;
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

  /** Reopens a resolved conversation; returns when it had been resolved (null if it was not). */
  async reopen(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    at: Date,
  ): Promise<Date | null> {
    const found = await manager.findOne(ConversationEntity, {
      select: { id: true, resolvedAt: true, status: true },
      where: { tenantId, id: conversationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!found || found.status !== 'resolved') return null;
    await manager.update(
      ConversationEntity,
      { tenantId, id: conversationId },
      { status: 'open', resolvedAt: null, lastMessageAt: at },
    );
    return found.resolvedAt ?? at;
  }

  /** The conversation with what resolving it needs, locked for this transaction; null if not the tenant's. */
  async findForUpdate(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
  ): Promise<{
    id: string;
    contactId: string;
    channel: string;
    status: ConversationState;
    resolvedAt: Date | null;
  } | null> {
    const found = await manager.findOne(ConversationEntity, {
      select: { id: true, contactId: true, channel: true, status: true, resolvedAt: true },
      where: { tenantId, id: conversationId },
      lock: { mode: 'pessimistic_write' },
    });
    return found
      ? {
          id: found.id,
          contactId: found.contactId,
          channel: found.channel,
          status: found.status,
          resolvedAt: found.resolvedAt,
        }
      : null;
  }

  async resolve(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    at: Date,
  ): Promise<void> {
    await manager.update(
      ConversationEntity,
      { tenantId, id: conversationId },
      { status: 'resolved', resolvedAt: at },
    );
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
