import { Injectable } from '@nestjs/common';
import { ConfigTransaction } from '../shared/config-transaction';
import { RoutingApiErrorCode, RoutingApiException } from '../shared/routing-api.exception';
import { SkillCatalogueRepository, type SkillUsers } from '../shared/skill-catalogue.repository';
import type { DeleteSkillCommand } from './delete-skill.command';

/** Removes a skill no agent, queue or rule uses (else it is refused, naming who does). */
@Injectable()
export class DeleteSkillUseCase {
  constructor(
    private readonly transaction: ConfigTransaction,
    private readonly skills: SkillCatalogueRepository,
  ) {}

  async execute(command: DeleteSkillCommand): Promise<void> {
    const { tenantId, name } = command;
    await this.transaction.run(tenantId, async (manager) => {
      const users = await this.skills.usersOf(manager, tenantId, name);
      const usedBy = describeUsers(users);
      if (usedBy)
        throw new RoutingApiException(
          RoutingApiErrorCode.SkillInUse,
          `Skill ${name} is still used by ${usedBy}`,
        );
      if (!(await this.skills.delete(manager, tenantId, name)))
        throw new RoutingApiException(RoutingApiErrorCode.UnknownSkill, `No skill ${name}`);
    });
  }
}

/** "agents ada, bob; queue billing", or null when nothing uses the skill. */
export function describeUsers(users: SkillUsers): string | null {
  const parts = (
    [
      ['agent', users.agents],
      ['queue', users.queues],
      ['rule', users.rules],
    ] as const
  )
    .filter(([, ids]) => ids.length > 0)
    .map(([kind, ids]) => `${kind}${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : null;
}
