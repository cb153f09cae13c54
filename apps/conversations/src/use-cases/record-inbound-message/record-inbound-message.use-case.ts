import { Inject, Injectable } from '@nestjs/common';
import type { Channel, InboundMessageReceived } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CONVERSATIONS_SETTINGS,
  type ConversationsSettings,
} from '../../config/conversations.settings';
import {
  decideThread,
  threadKeyOf,
  type ThreadCandidates,
} from '../../domain/conversation-routing';
import {
  CHANGED_BY_CUSTOMER_MESSAGE,
  statusWokenByCustomer,
} from '../../domain/conversation-status';
import { detectLanguage } from '../../domain/detect-language';
import { senderIdentities } from '../../domain/sender-identities';
import { ContactRepository } from '../../repositories/contact.repository';
import { ConversationRepository } from '../../repositories/conversation.repository';
import { MessageRepository } from '../../repositories/message.repository';
import { EventOutbox } from '@switchboard/bus';
import type { RecordInboundMessageCommand } from './record-inbound-message.command';

export type RecordInboundMessageResult =
  | { outcome: 'recorded'; messageId: string; conversationId: string; contactId: string }
  | { outcome: 'duplicate' }
  | { outcome: 'ignored'; reason: string };

/**
 * Threads one inbound message: resolves the contact across channels, joins (waking a pending
 * or snoozed one), reopens or opens the conversation, stores the message once, and writes the
 * resulting events to the outbox, all in one transaction. A redelivery of the same provider message changes nothing.
 */
@Injectable()
export class RecordInboundMessageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    @Inject(CONVERSATIONS_SETTINGS) private readonly settings: ConversationsSettings,
  ) {}

  async execute(command: RecordInboundMessageCommand): Promise<RecordInboundMessageResult> {
    const { tenantId, message } = command;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const known = await this.messages.existsByProviderId(
          manager,
          tenantId,
          message.channel,
          message.providerMessageId,
        );
        if (known) return { outcome: 'duplicate' as const };
        const events = new EventOutbox(command);
        const receivedAt = new Date(message.receivedAt);
        const language = detectLanguage(message.text);

        const contactId = await this.resolveContact(manager, command, language, events);
        const threadKey = threadKeyOf(message);
        const candidates: ThreadCandidates = {
          referenced: await this.findReferenced(manager, tenantId, message),
          active: await this.conversations.findActiveForUpdate(manager, tenantId, {
            contactId,
            channel: message.channel,
            threadKey,
          }),
          lastResolved: await this.conversations.findLastResolved(manager, tenantId, {
            contactId,
            channel: message.channel,
            threadKey,
          }),
        };
        // Auto-replies and bulk mail never open a conversation.
        if (message.email?.automated && !candidates.referenced && !candidates.active) {
          return { outcome: 'ignored' as const, reason: 'automated email' };
        }
        const conversationId = await this.placeInConversation(manager, command, {
          contactId,
          threadKey,
          candidates,
          receivedAt,
          events,
        });

        const messageId = randomUUID();
        const inserted = await this.messages.insertInbound(manager, {
          id: messageId,
          tenantId,
          conversationId,
          contactId,
          channel: message.channel,
          channelAccountId: message.channelAccountId,
          providerMessageId: message.providerMessageId,
          text: message.text,
          html: message.html,
          attachments: message.attachments,
          location: message.location,
          threadRef: message.threadRef,
          replyToProviderMessageId: message.replyToProviderMessageId,
          language,
          email: message.email,
          emailMessageId: message.email?.messageId ?? null,
          sentAt: message.sentAt ? new Date(message.sentAt) : null,
          receivedAt,
          raw: message.raw,
        });
        // A concurrent delivery stored it first: undo this transaction's contact/conversation.
        if (!inserted) throw new DuplicateDelivery();
        events.add('message.received', conversationId, {
          messageId,
          conversationId,
          contactId,
          channel: message.channel,
          channelAccountId: message.channelAccountId,
          providerMessageId: message.providerMessageId,
          text: message.text,
          language,
          attachmentCount: message.attachments.length,
          receivedAt: receivedAt.toISOString(),
        });
        await events.writeTo(manager);
        return { outcome: 'recorded' as const, messageId, conversationId, contactId };
      });
    } catch (error) {
      if (error instanceof DuplicateDelivery) return { outcome: 'duplicate' };
      throw error;
    }
  }

  /** The contact owning the sender's strongest known identity, or a new one. */
  private async resolveContact(
    manager: EntityManager,
    command: RecordInboundMessageCommand,
    language: string | null,
    events: EventOutbox,
  ): Promise<string> {
    const { tenantId, message } = command;
    const identities = senderIdentities(message.channel, message.sender);
    const owners = await this.contacts.findOwners(manager, tenantId, identities);
    const profile = { displayName: message.sender.displayName, language };
    if (owners.length === 0) {
      const contactId = await this.contacts.create(manager, tenantId, { identities, ...profile });
      events.add('contact.created', contactId, {
        contactId,
        channel: message.channel,
        identities,
        displayName: message.sender.displayName,
      });
      return contactId;
    }
    const contactId = owners[0].contactId;
    // Identities owned by someone else stay theirs: joining two people is an explicit merge.
    const unowned = identities.filter(
      (identity) => !owners.some((owner) => owner.identity === identity),
    );
    await this.contacts.attach(manager, tenantId, contactId, unowned);
    await this.contacts.completeProfile(manager, tenantId, contactId, profile);
    return contactId;
  }

  /** Email replies name their conversation: In-Reply-To, then References newest first, then the reply token. */
  private async findReferenced(
    manager: EntityManager,
    tenantId: string,
    message: InboundMessageReceived,
  ): Promise<ThreadCandidates['referenced']> {
    if (!message.email) return null;
    const ids = [...message.email.inReplyTo, ...[...message.email.references].reverse()];
    const byHeaders = await this.conversations.findByEmailMessageIds(manager, tenantId, ids);
    if (byHeaders) return byHeaders;
    const token = message.email.replyToken;
    if (token && /^[0-9a-f-]{36}$/i.test(token)) {
      return this.conversations.findState(manager, tenantId, token);
    }
    return null;
  }

  private async placeInConversation(
    manager: EntityManager,
    command: RecordInboundMessageCommand,
    placement: {
      contactId: string;
      threadKey: string;
      candidates: ThreadCandidates;
      receivedAt: Date;
      events: EventOutbox;
    },
  ): Promise<string> {
    const { tenantId, message } = command;
    const { contactId, threadKey, candidates, receivedAt, events } = placement;
    const decision = decideThread(candidates, receivedAt, this.settings.reopenWindowMs);
    switch (decision.kind) {
      case 'join': {
        // The state is read again under the row lock: a referenced conversation was found
        // without it, and a snooze may have ended meanwhile.
        const before = await this.conversations.touchByCustomer(
          manager,
          tenantId,
          decision.conversationId,
          receivedAt,
        );
        if (before?.status === 'resolved') {
          // Resolved after the thread was chosen (an email reference is looked up unlocked):
          // the message reopens it, and says so, exactly as the reopen path does.
          announceReopened(events, {
            conversationId: before.id,
            contactId: before.contactId,
            // Stored from a validated inbound event, so one of the contract's channels.
            channel: before.channel as Channel,
            reopenedAt: receivedAt,
            resolvedAt: before.resolvedAt ?? receivedAt,
          });
          return decision.conversationId;
        }
        const wokenFrom = before ? statusWokenByCustomer(before.status) : null;
        if (before && wokenFrom) {
          // Before message.received (same key, so consumers see it first): the SLA clock
          // restarts when the conversation is open again, then the message counts.
          events.add('conversation.status_changed', before.id, {
            conversationId: before.id,
            contactId: before.contactId,
            // Stored from a validated inbound event, so one of the contract's channels.
            channel: before.channel as Channel,
            status: 'open',
            previousStatus: wokenFrom,
            snoozedUntil: null,
            changedBy: CHANGED_BY_CUSTOMER_MESSAGE,
            changedAt: receivedAt.toISOString(),
          });
        }
        return decision.conversationId;
      }
      case 'reopen': {
        const resolvedAt = await this.conversations.reopen(
          manager,
          tenantId,
          decision.conversationId,
          receivedAt,
        );
        if (resolvedAt) {
          announceReopened(events, {
            conversationId: decision.conversationId,
            contactId,
            channel: message.channel,
            reopenedAt: receivedAt,
            resolvedAt,
          });
        }
        return decision.conversationId;
      }
      case 'open': {
        const conversationId = await this.conversations.open(manager, tenantId, {
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
        return conversationId;
      }
    }
  }
}

/** A customer's message reopened a resolved conversation. */
function announceReopened(
  events: EventOutbox,
  reopened: {
    conversationId: string;
    contactId: string;
    channel: Channel;
    reopenedAt: Date;
    resolvedAt: Date;
  },
): void {
  events.add('conversation.reopened', reopened.conversationId, {
    ...reopened,
    reopenedAt: reopened.reopenedAt.toISOString(),
    resolvedAt: reopened.resolvedAt.toISOString(),
  });
}

class DuplicateDelivery extends Error {}
