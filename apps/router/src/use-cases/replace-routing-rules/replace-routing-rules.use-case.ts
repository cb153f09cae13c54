import { Injectable } from '@nestjs/common';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { settled, type Settled } from '../shared/command-outcome';
import { ConfigTransaction } from '../shared/config-transaction';
import { QueueCatalogueRepository } from '../shared/queue-catalogue.repository';
import { RoutingApiException } from '../shared/routing-api.exception';
import { RoutingPolicyRepository, type StoredRule } from '../shared/routing-policy.repository';
import { unknownQueue, unknownSkill, unresolved } from '../shared/references';
import { SkillCatalogueRepository } from '../shared/skill-catalogue.repository';
import { ruleReferences, type ReplaceRoutingRulesCommand } from './replace-routing-rules.command';

/**
 * Replaces the rule list in one transaction (no request ever sees half of it), then the
 * owning router reloads it: new conversations are routed by the new rules from then on.
 */
@Injectable()
export class ReplaceRoutingRulesUseCase {
  constructor(
    private readonly transaction: ConfigTransaction,
    private readonly policy: RoutingPolicyRepository,
    private readonly queues: QueueCatalogueRepository,
    private readonly skills: SkillCatalogueRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(
    command: ReplaceRoutingRulesCommand,
  ): Promise<{ rules: StoredRule[]; routing: Settled }> {
    const { tenantId, rules } = command;
    const references = ruleReferences(rules);
    await this.transaction.run(tenantId, async (manager) => {
      const missingQueues = await this.queues.missing(
        tenantId,
        references.queues.map((reference) => reference.id),
        manager,
      );
      const missingSkills = await this.skills.missing(
        tenantId,
        references.skills.map((reference) => reference.id),
        manager,
      );
      const problems = [
        ...unresolved(references.queues, missingQueues, unknownQueue),
        ...unresolved(references.skills, missingSkills, unknownSkill),
      ];
      if (problems.length > 0) throw RoutingApiException.invalidReferences(problems);
      await this.policy.replaceRules(manager, tenantId, rules);
    });
    const routing = settled(
      await this.commands.sendAndWait(tenantId, 'routing.config_changed', {
        subject: 'rules',
        id: null,
      }),
    );
    return { rules: await this.policy.listRules(tenantId), routing };
  }
}
