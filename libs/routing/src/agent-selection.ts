import { assertUnreachable } from '@switchboard/contracts';
import type { AgentState } from './agent-state';
import type { RoutingStrategy, SkillRequirement } from './model';

export interface SelectionContext {
  readonly strategy: RoutingStrategy;
  readonly requirements: readonly SkillRequirement[];
  /** For round robin: when the queue last offered work to each agent. */
  readonly lastServedByQueue: ReadonlyMap<string, number>;
}

/**
 * Whether `a` should get the work rather than `b` under the queue's strategy. Ties fall to
 * the agent idle longest, then to the smaller id, so equal agents share work evenly and
 * the choice is deterministic.
 */
export function preferredAgent(a: AgentState, b: AgentState, context: SelectionContext): boolean {
  switch (context.strategy) {
    case 'longest_idle':
      break;
    case 'most_spare_capacity': {
      const spare = a.freeUnits() - b.freeUnits();
      if (Math.abs(spare) > 1e-9) return spare > 0;
      break;
    }
    case 'best_proficiency': {
      const skills = context.requirements.map((r) => r.skill);
      const difference = a.proficiency(skills) - b.proficiency(skills);
      if (difference !== 0) return difference > 0;
      break;
    }
    case 'round_robin': {
      const aServed = context.lastServedByQueue.get(a.id) ?? Number.NEGATIVE_INFINITY;
      const bServed = context.lastServedByQueue.get(b.id) ?? Number.NEGATIVE_INFINITY;
      if (aServed !== bServed) return aServed < bServed;
      return a.id < b.id;
    }
    default:
      return assertUnreachable(context.strategy);
  }
  if (a.lastRoutedAt !== b.lastRoutedAt) return a.lastRoutedAt < b.lastRoutedAt;
  return a.id < b.id;
}

/** Why the strategy picked the agent, in words for the explain endpoint. */
export function describeChoice(agent: AgentState, context: SelectionContext): string {
  switch (context.strategy) {
    case 'longest_idle':
      return agent.lastRoutedAt > 0
        ? `idle longest (since ${new Date(agent.lastRoutedAt).toISOString()})`
        : 'idle longest (not offered work before)';
    case 'most_spare_capacity':
      return `most spare capacity (${agent.freeUnits()} of ${agent.profile.capacity.totalUnits} units free)`;
    case 'best_proficiency':
      return `best proficiency (${agent.proficiency(context.requirements.map((r) => r.skill))} summed over required skills)`;
    case 'round_robin':
      return 'next in round-robin order';
    default:
      return assertUnreachable(context.strategy);
  }
}
