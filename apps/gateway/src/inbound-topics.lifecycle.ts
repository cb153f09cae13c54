import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventBus } from '@switchboard/bus';
import { Topics } from '@switchboard/contracts';
import { JsonLogger } from '@switchboard/observability';
import { EVENT_BUS } from '@switchboard/platform';

const RETRY_MS = 5_000;

/**
 * The gateway publishes every inbound fact to the inbound topic, and topics are never
 * auto-created. If Kafka is down at boot the gateway still starts (answering 503, so
 * providers retry) and keeps trying to create the topic until Kafka is back.
 */
@Injectable()
export class InboundTopicsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly logger: JsonLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  onApplicationShutdown(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  private async ensure(): Promise<void> {
    try {
      await this.bus.ensureTopics([Topics.inboundMessages]);
    } catch (error) {
      this.logger.warn(
        { msg: 'Could not create the inbound topic yet', err: error, retryInMs: RETRY_MS },
        'InboundTopicsLifecycle',
      );
      this.retry = setTimeout(() => void this.ensure(), RETRY_MS);
      this.retry.unref();
    }
  }
}
