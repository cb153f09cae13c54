import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { apiKeyAuthProviders, PlatformModule, type ServiceRuntime } from '@switchboard/platform';
import { ApiChannelController } from './api-channel/api-channel.controller';
import { ReceiveApiMessageUseCase } from './api-channel/receive-api-message.use-case';
import { SecretsCipher } from '@switchboard/db';
import { GatewayExceptionFilter } from './gateway-exception.filter';
import { InboundPublisher } from './inbound-publisher';
import { InboundTopicsLifecycle } from './inbound-topics.lifecycle';
import { SMTP_SETTINGS, SmtpListener, type SmtpSettings } from './smtp/smtp-listener';
import { ReceiveWebhookUseCase, SECRETS_CIPHER } from './use-cases/receive-webhook.use-case';
import { CHANNEL_ADAPTERS } from './webhooks/channel-adapters';
import { ChannelAccountRepository } from './webhooks/channel-account.repository';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import {
  WEBHOOK_ADAPTERS,
  WEBHOOK_SETTINGS,
  type WebhookSettings,
} from './webhooks/webhook-adapters';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebchatModule } from './webchat/webchat.module';

export interface GatewaySettings {
  secretsKey: string;
  webhooks: WebhookSettings;
  smtp: SmtpSettings;
}

/** The public ingress: authenticates, validates and puts channel messages on the bus. */
@Module({})
export class GatewayModule {
  static forRoot(runtime: ServiceRuntime, settings: GatewaySettings): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformModule.forRoot(runtime), WebchatModule.forRoot(settings)],
      controllers: [ApiChannelController, WebhooksController],
      providers: [
        InboundTopicsLifecycle,
        InboundPublisher,
        ...apiKeyAuthProviders,
        ReceiveApiMessageUseCase,
        ChannelAccountRepository,
        WebhookDeliveryRepository,
        ReceiveWebhookUseCase,
        { provide: SECRETS_CIPHER, useValue: new SecretsCipher(settings.secretsKey) },
        { provide: WEBHOOK_SETTINGS, useValue: settings.webhooks },
        { provide: WEBHOOK_ADAPTERS, useValue: CHANNEL_ADAPTERS },
        { provide: SMTP_SETTINGS, useValue: settings.smtp },
        SmtpListener,
        { provide: APP_FILTER, useClass: GatewayExceptionFilter },
      ],
    };
  }
}
