import { Module, type DynamicModule } from '@nestjs/common';
import {
  apiKeyAuthProviders,
  OutboxRelayLifecycle,
  PlatformModule,
  type ServiceRuntime,
} from '@switchboard/platform';
import {
  CONVERSATIONS_SETTINGS,
  type ConversationsSettings,
} from './config/conversations.settings';
import { ContactsController } from './http/contacts.controller';
import { ConversationsController } from './http/conversations.controller';
import { InboundMessageHandler } from './inbound/inbound-message.handler';
import { ApplyDeliveryStatusUseCase } from './use-cases/apply-delivery-status/apply-delivery-status.use-case';
import { MergeContactsUseCase } from './use-cases/merge-contacts/merge-contacts.use-case';
import { ApplyMessageChangeUseCase } from './use-cases/apply-message-change/apply-message-change.use-case';

import { ContactRepository } from './repositories/contact.repository';
import { ConversationRepository } from './repositories/conversation.repository';
import { MessageRepository } from './repositories/message.repository';
import { RecordInboundMessageUseCase } from './use-cases/record-inbound-message/record-inbound-message.use-case';
import { ResolveConversationUseCase } from './use-cases/resolve-conversation/resolve-conversation.use-case';
import { SetContactTierUseCase } from './use-cases/set-contact-tier/set-contact-tier.use-case';
import { ExpireSnoozesUseCase } from './use-cases/expire-snoozes/expire-snoozes.use-case';
import { SendReplyUseCase } from './use-cases/send-reply/send-reply.use-case';
import { SetConversationStatusUseCase } from './use-cases/set-conversation-status/set-conversation-status.use-case';
import { SnoozeExpiryPoller } from './snooze/snooze-expiry.poller';

/**
 * Threads inbound messages into contacts and conversations; publishes what happened. Its HTTP
 * API (tenant API key) stores agents' replies, sets and resolves conversations' statuses and
 * sets contact tiers; a poller reopens conversations whose snooze ran out.
 */
@Module({})
export class ConversationsModule {
  static forRoot(runtime: ServiceRuntime, settings: ConversationsSettings): DynamicModule {
    return {
      module: ConversationsModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [InboundMessageHandler, ConversationsController, ContactsController],
      providers: [
        ContactRepository,
        ConversationRepository,
        MessageRepository,
        RecordInboundMessageUseCase,
        ApplyMessageChangeUseCase,
        ApplyDeliveryStatusUseCase,
        MergeContactsUseCase,
        ResolveConversationUseCase,
        SetContactTierUseCase,
        SendReplyUseCase,
        SetConversationStatusUseCase,
        ExpireSnoozesUseCase,
        ...apiKeyAuthProviders,
        OutboxRelayLifecycle,
        SnoozeExpiryPoller,
        { provide: CONVERSATIONS_SETTINGS, useValue: settings },
      ],
    };
  }
}
