import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@switchboard/bus';
import { Topics, type AnyEnvelope } from '@switchboard/contracts';
import { RoutingCommandPublisher } from '../commands/routing-command.publisher';
import { commandIdFor } from './command-id';

/**
 * Conversation events are keyed by conversation; routing needs them keyed by tenant so the
 * replica owning the tenant sees them. This stateless hop re-keys the ones routing acts on.
 * The command id is derived from the event id, so a redelivered event is applied once.
 */
@Controller()
@UseFilters(BusExceptionFilter)
export class ConversationIntakeHandler {
  constructor(private readonly commands: RoutingCommandPublisher) {}

  @EventPattern(Topics.conversationEvents)
  async handle(@Payload() envelope: AnyEnvelope): Promise<void> {
    const options = {
      id: commandIdFor(envelope.id),
      causationId: envelope.id,
      correlationId: envelope.correlationId,
    };
    if (envelope.type === 'message.received') {
      const message = envelope.data;
      await this.commands.send(
        envelope.tenantId,
        'routing.work_requested',
        {
          conversationId: message.conversationId,
          contactId: message.contactId,
          channel: message.channel,
          channelAccountId: message.channelAccountId,
          language: message.language,
          text: message.text,
          receivedAt: message.receivedAt,
        },
        options,
      );
    } else if (envelope.type === 'conversation.resolved') {
      await this.commands.send(
        envelope.tenantId,
        'routing.work_ended',
        {
          conversationId: envelope.data.conversationId,
          reason: 'resolved',
          at: envelope.data.resolvedAt,
        },
        options,
      );
    }
  }
}
