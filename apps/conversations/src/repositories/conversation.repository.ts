import { Injectable } from '@nestjs/common';
import { ConversationEntity, MessageEntity } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { In, Not, type EntityManager } from 'typeorm';
import type { ConversationState, ThreadCandidates } from '../domain/conversation-routing';
import type { ActiveStatus } from '../domain/conversation-status';

/** A conversation read under its row lock, with what changing it needs. */
export interface LockedConversation {
  id: string;
  contactId: string;
  channel: string;
  status: ConversationState;
  resolvedAt: Date | null;
  snoozedUntil: Date | null;
}

/** A conversation whose snooze ran out, claimed by one poller. */
export interface ExpiredSnooze {
  id: string;
  tenantId: string;
  contactId: string;
  channel: string;
  snoozedUntil: Date;
}

/**
 * Conversations; every method is scoped to a tenant, except the snooze sweep
 * (`claimExpiredSnoozes`, `endSnoozes`): a system job across tenants, whose rows say whose they are.
 */
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
      { status: 'open', resolvedAt: null, snoozedUntil: null, lastMessageAt: at },
    );
    return found.resolvedAt ?? at;
  }

  /**
   * The conversation with what changing it needs, locked for this transaction (so its events
   * keep their order); null if not the tenant's.
   */
  async findForUpdate(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
  ): Promise<LockedConversation | null> {
    const found = await manager.findOne(ConversationEntity, {
      select: {
        id: true,
        contactId: true,
        channel: true,
        status: true,
        resolvedAt: true,
        snoozedUntil: true,
      },
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
          snoozedUntil: found.snoozedUntil,
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
      { status: 'resolved', resolvedAt: at, snoozedUntil: null },
    );
  }

  /**
   * Records customer activity: the conversation is open again (a snooze ends) and its last
   * message moves. Returns the state it was in, read under the row lock (the caller's earlier
   * read may not have held it), or null if the tenant has no such conversation.
   */
  async touchByCustomer(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    at: Date,
  ): Promise<LockedConversation | null> {
    const before = await this.findForUpdate(manager, tenantId, conversationId);
    if (!before) return null;
    // Resolved between the (unlocked) lookup and this lock: the message reopens it.
    const reopening = before.status === 'resolved' ? { resolvedAt: null } : {};
    await manager.update(
      ConversationEntity,
      { tenantId, id: conversationId },
      { status: 'open', snoozedUntil: null, lastMessageAt: at, ...reopening },
    );
    return before;
  }

  /** An agent's reply moves the conversation's last message. */
  async touchByAgent(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    at: Date,
  ): Promise<void> {
    await manager.update(
      ConversationEntity,
      { tenantId, id: conversationId },
      { lastMessageAt: at },
    );
  }

  async setStatus(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    change: { status: ActiveStatus; snoozedUntil: Date | null },
  ): Promise<void> {
    await manager.update(
      ConversationEntity,
      { tenantId, id: conversationId },
      {
        status: change.status,
        snoozedUntil: change.status === 'snoozed' ? change.snoozedUntil : null,
      },
    );
  }

  /**
   * Snoozes that have run out, oldest first, across every tenant (a system sweep, so each row
   * says whose it is), locked for this transaction. Rows another replica holds are skipped,
   * not waited for: several pollers share the work without blocking each other.
   */
  async claimExpiredSnoozes(manager: EntityManager, limit: number): Promise<ExpiredSnooze[]> {
    const rows: Array<{
      id: string;
      tenant_id: string;
      contact_id: string;
      channel: string;
      snoozed_until: Date;
    }> = await manager.query(
      `SELECT id, tenant_id, contact_id, channel, snoozed_until
         FROM conversations
        WHERE status = 'snoozed' AND snoozed_until <= now()
        ORDER BY snoozed_until
        LIMIT $1
          FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      contactId: row.contact_id,
      channel: row.channel,
      snoozedUntil: row.snoozed_until,
    }));
  }

  /** Opens claimed conversations whose snooze ran out (`claimExpiredSnoozes` holds their locks). */
  async endSnoozes(manager: EntityManager, claimed: readonly ExpiredSnooze[]): Promise<void> {
    if (claimed.length === 0) return;
    await manager.query(
      `UPDATE conversations SET status = 'open', snoozed_until = NULL
        WHERE id = ANY($1::uuid[]) AND status = 'snoozed'`,
      [claimed.map((conversation) => conversation.id)],
    );
  }
}
