import { Global, Module, type DynamicModule } from '@nestjs/common';
import {
  HealthController,
  JsonLogger,
  READINESS_CHECKS,
  ServiceMetrics,
  type ReadinessCheck,
} from '@switchboard/observability';
import { DataSource } from 'typeorm';
import { EVENT_BUS, SERVICE_RUNTIME, type ServiceRuntime } from './service-runtime';

/** Gives every service its bus, database, logger, metrics and health endpoints. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    const checks: ReadinessCheck[] = [
      {
        name: 'database',
        check: async () => {
          await runtime.dataSource.query('SELECT 1');
          return { ok: true, detail: 'SELECT 1 answered' };
        },
      },
      { name: 'bus', check: () => runtime.bus.health() },
    ];
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: EVENT_BUS, useValue: runtime.bus },
        { provide: DataSource, useValue: runtime.dataSource },
        { provide: JsonLogger, useValue: runtime.logger },
        { provide: ServiceMetrics, useValue: runtime.metrics },
        { provide: READINESS_CHECKS, useValue: checks },
      ],
      exports: [SERVICE_RUNTIME, EVENT_BUS, DataSource, JsonLogger, ServiceMetrics],
    };
  }
}
