import type { EventBus } from '@switchboard/bus';
import type { JsonLogger, ServiceMetrics } from '@switchboard/observability';
import type { DataSource } from 'typeorm';

/**
 * What a service needs from the outside world, built once by its main (or by the embedded
 * mode, which hands every service the same bus).
 */
export interface ServiceRuntime {
  service: string;
  bus: EventBus;
  dataSource: DataSource;
  /** For connections that live outside the pool, like the outbox relay's LISTEN. */
  databaseUrl: string;
  logger: JsonLogger;
  metrics: ServiceMetrics;
}

export const EVENT_BUS = Symbol('EVENT_BUS');
export const SERVICE_RUNTIME = Symbol('SERVICE_RUNTIME');
