import { Module, type DynamicModule } from '@nestjs/common';
import {
  apiKeyAuthProviders,
  OutboxRelayLifecycle,
  PlatformModule,
  type ServiceRuntime,
} from '@switchboard/platform';
import { Clock } from './clock';
import { SlaStore } from './clocks/sla.store';
import { TrackConversation } from './clocks/track-conversation';
import { SLA_SETTINGS, type SlaSettings } from './config/sla.settings';
import { SLA_API_CONTROLLERS, SLA_API_PROVIDERS } from './http/sla-api.parts';
import { SlaIntakeHandler } from './intake/sla-intake.handler';
import { ProcessedEventsHousekeeping } from './scheduler/processed-events.housekeeping';
import { SlaMetrics } from './scheduler/sla-metrics';
import { SlaScheduler } from './scheduler/sla-scheduler';

/** SLA clocks: follows conversations, fires warnings and breaches on time, exactly once. */
@Module({})
export class SlaModule {
  static forRoot(runtime: ServiceRuntime, settings: SlaSettings): DynamicModule {
    return {
      module: SlaModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [SlaIntakeHandler, ...SLA_API_CONTROLLERS],
      providers: [
        ...apiKeyAuthProviders,
        Clock,
        SlaStore,
        TrackConversation,
        SlaMetrics,
        SlaScheduler,
        ProcessedEventsHousekeeping,
        OutboxRelayLifecycle,
        ...SLA_API_PROVIDERS,
        { provide: SLA_SETTINGS, useValue: settings },
      ],
    };
  }
}
