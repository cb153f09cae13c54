import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PlatformModule, type ServiceRuntime } from '@switchboard/platform';
import { ApiChannelController } from './api-channel/api-channel.controller';
import { ReceiveApiMessageUseCase } from './api-channel/receive-api-message.use-case';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeyRepository } from './auth/api-key.repository';
import { GatewayExceptionFilter } from './gateway-exception.filter';

/** The public ingress: authenticates, validates and puts channel messages on the bus. */
@Module({})
export class GatewayModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [ApiChannelController],
      providers: [
        ApiKeyRepository,
        ApiKeyGuard,
        ReceiveApiMessageUseCase,
        { provide: APP_FILTER, useClass: GatewayExceptionFilter },
      ],
    };
  }
}
