import { Injectable } from '@nestjs/common';
import { EventOutbox } from '@switchboard/bus';
import type { Channel } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  clientReplyProviderMessageId,
  decideReply,
  outboundProviderMessageId,
} from '../../domain/agent-reply';
import { ConversationRepository } from '../../repositories/conversation.repository';
import { MessageRepository } from '../../repositories/message.repository';
import type { SendReplyCommand } from './send-reply.command';

export type SendReplyResult =
  | { outcome: 'sent' | 'duplicate'; messageId: string; conversationId: string; sentAt: Date }
  | { outcome: 'not-found' | 'resolved' | 'client-id-taken' };

/**
 * Stores an agent's reply as an outbound message, moves the conversation's last message and
 * announces `message.sent` (keyed by conversation), in one transaction holding the
 * conversation's row lock, so its events keep their order with the customer's. A retry with
 * the same client message id gets the first reply back and announces nothing.
 *
 * Nothing is delivered here: handing the reply to its channel is the dispatcher's job (it
 * consumes `message.sent`; delivery progress comes back as `message.status_changed`).
 */
@Injectable()
export class SendReplyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
  ) {}

  async execute(command: SendReplyCommand): Promise<SendReplyResult> {
    const { tenantId } = command;
    return this.dataSource.transaction(async (manager): Promise<SendReplyResult> => {
      const conversation = await this.conversations.findForUpdate(
        manager,
        tenantId,
        command.conversationId,
      );
      if (!conversation) return { outcome: 'not-found' };
      const stored =
        command.clientMessageId === null
          ? null
          : await this.messages.findByProviderId(
              manager,
              tenantId,
              conversation.channel,
              clientReplyProviderMessageId(command.clientMessageId),
            );
      const decision = decideReply(conversation, stored);
      switch (decision.kind) {
        case 'duplicate':
          return {
            outcome: 'duplicate',
            messageId: decision.messageId,
            conversationId: conversation.id,
            sentAt: decision.sentAt,
          };
        case 'resolved':
        case 'client-id-taken':
          return { outcome: decision.kind };
        case 'store':
          break;
      }

      const messageId = randomUUID();
      const sentAt = command.requestedAt;
      const inserted = await this.messages.insertOutbound(manager, {
        id: messageId,
        tenantId,
        conversationId: conversation.id,
        contactId: conversation.contactId,
        channel: conversation.channel,
        providerMessageId: outboundProviderMessageId(messageId, command.clientMessageId),
        text: command.text,
        at: sentAt,
        raw: command.raw,
      });
      // Only a reply in another conversation can hold the id now: this one's row lock is ours.
      if (!inserted) return { outcome: 'client-id-taken' };
      await this.conversations.touchByAgent(manager, tenantId, conversation.id, sentAt);
      const events = new EventOutbox(command);
      events.add('message.sent', conversation.id, {
        messageId,
        conversationId: conversation.id,
        contactId: conversation.contactId,
        // Stored from a validated inbound event, so one of the contract's channels.
        channel: conversation.channel as Channel,
        agentId: command.agentId,
        text: command.text,
        sentAt: sentAt.toISOString(),
      });
      await events.writeTo(manager);
      return { outcome: 'sent', messageId, conversationId: conversation.id, sentAt };
    });
  }
}
