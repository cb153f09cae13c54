import { Inject, Injectable } from '@nestjs/common';
import type { EventBus } from '@switchboard/bus';
import { createEnvelope, encodeEnvelope, Topics } from '@switchboard/contracts';
import { correlationIdOrNew, ServiceMetrics } from '@switchboard/observability';
import { EVENT_BUS } from '@switchboard/platform';
import { GatewayException } from '../gateway.exception';
import type { ApiMessageRequest } from './api-message.request';

export interface ReceiveApiMessageCommand {
  tenantId: string;
  message: ApiMessageRequest;
  receivedAt: Date;
}

/** Accepts an API-channel message: durably on the bus (acks=all) before the caller hears 202. */
@Injectable()
export class ReceiveApiMessageUseCase {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly metrics: ServiceMetrics,
  ) {}

  async execute(command: ReceiveApiMessageCommand): Promise<{ eventId: string }> {
    const { tenantId, message } = command;
    const envelope = createEnvelope(
      'inbound.message_received',
      {
        channel: 'api',
        channelAccountId: null,
        providerMessageId: message.messageId,
        sender: {
          externalId: message.from.id,
          displayName: message.from.name ?? null,
          phone: message.from.phone ?? null,
          email: message.from.email ?? null,
        },
        threadRef: null,
        replyToProviderMessageId: null,
        text: message.text,
        html: null,
        attachments: [],
        location: null,
        email: null,
        sentAt: message.sentAt ?? null,
        receivedAt: command.receivedAt.toISOString(),
        raw: message,
      },
      { tenantId, correlationId: correlationIdOrNew() },
    );
    try {
      await this.bus.publish(Topics.inboundMessages, [
        {
          // One sender's messages stay in order on one partition.
          key: `${tenantId}:api:${message.from.id}`,
          value: encodeEnvelope(envelope),
          headers: {
            'event-id': envelope.id,
            'event-type': envelope.type,
            'correlation-id': envelope.correlationId,
          },
        },
      ]);
    } catch (error) {
      throw GatewayException.busUnavailable(error);
    }
    this.metrics.eventsPublished.inc({ topic: Topics.inboundMessages, type: envelope.type });
    return { eventId: envelope.id };
  }
}
