import { Injectable } from '@nestjs/common';
import { SlaApiException } from '../shared/sla-api.exception';
import type { PolicyScope } from '../shared/sla-scope';
import { PolicyRepository, type PolicyRecord } from './policy.repository';

/** An active policy at its current version. */
@Injectable()
export class GetPolicyUseCase {
  constructor(private readonly policies: PolicyRepository) {}

  async execute(query: PolicyScope): Promise<PolicyRecord> {
    const policy = await this.policies.findActive(query.tenantId, query.policyId);
    if (!policy) throw SlaApiException.unknownPolicy(query.policyId);
    return policy;
  }
}
