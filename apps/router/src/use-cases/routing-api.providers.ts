import type { Provider } from '@nestjs/common';
import { AnswerOfferUseCase } from './answer-offer/answer-offer.use-case';
import { DeleteAgentUseCase } from './delete-agent/delete-agent.use-case';
import { DeleteQueueUseCase } from './delete-queue/delete-queue.use-case';
import { DeleteSkillUseCase } from './delete-skill/delete-skill.use-case';
import { ExplainRoutingUseCase } from './explain-routing/explain-routing.use-case';
import { GetAgentUseCase } from './get-agent/get-agent.use-case';
import { GetQueueUseCase } from './get-queue/get-queue.use-case';
import { GetRoutedConversationUseCase } from './get-routed-conversation/get-routed-conversation.use-case';
import { ListRoutedConversationsUseCase } from './list-routed-conversations/list-routed-conversations.use-case';
import { GetRoutingRulesUseCase } from './get-routing-rules/get-routing-rules.use-case';
import { GetRoutingSettingsUseCase } from './get-routing-settings/get-routing-settings.use-case';
import { ListAgentsUseCase } from './list-agents/list-agents.use-case';
import { ListQueuesUseCase } from './list-queues/list-queues.use-case';
import { ListSkillsUseCase } from './list-skills/list-skills.use-case';
import { PutAgentUseCase } from './put-agent/put-agent.use-case';
import { PutQueueUseCase } from './put-queue/put-queue.use-case';
import { PutRoutingSettingsUseCase } from './put-routing-settings/put-routing-settings.use-case';
import { PutSkillUseCase } from './put-skill/put-skill.use-case';
import { ReplaceRoutingRulesUseCase } from './replace-routing-rules/replace-routing-rules.use-case';
import { SetAgentConnectionUseCase } from './set-agent-connection/set-agent-connection.use-case';
import { SetAgentPresenceUseCase } from './set-agent-presence/set-agent-presence.use-case';
import { TransferConversationUseCase } from './transfer-conversation/transfer-conversation.use-case';
import { AgentDirectoryRepository } from './shared/agent-directory.repository';
import { ConfigTransaction } from './shared/config-transaction';
import { QueueCatalogueRepository } from './shared/queue-catalogue.repository';
import { RoutedWorkRepository } from './shared/routed-work.repository';
import { RoutingPolicyRepository } from './shared/routing-policy.repository';
import { SkillCatalogueRepository } from './shared/skill-catalogue.repository';

/** The routing API's use cases and the repositories they read and write configuration with. */
export const ROUTING_API_PROVIDERS: Provider[] = [
  ConfigTransaction,
  SkillCatalogueRepository,
  AgentDirectoryRepository,
  QueueCatalogueRepository,
  RoutingPolicyRepository,
  RoutedWorkRepository,
  ListSkillsUseCase,
  PutSkillUseCase,
  DeleteSkillUseCase,
  ListAgentsUseCase,
  GetAgentUseCase,
  PutAgentUseCase,
  DeleteAgentUseCase,
  SetAgentPresenceUseCase,
  SetAgentConnectionUseCase,
  ListQueuesUseCase,
  GetQueueUseCase,
  PutQueueUseCase,
  DeleteQueueUseCase,
  GetRoutingRulesUseCase,
  ReplaceRoutingRulesUseCase,
  GetRoutingSettingsUseCase,
  PutRoutingSettingsUseCase,
  GetRoutedConversationUseCase,
  ListRoutedConversationsUseCase,
  AnswerOfferUseCase,
  TransferConversationUseCase,
  ExplainRoutingUseCase,
];
