import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@switchboard/platform';
import { InboundMessageHandler } from './inbound/inbound-message.handler';
import { OutboxRelayLifecycle } from './outbox-relay.lifecycle';
import { ContactRepository } from './repositories/contact.repository';
import { ConversationRepository } from './repositories/conversation.repository';
import { MessageRepository } from './repositories/message.repository';
import { RecordInboundMessageUseCase } from './use-cases/record-inbound-message/record-inbound-message.use-case';

/** Threads inbound messages into contacts and conversations; publishes what happened. */
@Module({})
export class ConversationsModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return {
      module: ConversationsModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [InboundMessageHandler],
      providers: [
        ContactRepository,
        ConversationRepository,
        MessageRepository,
        RecordInboundMessageUseCase,
        OutboxRelayLifecycle,
      ],
    };
  }
}
