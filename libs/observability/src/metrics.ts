import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per service (the embedded mode runs several in one process). */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly eventsPublished: Counter<'topic' | 'type'>;
  readonly eventsConsumed: Counter<'topic' | 'type' | 'outcome'>;
  readonly handlerSeconds: Histogram<'topic' | 'type'>;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.eventsPublished = new Counter({
      name: 'switchboard_events_published_total',
      help: 'Events handed to the bus (directly or via the outbox relay)',
      labelNames: ['topic', 'type'],
      registers: [this.registry],
    });
    this.eventsConsumed = new Counter({
      name: 'switchboard_events_consumed_total',
      help: 'Events delivered to a handler, by outcome',
      labelNames: ['topic', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.handlerSeconds = new Histogram({
      name: 'switchboard_event_handler_seconds',
      help: 'Time spent in an event handler',
      labelNames: ['topic', 'type'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.httpRequests = new Counter({
      name: 'switchboard_http_requests_total',
      help: 'HTTP requests answered, by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
  }
}
