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

/**
 * Threads inbound messages into contacts and conversations; publishes what happened. Its HTTP
 * API (tenant API key) resolves conversations and sets contact tiers.
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
        ...apiKeyAuthProviders,
        OutboxRelayLifecycle,
        { provide: CONVERSATIONS_SETTINGS, useValue: settings },
      ],
    };
  }
}
