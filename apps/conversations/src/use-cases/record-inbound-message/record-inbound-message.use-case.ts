import { Injectable } from '@nestjs/common';
import { appendToOutbox, type OutboxEntry } from '@switchboard/bus';
import {
  createEnvelope,
  encodeEnvelope,
  EVENT_CATALOG,
  type EventData,
  type EventType,
} from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { identityAddress } from '../../domain/identity-address';
import { decideThread } from '../../domain/thread-decision';
import { ContactRepository } from '../../repositories/contact.repository';
import { ConversationRepository } from '../../repositories/conversation.repository';
import { MessageRepository } from '../../repositories/message.repository';
import type { RecordInboundMessageCommand } from './record-inbound-message.command';

export type RecordInboundMessageResult =
  | { outcome: 'recorded'; messageId: string; conversationId: string; contactId: string }
  | { outcome: 'duplicate' };

/**
 * Threads one inbound message: finds or creates the contact, joins or opens the conversation,
 * stores the message once, and writes the resulting events to the outbox, all in one
 * transaction. A redelivery of the same provider message changes nothing.
 */
@Injectable()
export class RecordInboundMessageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
  ) {}

  async execute(command: RecordInboundMessageCommand): Promise<RecordInboundMessageResult> {
    return this.dataSource
      .transaction(async (manager): Promise<RecordInboundMessageResult> => {
        const { tenantId, message } = command;
        if (
          await this.messages.existsByProviderId(
            manager,
            tenantId,
            message.channel,
            message.providerMessageId,
          )
        ) {
          return { outcome: 'duplicate' as const };
        }
        const events = new EventCollector(command);
        const receivedAt = new Date(message.receivedAt);

        const address = identityAddress(message.channel, message.sender.externalId);
        let contactId = await this.contacts.findIdByIdentity(
          manager,
          tenantId,
          message.channel,
          address,
        );
        if (!contactId) {
          contactId = await this.contacts.create(manager, tenantId, {
            channel: message.channel,
            address,
            displayName: message.sender.displayName,
          });
          events.add('contact.created', contactId, {
            contactId,
            channel: message.channel,
            identity: address,
            displayName: message.sender.displayName,
          });
        }

        const threadKey = '';
        const active = await this.conversations.findActiveForUpdate(
          manager,
          tenantId,
          contactId,
          message.channel,
          threadKey,
        );
        const decision = decideThread(active);
        let conversationId: string;
        if (decision.kind === 'open') {
          conversationId = await this.conversations.open(manager, tenantId, {
            contactId,
            channel: message.channel,
            threadKey,
            at: receivedAt,
          });
          events.add('conversation.opened', conversationId, {
            conversationId,
            contactId,
            channel: message.channel,
            openedAt: receivedAt.toISOString(),
          });
        } else {
          conversationId = decision.conversationId;
          await this.conversations.touchByCustomer(manager, tenantId, conversationId, receivedAt);
        }

        const messageId = randomUUID();
        const inserted = await this.messages.insertInbound(manager, {
          id: messageId,
          tenantId,
          conversationId,
          contactId,
          channel: message.channel,
          providerMessageId: message.providerMessageId,
          text: message.text,
          sentAt: message.sentAt ? new Date(message.sentAt) : null,
          receivedAt,
          raw: message.raw,
        });
        if (!inserted) {
          // A concurrent delivery stored it first: undo this transaction's contact/conversation.
          throw new DuplicateDelivery();
        }
        events.add('message.received', conversationId, {
          messageId,
          conversationId,
          contactId,
          channel: message.channel,
          providerMessageId: message.providerMessageId,
          text: message.text,
          receivedAt: receivedAt.toISOString(),
        });
        await events.writeTo(manager);
        return { outcome: 'recorded' as const, messageId, conversationId, contactId };
      })
      .catch((error: unknown) => {
        if (error instanceof DuplicateDelivery) return { outcome: 'duplicate' } as const;
        throw error;
      });
  }
}

class DuplicateDelivery extends Error {}

/** Builds the transaction's events for the outbox; each event's key decides its partition and order. */
class EventCollector {
  private readonly entries: OutboxEntry[] = [];

  constructor(private readonly command: RecordInboundMessageCommand) {}

  add<T extends EventType>(type: T, key: string, data: EventData<T>): void {
    const envelope = createEnvelope(type, data, {
      tenantId: this.command.tenantId,
      correlationId: this.command.correlationId,
      causationId: this.command.causationEventId,
    });
    this.entries.push({
      eventId: envelope.id,
      topic: EVENT_CATALOG[type].topic,
      key,
      payload: encodeEnvelope(envelope),
      headers: {
        'event-id': envelope.id,
        'event-type': envelope.type,
        'correlation-id': envelope.correlationId,
      },
    });
  }

  writeTo(manager: EntityManager): Promise<void> {
    return appendToOutbox(manager, this.entries);
  }
}
