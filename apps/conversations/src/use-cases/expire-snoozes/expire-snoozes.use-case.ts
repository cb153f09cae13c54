import { Injectable } from '@nestjs/common';
import { appendToOutbox, EventOutbox } from '@switchboard/bus';
import type { Channel } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CHANGED_BY_SNOOZE_EXPIRY } from '../../domain/conversation-status';
import { ConversationRepository } from '../../repositories/conversation.repository';

/** Conversations woken per transaction; a full batch is followed by another at once. */
export const SNOOZE_EXPIRY_BATCH = 200;

/**
 * Opens conversations whose snooze has run out and announces each (`conversation.status_changed`,
 * `changedBy: snooze_expired`, keyed by conversation), in one transaction that claims the rows
 * with `FOR UPDATE SKIP LOCKED`: replicas running this at once share the due conversations and
 * never wake one twice, and a conversation a request or a message is changing is left to it
 * (that change ends the snooze, or the next poll takes it). Returns how many were woken.
 */
@Injectable()
export class ExpireSnoozesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
  ) {}

  async execute(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.conversations.claimExpiredSnoozes(manager, SNOOZE_EXPIRY_BATCH);
      if (due.length === 0) return 0;
      await this.conversations.endSnoozes(manager, due);
      const announced = due.map((conversation) => {
        // Not caused by a request or an event: each wake-up starts its own trace.
        const events = new EventOutbox({
          tenantId: conversation.tenantId,
          correlationId: randomUUID(),
          causationEventId: null,
        });
        events.add('conversation.status_changed', conversation.id, {
          conversationId: conversation.id,
          contactId: conversation.contactId,
          // Stored from a validated inbound event, so one of the contract's channels.
          channel: conversation.channel as Channel,
          status: 'open',
          previousStatus: 'snoozed',
          snoozedUntil: null,
          changedBy: CHANGED_BY_SNOOZE_EXPIRY,
          // The snooze's end is when it became open again, however late this poll ran.
          changedAt: conversation.snoozedUntil.toISOString(),
        });
        return events.collected;
      });
      await appendToOutbox(manager, announced.flat());
      return due.length;
    });
  }
}
