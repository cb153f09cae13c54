import type { SlaPolicyDefinition } from '@switchboard/sla';
import type { SlaPolicyInput } from '../shared/sla-config.schemas';

/**
 * The version a policy input becomes, as `sla_policy_versions.definition` stores it and the
 * clocks read it: exactly the `SlaPolicyDefinition` shape (name and position are the policy's,
 * not a version's).
 */
export function policyDefinition(policy: SlaPolicyInput): SlaPolicyDefinition {
  const { queueIds, channels, contactTiers, minPriority } = policy.match;
  return {
    match: {
      ...(queueIds ? { queueIds } : {}),
      ...(channels ? { channels } : {}),
      ...(contactTiers ? { contactTiers } : {}),
      ...(minPriority !== undefined ? { minPriority } : {}),
    },
    calendarId: policy.calendarId,
    targets: Object.fromEntries(
      Object.entries(policy.targets).filter(([, target]) => target !== undefined),
    ),
    warnAtPercent: policy.warnAtPercent,
    pauseOn: policy.pauseOn,
    escalations: {
      onWarning: policy.escalations.onWarning,
      onBreach: policy.escalations.onBreach,
    },
  };
}
