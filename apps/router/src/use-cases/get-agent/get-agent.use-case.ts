import { Injectable } from '@nestjs/common';
import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { AgentDirectoryRepository } from '../shared/agent-directory.repository';
import { findAgentView, type AgentView } from '../shared/agent-load';
import type { GetAgentQuery } from './get-agent.command';

@Injectable()
export class GetAgentUseCase {
  constructor(private readonly agents: AgentDirectoryRepository) {}

  async execute(query: GetAgentQuery): Promise<AgentView> {
    const agent = await findAgentView(this.agents, query.tenantId, query.agentId);
    if (!agent) throw new RoutingError(RoutingErrorCode.UnknownAgent, `No agent ${query.agentId}`);
    return agent;
  }
}
