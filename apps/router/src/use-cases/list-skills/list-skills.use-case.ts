import { Injectable } from '@nestjs/common';
import { SkillCatalogueRepository, type SkillRecord } from '../shared/skill-catalogue.repository';
import type { TenantQuery } from '../shared/tenant-scope';

/** The tenant's skill catalogue, by name. */
@Injectable()
export class ListSkillsUseCase {
  constructor(private readonly skills: SkillCatalogueRepository) {}

  execute(query: TenantQuery): Promise<SkillRecord[]> {
    return this.skills.list(query.tenantId);
  }
}
