import { z } from 'zod';
import { routingRulesSchema, type RoutingRuleInput } from '../shared/routing-config.schemas';
import type { Reference } from '../shared/references';
import { tenantScope } from '../shared/tenant-scope';

const replaceRoutingRulesInput = tenantScope.extend({ rules: routingRulesSchema });

/** Replace the whole ordered rule list at once. */
export type ReplaceRoutingRulesCommand = z.output<typeof replaceRoutingRulesInput>;

export function replaceRoutingRulesCommand(
  input: z.input<typeof replaceRoutingRulesInput>,
): ReplaceRoutingRulesCommand {
  return replaceRoutingRulesInput.parse(input);
}

/** The queues and skills the rules name, each with its field in the request (a JSON array). */
export function ruleReferences(rules: readonly RoutingRuleInput[]): {
  queues: Reference[];
  skills: Reference[];
} {
  return {
    queues: rules.map((rule, index) => ({
      field: `${index}.action.queueId`,
      id: rule.action.queueId,
    })),
    skills: rules.flatMap((rule, index) =>
      (rule.action.skills ?? []).map((requirement, at) => ({
        field: `${index}.action.skills.${at}.skill`,
        id: requirement.skill,
      })),
    ),
  };
}
