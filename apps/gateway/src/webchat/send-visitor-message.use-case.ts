import { Injectable } from '@nestjs/common';
import {
  webchatInboundMessage,
  type WebchatMessage,
  type WebchatVisitorProfile,
} from '@switchboard/channels';
import { createEnvelope } from '@switchboard/contracts';
import { correlationIdOrNew } from '@switchboard/observability';
import { InboundPublisher } from '../inbound-publisher';
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
  constructor(private readonly publisher: InboundPublisher) {}

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
      await this.publisher.publish([envelope]);
    } catch (error) {
      throw WebchatException.busUnavailable(error);
    }
    return { messageId: data.providerMessageId, eventId: envelope.id };
  }
}
