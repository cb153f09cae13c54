import { Injectable } from '@nestjs/common';
import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { AgentDirectoryRepository } from '../shared/agent-directory.repository';
import { settled, type Settled } from '../shared/command-outcome';
import { ConfigTransaction } from '../shared/config-transaction';
import type { DeleteAgentCommand } from './delete-agent.command';

/** Deletes the agent's row, then the owning router forgets it and re-routes its work. */
@Injectable()
export class DeleteAgentUseCase {
  constructor(
    private readonly transaction: ConfigTransaction,
    private readonly agents: AgentDirectoryRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(command: DeleteAgentCommand): Promise<Settled> {
    const { tenantId, agentId } = command;
    const deleted = await this.transaction.run(tenantId, (manager) =>
      this.agents.delete(manager, tenantId, agentId),
    );
    if (!deleted) throw new RoutingError(RoutingErrorCode.UnknownAgent, `No agent ${agentId}`);
    return settled(
      await this.commands.sendAndWait(tenantId, 'routing.config_changed', {
        subject: 'agent',
        id: agentId,
      }),
    );
  }
}
