import { AgentsController } from './agents.controller';
import { QueuesController } from './queues.controller';
import { RoutedConversationsController } from './routed-conversations.controller';
import { RoutingPolicyController } from './routing-policy.controller';
import { SkillsController } from './skills.controller';

/** The routing API's tenant-scoped controllers (the OpenAPI document covers each of their routes). */
export const ROUTING_API_CONTROLLERS = [
  SkillsController,
  AgentsController,
  QueuesController,
  RoutingPolicyController,
  RoutedConversationsController,
] as const;
