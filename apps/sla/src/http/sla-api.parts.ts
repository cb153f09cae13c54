import type { Provider, Type } from '@nestjs/common';
import { CalendarRepository } from '../api/calendars/calendar.repository';
import { DeleteCalendarUseCase } from '../api/calendars/delete-calendar.use-case';
import { DeleteHolidayUseCase } from '../api/calendars/delete-holiday.use-case';
import { GetCalendarUseCase } from '../api/calendars/get-calendar.use-case';
import { ListCalendarsUseCase } from '../api/calendars/list-calendars.use-case';
import { ListHolidaysUseCase } from '../api/calendars/list-holidays.use-case';
import { PutHolidayUseCase } from '../api/calendars/put-holiday.use-case';
import { SaveCalendarUseCase } from '../api/calendars/save-calendar.use-case';
import { ConversationClocksRepository } from '../api/clocks/conversation-clocks.repository';
import { GetConversationClocksUseCase } from '../api/clocks/get-conversation-clocks.use-case';
import { DeletePolicyUseCase } from '../api/policies/delete-policy.use-case';
import { GetPolicyVersionUseCase } from '../api/policies/get-policy-version.use-case';
import { GetPolicyUseCase } from '../api/policies/get-policy.use-case';
import { ListPoliciesUseCase } from '../api/policies/list-policies.use-case';
import { PolicyRepository } from '../api/policies/policy.repository';
import { SavePolicyUseCase } from '../api/policies/save-policy.use-case';
import { SlaConfigTransaction } from '../api/shared/sla-config.transaction';
import { SlaOpenApiController } from '../openapi/openapi.controller';
import { SLA_TENANT_CONTROLLERS } from './sla-api.controllers';

/** The SLA REST API: policies, calendars and holidays, and a conversation's clocks. */
export const SLA_API_CONTROLLERS: Type[] = [...SLA_TENANT_CONTROLLERS, SlaOpenApiController];

/** Its use cases and the repositories they read and write with (`Clock` is the module's). */
export const SLA_API_PROVIDERS: Provider[] = [
  SlaConfigTransaction,
  CalendarRepository,
  PolicyRepository,
  ConversationClocksRepository,
  ListCalendarsUseCase,
  GetCalendarUseCase,
  SaveCalendarUseCase,
  DeleteCalendarUseCase,
  ListHolidaysUseCase,
  PutHolidayUseCase,
  DeleteHolidayUseCase,
  ListPoliciesUseCase,
  GetPolicyUseCase,
  SavePolicyUseCase,
  GetPolicyVersionUseCase,
  DeletePolicyUseCase,
  GetConversationClocksUseCase,
];
