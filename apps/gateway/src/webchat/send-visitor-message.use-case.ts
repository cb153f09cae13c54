import { Inject, Injectable } from '@nestjs/common';
import type { EventBus } from '@switchboard/bus';
import {
  webchatInboundMessage,
  type WebchatMessage,
  type WebchatVisitorProfile,
} from '@switchboard/channels';
import { createEnvelope, encodeEnvelope, Topics } from '@switchboard/contracts';
import { correlationIdOrNew, ServiceMetrics } from '@switchboard/observability';
import { EVENT_BUS } from '@switchboard/platform';
import type { VisitorSession } from './visitor-session';
import { WebchatException } from './webchat.exception';

export interface SendVisitorMessageCommand {
  session: VisitorSession;
  profile: WebchatVisitorProfile;
  message: WebchatMessage;
  receivedAt: Date;
}

/**
 * Puts a visitor's message on the bus as `inbound.message_received` (acks=all) and only then
 * lets the socket acknowledge it. The provider message id is stable across resends, so the
 * conversations service stores a resent message once.
 */
@Injectable()
export class SendVisitorMessageUseCase {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly metrics: ServiceMetrics,
  ) {}

  async execute(
    command: SendVisitorMessageCommand,
  ): Promise<{ messageId: string; eventId: string }> {
    const { session, receivedAt } = command;
    if (session.expiresAt <= receivedAt) throw WebchatException.sessionExpired();
    const data = webchatInboundMessage({
      siteKey: session.siteKey,
      visitorId: session.visitorId,
      profile: command.profile,
      message: command.message,
    });
    const envelope = createEnvelope(
      'inbound.message_received',
      {
        ...data,
        channelAccountId: session.channelAccountId,
        receivedAt: receivedAt.toISOString(),
      },
      { tenantId: session.tenantId, correlationId: correlationIdOrNew() },
    );
    try {
      await this.bus.publish(Topics.inboundMessages, [
        {
          // One visitor's messages stay in order on one partition.
          key: `${session.tenantId}:webchat:${session.visitorId}`,
          value: encodeEnvelope(envelope),
          headers: {
            'event-id': envelope.id,
            'event-type': envelope.type,
            'correlation-id': envelope.correlationId,
          },
        },
      ]);
    } catch (error) {
      throw WebchatException.busUnavailable(error);
    }
    this.metrics.eventsPublished.inc({ topic: Topics.inboundMessages, type: envelope.type });
    return { messageId: data.providerMessageId, eventId: envelope.id };
  }
}
