import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { CalendarRepository } from '../calendars/calendar.repository';
import { SlaApiException } from '../shared/sla-api.exception';
import { slaPolicyInputSchema, type SlaPolicyInput } from '../shared/sla-config.schemas';
import { SlaConfigTransaction } from '../shared/sla-config.transaction';
import { tenantScope } from '../shared/sla-scope';
import { policyDefinition } from './policy-definition';
import { PolicyRepository, type PolicyRecord } from './policy.repository';

const savePolicyInput = tenantScope.extend({
  /** Null to create one (the server makes its id), else the active policy to give a new version. */
  policyId: z.uuid().nullable(),
  policy: slaPolicyInputSchema,
});

/** Create a policy (version 1), or write the next version of one. */
export type SavePolicyCommand = z.output<typeof savePolicyInput>;

export function savePolicyCommand(input: z.input<typeof savePolicyInput>): SavePolicyCommand {
  return savePolicyInput.parse(input);
}

/**
 * Writes a policy's definition as a new immutable version and makes it current, in one
 * transaction with the policy row locked (two edits never write the same version). Clocks
 * already running keep the version they started with.
 */
@Injectable()
export class SavePolicyUseCase {
  constructor(
    private readonly transaction: SlaConfigTransaction,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  async execute(command: SavePolicyCommand): Promise<PolicyRecord> {
    const { tenantId, policy } = command;
    const definition = policyDefinition(policy);
    return this.transaction.run(tenantId, async (manager) => {
      if (command.policyId === null) {
        await this.checkReferences(manager, tenantId, null, policy);
        const id = randomUUID();
        await this.policies.insert(manager, tenantId, { ...policy, id, definition });
        return (await this.policies.findActive(tenantId, id, manager))!;
      }
      const current = await this.policies.lockActive(manager, tenantId, command.policyId);
      if (current === null) throw SlaApiException.unknownPolicy(command.policyId);
      await this.checkReferences(manager, tenantId, command.policyId, policy);
      await this.policies.addVersion(manager, tenantId, {
        ...policy,
        id: command.policyId,
        version: current + 1,
        definition,
      });
      return (await this.policies.findActive(tenantId, command.policyId, manager))!;
    });
  }

  /** The name is the policy's own among active ones; its calendar is the tenant's. */
  private async checkReferences(
    manager: EntityManager,
    tenantId: string,
    policyId: string | null,
    policy: SlaPolicyInput,
  ): Promise<void> {
    if (
      policy.calendarId !== null &&
      !(await this.calendars.find(tenantId, policy.calendarId, manager))
    )
      throw SlaApiException.invalid([{ field: 'calendarId', problem: 'no such calendar' }]);
    if (await this.policies.activeNameTaken(manager, tenantId, policy.name, policyId))
      throw SlaApiException.nameTaken('policy', policy.name);
  }
}
