import { Injectable } from '@nestjs/common';
import { SlaApiException } from '../shared/sla-api.exception';
import { SlaConfigTransaction } from '../shared/sla-config.transaction';
import type { PolicyScope } from '../shared/sla-scope';
import { PolicyRepository } from './policy.repository';

/**
 * The policy stops matching new conversations; clocks running under one of its versions run
 * on, and its versions stay readable.
 */
@Injectable()
export class DeletePolicyUseCase {
  constructor(
    private readonly transaction: SlaConfigTransaction,
    private readonly policies: PolicyRepository,
  ) {}

  async execute(command: PolicyScope): Promise<void> {
    const { tenantId, policyId } = command;
    await this.transaction.run(tenantId, async (manager) => {
      if (!(await this.policies.deactivate(manager, tenantId, policyId)))
        throw SlaApiException.unknownPolicy(policyId);
    });
  }
}
