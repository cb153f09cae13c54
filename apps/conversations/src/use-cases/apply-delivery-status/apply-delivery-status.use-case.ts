import { Injectable } from '@nestjs/common';
import type { DeliveryStatus, InboundStatusReceived } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { nextDeliveryStatus } from '../../domain/delivery-status';
import { MessageRepository } from '../../repositories/message.repository';
import { EventOutbox, type EventCause } from '@switchboard/bus';

export interface ApplyDeliveryStatusCommand extends EventCause {
  status: InboundStatusReceived;
}

export type ApplyDeliveryStatusResult = 'changed' | 'stale' | 'unknown-message';

/**
 * Applies a provider's delivery report to one of our messages, as a monotonic transition
 * (reports arrive out of order), and announces each real change once.
 */
@Injectable()
export class ApplyDeliveryStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
  ) {}

  async execute(command: ApplyDeliveryStatusCommand): Promise<ApplyDeliveryStatusResult> {
    const { tenantId, status } = command;
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.messages.findByProviderIdForUpdate(
        manager,
        tenantId,
        status.channel,
        status.providerMessageId,
      );
      if (!stored) return 'unknown-message';
      const previous = stored.deliveryStatus as DeliveryStatus | null;
      const next = nextDeliveryStatus(previous, status.status);
      if (!next) return 'stale';
      const error = status.errorCode
        ? `${status.errorCode}${status.errorMessage ? `: ${status.errorMessage}` : ''}`
        : null;
      await this.messages.setDeliveryStatus(manager, tenantId, stored.id, {
        deliveryStatus: next,
        deliveryError: error,
      });
      const events = new EventOutbox(command);
      events.add('message.status_changed', stored.conversationId, {
        messageId: stored.id,
        conversationId: stored.conversationId,
        status: next,
        previousStatus: previous,
        errorCode: status.errorCode,
        occurredAt: new Date(status.occurredAt).toISOString(),
      });
      await events.writeTo(manager);
      return 'changed';
    });
  }
}
