import { Injectable } from '@nestjs/common';
import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { AgentDirectoryRepository } from '../shared/agent-directory.repository';
import { settled } from '../shared/command-outcome';
import { RoutedWorkRepository } from '../shared/routed-work.repository';
import type { AnswerOfferCommand } from './answer-offer.command';

export type AnswerOfferResult =
  | {
      readonly status: 'applied';
      /** Accepted: the agent has it. Rejected: it went back to its queue for someone else. */
      readonly state: 'assigned' | 'requeued';
    }
  | { readonly status: 'pending'; readonly commandId: string };

/**
 * The owning router checks the offer is still the agent's (it may have timed out or been
 * withdrawn: `offer_not_pending`) and applies the answer in the tenant's order.
 */
@Injectable()
export class AnswerOfferUseCase {
  constructor(
    private readonly work: RoutedWorkRepository,
    private readonly agents: AgentDirectoryRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(command: AnswerOfferCommand): Promise<AnswerOfferResult> {
    const { tenantId, conversationId, agentId, answer } = command;
    if (!(await this.work.find(tenantId, conversationId)))
      throw new RoutingError(
        RoutingErrorCode.UnknownConversation,
        `Conversation ${conversationId} is not being routed`,
      );
    if (!(await this.agents.exists(tenantId, agentId)))
      throw new RoutingError(RoutingErrorCode.UnknownAgent, `No agent ${agentId}`);
    const outcome = settled(
      await this.commands.sendAndWait(tenantId, 'routing.offer_answered', {
        conversationId,
        agentId,
        answer,
      }),
    );
    if (outcome.status === 'pending') return outcome;
    return { status: 'applied', state: answer === 'accept' ? 'assigned' : 'requeued' };
  }
}
