import { Module, type DynamicModule } from '@nestjs/common';
import {
  apiKeyAuthProviders,
  OutboxRelayLifecycle,
  PlatformModule,
  type ServiceRuntime,
} from '@switchboard/platform';
import { Clock } from './clock';
import { ROUTER_SETTINGS, type RouterSettings } from './config/router.settings';
import { RoutingCommandConsumer } from './commands/routing-command.consumer';
import { RoutingCommandHandler } from './commands/routing-command.handler';
import { RoutingCommandPublisher } from './commands/routing-command.publisher';
import { ConversationIntakeHandler } from './intake/conversation-intake.handler';
import { SlaIntakeHandler } from './intake/sla-intake.handler';
import { ROUTING_API_CONTROLLERS } from './http/routing-api.controllers';
import { RoutingOpenApiController } from './openapi/openapi.controller';
import { CommandResultsHousekeeping } from './state/command-results.housekeeping';
import { RoutingConfigRepository } from './state/routing-config.repository';
import { RoutingStateRepository } from './state/routing-state.repository';
import { TenantRouters } from './state/tenant-routers';
import { ROUTING_API_PROVIDERS } from './use-cases/routing-api.providers';

/** Skill-based routing: owns tenants by partition, decides, persists, announces. */
@Module({})
export class RouterModule {
  static forRoot(runtime: ServiceRuntime, settings: RouterSettings): DynamicModule {
    return {
      module: RouterModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [
        ConversationIntakeHandler,
        SlaIntakeHandler,
        ...ROUTING_API_CONTROLLERS,
        RoutingOpenApiController,
      ],
      providers: [
        ...apiKeyAuthProviders,
        Clock,
        RoutingConfigRepository,
        RoutingStateRepository,
        TenantRouters,
        RoutingCommandHandler,
        RoutingCommandPublisher,
        RoutingCommandConsumer,
        OutboxRelayLifecycle,
        CommandResultsHousekeeping,
        ...ROUTING_API_PROVIDERS,
        { provide: ROUTER_SETTINGS, useValue: settings },
      ],
    };
  }
}
