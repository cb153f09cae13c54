import { Injectable } from '@nestjs/common';
import { AgentDirectoryRepository } from '../shared/agent-directory.repository';
import { agentLoad, type AgentView } from '../shared/agent-load';
import type { TenantQuery } from '../shared/tenant-scope';

/** Every agent of the tenant with its presence and load, by id. */
@Injectable()
export class ListAgentsUseCase {
  constructor(private readonly agents: AgentDirectoryRepository) {}

  async execute(query: TenantQuery): Promise<AgentView[]> {
    const [agents, held] = await Promise.all([
      this.agents.list(query.tenantId),
      this.agents.heldWork(query.tenantId),
    ]);
    return agents.map((agent) => ({ ...agent, load: agentLoad(agent.capacity, agent.id, held) }));
  }
}
