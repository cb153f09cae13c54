import { Injectable } from '@nestjs/common';
import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { AgentDirectoryRepository } from '../shared/agent-directory.repository';
import { settled, type Settled } from '../shared/command-outcome';
import type { SetAgentPresenceCommand } from './set-agent-presence.command';

/** Presence is the router's state: the owning replica applies the request, in the tenant's order. */
@Injectable()
export class SetAgentPresenceUseCase {
  constructor(
    private readonly agents: AgentDirectoryRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(command: SetAgentPresenceCommand): Promise<Settled> {
    const { tenantId, agentId, presence } = command;
    if (!(await this.agents.exists(tenantId, agentId)))
      throw new RoutingError(RoutingErrorCode.UnknownAgent, `No agent ${agentId}`);
    return settled(
      await this.commands.sendAndWait(tenantId, 'routing.presence_requested', {
        agentId,
        presence,
      }),
    );
  }
}
