import { Module, type DynamicModule } from '@nestjs/common';
import { SecretsCipher } from '@switchboard/db';
import { randomBytes } from 'node:crypto';
import { SECRETS_CIPHER } from '../use-cases/receive-webhook.use-case';
import { ChannelAccountRepository } from '../webhooks/channel-account.repository';
import { AuthenticateVisitorUseCase } from './authenticate-visitor.use-case';
import { SendVisitorMessageUseCase } from './send-visitor-message.use-case';
import { StartVisitorSessionUseCase } from './start-visitor-session.use-case';
import { WebchatExceptionFilter } from './webchat-exception.filter';
import { WebchatGateway } from './webchat.gateway';
import { WebchatSessionsController } from './webchat-sessions.controller';
import { WebchatSiteRepository } from './webchat-site.repository';
import { RANDOM_BYTES, WEBCHAT_SETTINGS, type WebchatSettings } from './webchat-settings';
import { InboundPublisher } from '../inbound-publisher';

/**
 * The website widget's channel: `POST /v1/webchat/:siteKey/sessions` and the socket.io
 * namespace `/webchat` on the gateway's HTTP server. Takes the bus, database, logger and
 * metrics from the global PlatformModule.
 */
@Module({})
export class WebchatModule {
  static forRoot(settings: WebchatSettings): DynamicModule {
    return {
      module: WebchatModule,
      controllers: [WebchatSessionsController],
      providers: [
        ChannelAccountRepository,
        WebchatSiteRepository,
        StartVisitorSessionUseCase,
        AuthenticateVisitorUseCase,
        SendVisitorMessageUseCase,
        InboundPublisher,
        WebchatGateway,
        WebchatExceptionFilter,
        { provide: SECRETS_CIPHER, useValue: new SecretsCipher(settings.secretsKey) },
        { provide: WEBCHAT_SETTINGS, useValue: settings },
        { provide: RANDOM_BYTES, useValue: randomBytes },
      ],
    };
  }
}
