import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { OutboxRelay } from '@switchboard/bus';
import { Topics } from '@switchboard/contracts';
import { SERVICE_RUNTIME, type ServiceRuntime } from './service-runtime';

/** Topics events reach through the outbox; any service's relay may publish any row. */
const OUTBOX_TOPICS = [Topics.conversationEvents, Topics.routingEvents, Topics.slaEvents];

/** Runs the outbox relay for as long as the service runs. */
@Injectable()
export class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime) {
    this.relay = new OutboxRelay(runtime.dataSource, runtime.bus, {
      connectionString: runtime.databaseUrl,
      onPublished: (count, topics) => {
        for (const topic of topics)
          runtime.metrics.eventsPublished.inc({ topic, type: 'outbox' }, count);
      },
      onError: (error) => runtime.logger.error(error, 'OutboxRelay'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // The relay publishes here; topics are never auto-created.
    await this.runtime.bus.ensureTopics(OUTBOX_TOPICS);
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
