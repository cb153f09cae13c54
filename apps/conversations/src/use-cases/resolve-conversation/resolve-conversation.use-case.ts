import { Injectable } from '@nestjs/common';
import type { Channel } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { decideResolution } from '../../domain/conversation-resolution';
import { ConversationRepository } from '../../repositories/conversation.repository';
import { EventOutbox } from '@switchboard/bus';
import type { ResolveConversationCommand } from './resolve-conversation.command';

export type ResolveConversationResult =
  | { outcome: 'resolved' | 'already-resolved'; conversationId: string; resolvedAt: Date }
  | { outcome: 'not-found' };

/**
 * Resolves a conversation and announces it (`conversation.resolved`, keyed by conversation),
 * in one transaction holding the conversation's row lock, so an inbound message threading
 * into it concurrently is ordered before or after, never in between. Idempotent: resolving a
 * resolved conversation answers the same and announces nothing. A message arriving later
 * reopens it within the reopen window (`decideThread`).
 */
@Injectable()
export class ResolveConversationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
  ) {}

  async execute(command: ResolveConversationCommand): Promise<ResolveConversationResult> {
    const { tenantId, conversationId } = command;
    return this.dataSource.transaction(async (manager) => {
      const conversation = await this.conversations.findForUpdate(
        manager,
        tenantId,
        conversationId,
      );
      if (!conversation) return { outcome: 'not-found' as const };
      const decision = decideResolution(conversation, command.requestedAt);
      if (decision.kind === 'already-resolved') {
        return {
          outcome: 'already-resolved' as const,
          conversationId: conversation.id,
          resolvedAt: decision.resolvedAt,
        };
      }
      await this.conversations.resolve(manager, tenantId, conversation.id, decision.resolvedAt);
      const events = new EventOutbox(command);
      events.add('conversation.resolved', conversation.id, {
        conversationId: conversation.id,
        contactId: conversation.contactId,
        // Stored from a validated inbound event, so one of the contract's channels.
        channel: conversation.channel as Channel,
        resolvedAt: decision.resolvedAt.toISOString(),
        resolvedBy: command.resolvedBy,
      });
      await events.writeTo(manager);
      return {
        outcome: 'resolved' as const,
        conversationId: conversation.id,
        resolvedAt: decision.resolvedAt,
      };
    });
  }
}
