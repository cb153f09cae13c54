import { Injectable } from '@nestjs/common';
import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { AgentDirectoryRepository } from '../shared/agent-directory.repository';
import { settled } from '../shared/command-outcome';
import { QueueCatalogueRepository } from '../shared/queue-catalogue.repository';
import { RoutedWorkRepository, type RoutedWork } from '../shared/routed-work.repository';
import { RoutingApiException } from '../shared/routing-api.exception';
import type { TransferConversationCommand } from './transfer-conversation.command';

export type TransferConversationResult =
  | { readonly status: 'applied'; readonly work: RoutedWork }
  | { readonly status: 'pending'; readonly commandId: string };

/**
 * The owning router moves the conversation (an agent that is not online is refused:
 * `agent_unavailable`); the answer is where the conversation is once it has.
 */
@Injectable()
export class TransferConversationUseCase {
  constructor(
    private readonly work: RoutedWorkRepository,
    private readonly agents: AgentDirectoryRepository,
    private readonly queues: QueueCatalogueRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(command: TransferConversationCommand): Promise<TransferConversationResult> {
    const { tenantId, conversationId, to } = command;
    if (!(await this.work.find(tenantId, conversationId)))
      throw new RoutingError(
        RoutingErrorCode.UnknownConversation,
        `Conversation ${conversationId} is not being routed`,
      );
    if ('agentId' in to && !(await this.agents.exists(tenantId, to.agentId)))
      throw new RoutingError(RoutingErrorCode.UnknownAgent, `No agent ${to.agentId}`);
    if ('queueId' in to && (await this.queues.missing(tenantId, [to.queueId])).length > 0)
      throw new RoutingError(RoutingErrorCode.UnknownQueue, `No queue ${to.queueId}`);
    const outcome = settled(
      await this.commands.sendAndWait(tenantId, 'routing.transfer_requested', {
        conversationId,
        toAgentId: 'agentId' in to ? to.agentId : null,
        toQueueId: 'queueId' in to ? to.queueId : null,
      }),
    );
    if (outcome.status === 'pending') return outcome;
    const work = await this.work.find(tenantId, conversationId);
    // Resolved the moment after it was transferred.
    if (!work) throw RoutingApiException.notRouted(conversationId);
    return { status: 'applied', work };
  }
}
