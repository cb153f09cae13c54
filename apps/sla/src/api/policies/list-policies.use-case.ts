import { Injectable } from '@nestjs/common';
import type { TenantQuery } from '../shared/sla-scope';
import { PolicyRepository, type PolicyRecord } from './policy.repository';

/** The active policies in the order they are matched, each at its current version. */
@Injectable()
export class ListPoliciesUseCase {
  constructor(private readonly policies: PolicyRepository) {}

  execute(query: TenantQuery): Promise<PolicyRecord[]> {
    return this.policies.listActive(query.tenantId);
  }
}
