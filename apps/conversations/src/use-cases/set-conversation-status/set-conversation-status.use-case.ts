import { Injectable } from '@nestjs/common';
import { EventOutbox } from '@switchboard/bus';
import type { Channel } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { decideStatusChange, type ActiveStatus } from '../../domain/conversation-status';
import { ConversationRepository } from '../../repositories/conversation.repository';
import type { SetConversationStatusCommand } from './set-conversation-status.command';

export type SetConversationStatusResult =
  | {
      outcome: 'changed' | 'unchanged';
      conversationId: string;
      status: ActiveStatus;
      snoozedUntil: Date | null;
    }
  | { outcome: 'not-found' | 'resolved' };

/**
 * Sets a conversation open, pending (waiting on the customer) or snoozed (until a moment, or
 * until the customer writes) and announces `conversation.status_changed` (keyed by
 * conversation) in one transaction holding the conversation's row lock. Asking for the state
 * it is in announces nothing. A snooze with an end is woken by `ExpireSnoozesUseCase`.
 */
@Injectable()
export class SetConversationStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
  ) {}

  async execute(command: SetConversationStatusCommand): Promise<SetConversationStatusResult> {
    const { tenantId } = command;
    const wanted = { status: command.status, snoozedUntil: command.snoozedUntil };
    return this.dataSource.transaction(async (manager): Promise<SetConversationStatusResult> => {
      const conversation = await this.conversations.findForUpdate(
        manager,
        tenantId,
        command.conversationId,
      );
      if (!conversation) return { outcome: 'not-found' };
      const decision = decideStatusChange(conversation, wanted);
      switch (decision.kind) {
        case 'resolved':
          return { outcome: 'resolved' };
        case 'unchanged':
          return { outcome: 'unchanged', conversationId: conversation.id, ...wanted };
        case 'change':
          break;
      }
      await this.conversations.setStatus(manager, tenantId, conversation.id, wanted);
      const events = new EventOutbox(command);
      events.add('conversation.status_changed', conversation.id, {
        conversationId: conversation.id,
        contactId: conversation.contactId,
        // Stored from a validated inbound event, so one of the contract's channels.
        channel: conversation.channel as Channel,
        status: wanted.status,
        previousStatus: decision.previousStatus,
        snoozedUntil: wanted.snoozedUntil?.toISOString() ?? null,
        changedBy: command.changedBy,
        changedAt: command.requestedAt.toISOString(),
      });
      await events.writeTo(manager);
      return { outcome: 'changed', conversationId: conversation.id, ...wanted };
    });
  }
}
