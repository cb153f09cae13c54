import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@switchboard/bus';
import { assertUnreachable, Topics, type AnyEnvelope } from '@switchboard/contracts';
import { JsonLogger } from '@switchboard/observability';
import { ApplyDeliveryStatusUseCase } from '../use-cases/apply-delivery-status/apply-delivery-status.use-case';
import { ApplyMessageChangeUseCase } from '../use-cases/apply-message-change/apply-message-change.use-case';
import { recordInboundMessageCommandFrom } from '../use-cases/record-inbound-message/record-inbound-message.command';
import { RecordInboundMessageUseCase } from '../use-cases/record-inbound-message/record-inbound-message.use-case';

/** Kafka edge of the service: turns each inbound event into a command and delegates. */
@Controller()
@UseFilters(BusExceptionFilter)
export class InboundMessageHandler {
  constructor(
    private readonly recordInboundMessage: RecordInboundMessageUseCase,
    private readonly applyMessageChange: ApplyMessageChangeUseCase,
    private readonly applyDeliveryStatus: ApplyDeliveryStatusUseCase,
    private readonly logger: JsonLogger,
  ) {}

  @EventPattern(Topics.inboundMessages)
  async handle(@Payload() envelope: AnyEnvelope): Promise<void> {
    const cause = {
      tenantId: envelope.tenantId,
      correlationId: envelope.correlationId,
      causationEventId: envelope.id,
    };
    let outcome: unknown;
    switch (envelope.type) {
      case 'inbound.message_received':
        outcome = await this.recordInboundMessage.execute(
          recordInboundMessageCommandFrom(envelope),
        );
        break;
      case 'inbound.message_edited':
        outcome = await this.applyMessageChange.execute({
          ...cause,
          change: { kind: 'edit', data: envelope.data },
        });
        break;
      case 'inbound.message_deleted':
        outcome = await this.applyMessageChange.execute({
          ...cause,
          change: { kind: 'delete', data: envelope.data },
        });
        break;
      case 'inbound.reaction_received':
        outcome = await this.applyMessageChange.execute({
          ...cause,
          change: { kind: 'reaction', data: envelope.data },
        });
        break;
      case 'inbound.status_received':
        outcome = await this.applyDeliveryStatus.execute({ ...cause, status: envelope.data });
        break;
      case 'contact.created':
      case 'contact.merged':
      case 'contact.tier_changed':
      case 'conversation.opened':
      case 'conversation.reopened':
      case 'conversation.resolved':
      case 'message.received':
      case 'message.updated':
      case 'message.deleted':
      case 'message.status_changed':
      case 'routing.queued':
      case 'routing.widened':
      case 'routing.offered':
      case 'routing.offer_expired':
      case 'routing.assigned':
      case 'routing.transferred':
      case 'routing.unassigned':
      case 'routing.dequeued':
      case 'routing.agent_presence_changed':
      case 'routing.work_requested':
      case 'routing.work_ended':
      case 'routing.presence_requested':
      case 'routing.connection_changed':
      case 'routing.offer_answered':
      case 'routing.transfer_requested':
      case 'routing.config_changed':
      case 'routing.sla_due_changed':
      case 'routing.priority_raised':
      case 'message.sent':
      case 'conversation.status_changed':
      case 'sla.started':
      case 'sla.paused':
      case 'sla.resumed':
      case 'sla.warning':
      case 'sla.breached':
      case 'sla.met':
      case 'sla.stopped':
        // Conversation, routing and SLA events never travel on the inbound topic.
        outcome = 'not an inbound event';
        break;
      default:
        assertUnreachable(envelope);
    }
    this.logger.debug(
      { eventId: envelope.id, type: envelope.type, outcome },
      'InboundMessageHandler',
    );
  }
}
