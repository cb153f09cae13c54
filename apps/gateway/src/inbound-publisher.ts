import { Inject, Injectable } from '@nestjs/common';
import type { EventBus } from '@switchboard/bus';
import { encodeEnvelope, Topics, type AnyEnvelope } from '@switchboard/contracts';
import { ServiceMetrics } from '@switchboard/observability';
import { EVENT_BUS } from '@switchboard/platform';

/**
 * Puts inbound facts on the bus, for every way in (API, webhooks, SMTP, web chat). Resolves
 * only once Kafka acknowledged all of them (acks=all); a rejection is the caller's to map.
 */
@Injectable()
export class InboundPublisher {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly metrics: ServiceMetrics,
  ) {}

  async publish(envelopes: readonly AnyEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    await this.bus.publish(
      Topics.inboundMessages,
      envelopes.map((envelope) => ({
        key: inboundPartitionKey(envelope),
        value: encodeEnvelope(envelope),
        headers: {
          'event-id': envelope.id,
          'event-type': envelope.type,
          'correlation-id': envelope.correlationId,
        },
      })),
    );
    for (const envelope of envelopes) {
      this.metrics.eventsPublished.inc({ topic: Topics.inboundMessages, type: envelope.type });
    }
  }
}

/**
 * One sender's messages in order on one partition. Changes to a message (edit, unsend,
 * status) carry no sender in every channel, so they go by the message; the consumer retries
 * a recent change that overtakes its message.
 */
export function inboundPartitionKey(envelope: AnyEnvelope): string {
  const data = envelope.data as {
    channel: string;
    sender?: { externalId: string };
    providerMessageId: string;
  };
  return envelope.type === 'inbound.message_received'
    ? `${envelope.tenantId}:${data.channel}:${data.sender?.externalId}`
    : `${envelope.tenantId}:${data.channel}:message:${data.providerMessageId}`;
}
