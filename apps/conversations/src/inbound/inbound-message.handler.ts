import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@switchboard/bus';
import { Topics, type AnyEnvelope } from '@switchboard/contracts';
import { JsonLogger } from '@switchboard/observability';
import { recordInboundMessageCommandFrom } from '../use-cases/record-inbound-message/record-inbound-message.command';
import { RecordInboundMessageUseCase } from '../use-cases/record-inbound-message/record-inbound-message.use-case';

/** Kafka edge of the service: turns an inbound event into a command and delegates. */
@Controller()
@UseFilters(BusExceptionFilter)
export class InboundMessageHandler {
  constructor(
    private readonly recordInboundMessage: RecordInboundMessageUseCase,
    private readonly logger: JsonLogger,
  ) {}

  @EventPattern(Topics.inboundMessages)
  async handle(@Payload() envelope: AnyEnvelope): Promise<void> {
    if (envelope.type !== 'inbound.message_received') {
      // Other event types on this topic belong to other consumers (none yet): skip.
      return;
    }
    const result = await this.recordInboundMessage.execute(
      recordInboundMessageCommandFrom(envelope),
    );
    this.logger.debug({ eventId: envelope.id, ...result }, 'InboundMessageHandler');
  }
}
