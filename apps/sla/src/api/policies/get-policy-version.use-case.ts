import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { SlaApiErrorCode, SlaApiException } from '../shared/sla-api.exception';
import { policyScope } from '../shared/sla-scope';
import { PolicyRepository, type PolicyVersionRecord } from './policy.repository';

const policyVersionScope = policyScope.extend({ version: z.number().int().positive() });

/** One version of a policy, as the clocks that started under it keep it (deleted ones too). */
export type PolicyVersionQuery = z.output<typeof policyVersionScope>;
export const policyVersionQuery = (input: PolicyVersionQuery): PolicyVersionQuery =>
  policyVersionScope.parse(input);

@Injectable()
export class GetPolicyVersionUseCase {
  constructor(private readonly policies: PolicyRepository) {}

  async execute(query: PolicyVersionQuery): Promise<PolicyVersionRecord> {
    const { tenantId, policyId, version } = query;
    const found = await this.policies.findVersion(tenantId, policyId, version);
    if (!found)
      throw new SlaApiException(
        SlaApiErrorCode.UnknownPolicyVersion,
        `Policy ${policyId} has no version ${version}`,
      );
    return found;
  }
}
