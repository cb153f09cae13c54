import { CalendarsController } from './calendars.controller';
import { ConversationClocksController } from './conversation-clocks.controller';
import { PoliciesController } from './policies.controller';

/** The SLA API's tenant-scoped controllers (the OpenAPI document covers each of their routes). */
export const SLA_TENANT_CONTROLLERS = [
  CalendarsController,
  PoliciesController,
  ConversationClocksController,
] as const;
