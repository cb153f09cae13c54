import { Injectable } from '@nestjs/common';
import type {
  InboundMessageDeleted,
  InboundMessageEdited,
  InboundReactionReceived,
} from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { MessageRepository } from '../../repositories/message.repository';
import { EventOutbox, type EventCause } from '@switchboard/bus';

export type MessageChange =
  | { kind: 'edit'; data: InboundMessageEdited }
  | { kind: 'delete'; data: InboundMessageDeleted }
  | { kind: 'reaction'; data: InboundReactionReceived };

export interface ApplyMessageChangeCommand extends EventCause {
  change: MessageChange;
}

export type ApplyMessageChangeResult = 'applied' | 'unknown-message';

const OVERTAKE_WINDOW_MS = 120_000;

/** Not permanent: the bus retries it (bounded), giving the message time to be stored. */
export class MessageNotYetStoredError extends Error {
  constructor(providerMessageId: string) {
    super(`Message ${providerMessageId} is not stored yet`);
    this.name = 'MessageNotYetStoredError';
  }
}

function changedAt(change: MessageChange): Date {
  switch (change.kind) {
    case 'edit':
      return new Date(change.data.editedAt);
    case 'delete':
      return new Date(change.data.deletedAt);
    case 'reaction':
      return new Date(change.data.occurredAt);
  }
}

/**
 * Applies a customer's edit, unsend or reaction to the stored message. The message keeps
 * its history in `raw`; the edit replaces the displayed text, a delete hides it. A change to
 * a message we never stored (sent before the channel was connected) is ignored.
 */
@Injectable()
export class ApplyMessageChangeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
  ) {}

  async execute(
    command: ApplyMessageChangeCommand,
    now: () => Date = () => new Date(),
  ): Promise<ApplyMessageChangeResult> {
    const { tenantId, change } = command;
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.messages.findByProviderIdForUpdate(
        manager,
        tenantId,
        change.data.channel,
        change.data.providerMessageId,
      );
      if (!stored) {
        // The change may have overtaken its message (they travel on different partitions):
        // a recent one is retried until the message lands; an old one names a message sent
        // before the channel was connected.
        if (now().getTime() - changedAt(change).getTime() < OVERTAKE_WINDOW_MS) {
          throw new MessageNotYetStoredError(change.data.providerMessageId);
        }
        return 'unknown-message';
      }
      const events = new EventOutbox(command);
      switch (change.kind) {
        case 'edit': {
          const editedAt = new Date(change.data.editedAt);
          await this.messages.applyEdit(manager, tenantId, stored.id, {
            text: change.data.text,
            editedAt,
          });
          events.add('message.updated', stored.conversationId, {
            messageId: stored.id,
            conversationId: stored.conversationId,
            text: change.data.text,
            editedAt: editedAt.toISOString(),
          });
          break;
        }
        case 'delete': {
          const deletedAt = new Date(change.data.deletedAt);
          await this.messages.markDeleted(manager, tenantId, stored.id, deletedAt);
          events.add('message.deleted', stored.conversationId, {
            messageId: stored.id,
            conversationId: stored.conversationId,
            deletedAt: deletedAt.toISOString(),
          });
          break;
        }
        case 'reaction':
          await this.messages.setReaction(
            manager,
            tenantId,
            stored.id,
            change.data.sender.externalId,
            change.data.emoji,
          );
          break;
      }
      await events.writeTo(manager);
      return 'applied';
    });
  }
}
