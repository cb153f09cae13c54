import { Injectable } from '@nestjs/common';
import { RoutingPolicyRepository, type StoredRule } from '../shared/routing-policy.repository';
import type { TenantQuery } from '../shared/tenant-scope';

/** The tenant's routing rules, in the order they are tried. */
@Injectable()
export class GetRoutingRulesUseCase {
  constructor(private readonly policy: RoutingPolicyRepository) {}

  execute(query: TenantQuery): Promise<StoredRule[]> {
    return this.policy.listRules(query.tenantId);
  }
}
