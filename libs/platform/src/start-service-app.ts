import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { BusTransport, type BusTransportOptions } from '@switchboard/bus';
import { correlationMiddleware, httpMetricsMiddleware } from '@switchboard/observability';
import { classifyFailure } from './classify-failure';
import type { ServiceRuntime } from './service-runtime';

export interface ServiceAppOptions {
  host: string;
  port: number;
  maxBodyBytes?: number;
  /** Set for services that consume events: their consumer group and retry policy. */
  consumer?: BusTransportOptions;
}

/**
 * Creates a hybrid NestJS app: HTTP (health, metrics, APIs) plus, when it consumes events,
 * the bus transport with the app's pipes and filters (`inheritAppConfig`).
 */
export async function startServiceApp(
  rootModule: DynamicModule,
  runtime: ServiceRuntime,
  options: ServiceAppOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    logger: runtime.logger,
    bodyParser: false,
    // Provider signatures are over the exact bytes received.
    rawBody: true,
    abortOnError: false,
  });
  app.use(correlationMiddleware);
  app.use(httpMetricsMiddleware(runtime.metrics));
  app.useBodyParser('json', { limit: options.maxBodyBytes ?? 1_048_576 });
  app.useBodyParser('urlencoded', { limit: options.maxBodyBytes ?? 1_048_576, extended: false });
  // Multipart (inbound email) is parsed by the adapters from the raw bytes.
  app.useBodyParser('raw', {
    type: 'multipart/form-data',
    limit: options.maxBodyBytes ?? 1_048_576,
  });
  if (options.consumer) {
    const { metrics } = runtime;
    app.connectMicroservice(
      {
        strategy: new BusTransport(runtime.bus, {
          classifyError: classifyFailure,
          ...options.consumer,
          onHandled: (topic, type, outcome, seconds) => {
            metrics.eventsConsumed.inc({ topic, type, outcome });
            metrics.handlerSeconds.observe({ topic, type }, seconds);
          },
        }),
      },
      { inheritAppConfig: true },
    );
  }
  await app.init();
  await app.startAllMicroservices();
  await app.listen(options.port, options.host);
  return app;
}
