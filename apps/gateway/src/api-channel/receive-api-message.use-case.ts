import { Injectable } from '@nestjs/common';
import { createEnvelope } from '@switchboard/contracts';
import { correlationIdOrNew } from '@switchboard/observability';
import { GatewayException } from '../gateway.exception';
import { InboundPublisher } from '../inbound-publisher';
import type { ApiMessageRequest } from './api-message.request';

export interface ReceiveApiMessageCommand {
  tenantId: string;
  message: ApiMessageRequest;
  receivedAt: Date;
}

/** Accepts an API-channel message: durably on the bus (acks=all) before the caller hears 202. */
@Injectable()
export class ReceiveApiMessageUseCase {
  constructor(private readonly publisher: InboundPublisher) {}

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
      await this.publisher.publish([envelope]);
    } catch (error) {
      throw GatewayException.busUnavailable(error);
    }
    return { eventId: envelope.id };
  }
}
