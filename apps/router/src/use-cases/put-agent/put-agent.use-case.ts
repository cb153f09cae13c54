import { Injectable } from '@nestjs/common';
import { assertValidAgent, RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { AgentDirectoryRepository } from '../shared/agent-directory.repository';
import { findAgentView, type AgentView } from '../shared/agent-load';
import { settled, type Settled } from '../shared/command-outcome';
import { ConfigTransaction } from '../shared/config-transaction';
import { RoutingApiException } from '../shared/routing-api.exception';
import { SkillCatalogueRepository } from '../shared/skill-catalogue.repository';
import type { PutAgentCommand } from './put-agent.command';

export interface PutAgentResult {
  readonly created: boolean;
  readonly agent: AgentView;
  /** Whether the tenant's router has the new profile yet. */
  readonly routing: Settled;
}

/**
 * Stores the agent's profile, then has the router that owns the tenant apply it
 * (`routing.config_changed`): it re-reads the profile and may offer the agent work at once.
 */
@Injectable()
export class PutAgentUseCase {
  constructor(
    private readonly transaction: ConfigTransaction,
    private readonly agents: AgentDirectoryRepository,
    private readonly skills: SkillCatalogueRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(command: PutAgentCommand): Promise<PutAgentResult> {
    const { tenantId, agentId, agent } = command;
    assertValidAgent({ id: agentId, ...agent });
    const { created } = await this.transaction.run(tenantId, async (manager) => {
      const unknown = await this.skills.missing(tenantId, Object.keys(agent.skills), manager);
      if (unknown.length > 0)
        throw RoutingApiException.invalidReferences(
          unknown.map((skill) => ({
            field: `skills.${skill}`,
            problem: `no skill ${skill} in the catalogue`,
          })),
        );
      return this.agents.upsert(manager, tenantId, agentId, agent);
    });
    const routing = settled(
      await this.commands.sendAndWait(tenantId, 'routing.config_changed', {
        subject: 'agent',
        id: agentId,
      }),
    );
    const stored = await findAgentView(this.agents, tenantId, agentId);
    // Deleted by a concurrent request since it was written.
    if (!stored) throw new RoutingError(RoutingErrorCode.UnknownAgent, `No agent ${agentId}`);
    return { created, agent: stored, routing };
  }
}
