import { Injectable } from '@nestjs/common';
import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { AgentDirectoryRepository } from '../shared/agent-directory.repository';
import { settled, type Settled } from '../shared/command-outcome';
import type { SetAgentConnectionCommand } from './set-agent-connection.command';

/**
 * A disconnected agent gets no new work and, after the tenant's grace period, counts as
 * offline; reconnecting within it keeps everything. The owning replica applies it.
 */
@Injectable()
export class SetAgentConnectionUseCase {
  constructor(
    private readonly agents: AgentDirectoryRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(command: SetAgentConnectionCommand): Promise<Settled> {
    const { tenantId, agentId, connected } = command;
    if (!(await this.agents.exists(tenantId, agentId)))
      throw new RoutingError(RoutingErrorCode.UnknownAgent, `No agent ${agentId}`);
    return settled(
      await this.commands.sendAndWait(tenantId, 'routing.connection_changed', {
        agentId,
        connected,
      }),
    );
  }
}
