import { Injectable } from '@nestjs/common';
import { ConfigTransaction } from '../shared/config-transaction';
import { SkillCatalogueRepository, type SkillRecord } from '../shared/skill-catalogue.repository';
import type { PutSkillCommand } from './put-skill.command';

/** Skills are names agents, queues and rules share; the router reads none of them directly. */
@Injectable()
export class PutSkillUseCase {
  constructor(
    private readonly transaction: ConfigTransaction,
    private readonly skills: SkillCatalogueRepository,
  ) {}

  execute(command: PutSkillCommand): Promise<{ skill: SkillRecord; created: boolean }> {
    const { tenantId, name, description } = command;
    return this.transaction.run(tenantId, (manager) =>
      this.skills.upsert(manager, tenantId, name, description),
    );
  }
}
