import type { AgentProfile, QueueDefinition, SkillRequirement } from './model';
import { MAX_SKILL_LEVEL, MIN_SKILL_LEVEL, ROUTING_STRATEGIES } from './model';
import { RoutingError, RoutingErrorCode } from './routing.error';

/** Refuses a queue the engine could not route by, naming what is wrong. */
export function assertValidQueue(queue: QueueDefinition): void {
  const problems: string[] = [];
  checkRequirements(queue.requiredSkills, 'requiredSkills', problems);
  checkRequirements(queue.optionalSkills, 'optionalSkills', problems);
  if (!ROUTING_STRATEGIES.includes(queue.strategy)) problems.push('strategy is not known');
  if (!Number.isFinite(queue.priority)) problems.push('priority must be a number');
  if (!queue.autoAccept && !(queue.offerTimeoutSeconds >= 1))
    problems.push('offerTimeoutSeconds must be at least 1 unless offers are auto-accepted');
  if (queue.affinity.windowSeconds < 0 || queue.affinity.waitSeconds < 0)
    problems.push('affinity times cannot be negative');
  let previous = 0;
  queue.widening.forEach((step, index) => {
    if (!(step.afterSeconds > previous))
      problems.push(`widening[${index}].afterSeconds must be greater than the step before`);
    if ((step.lowerLevelsBy ?? 0) < 0)
      problems.push(`widening[${index}].lowerLevelsBy cannot be negative`);
    if (step.overflowToQueueId === queue.id)
      problems.push(`widening[${index}].overflowToQueueId cannot be the queue itself`);
    previous = step.afterSeconds;
  });
  if (problems.length > 0) throw invalid(`queue ${queue.id}`, problems);
}

export function assertValidAgent(agent: AgentProfile): void {
  const problems: string[] = [];
  for (const [skill, level] of Object.entries(agent.skills)) {
    if (!Number.isInteger(level) || level < MIN_SKILL_LEVEL || level > MAX_SKILL_LEVEL)
      problems.push(
        `skills.${skill} must be an integer from ${MIN_SKILL_LEVEL} to ${MAX_SKILL_LEVEL}`,
      );
  }
  if (!(agent.capacity.totalUnits > 0)) problems.push('capacity.totalUnits must be positive');
  for (const [channel, rule] of Object.entries(agent.capacity.channels ?? {})) {
    if (rule.units !== undefined && !(rule.units > 0))
      problems.push(`capacity.channels.${channel}.units must be positive`);
    if (rule.max !== undefined && !(Number.isInteger(rule.max) && rule.max >= 0))
      problems.push(`capacity.channels.${channel}.max must be a whole number`);
  }
  if (problems.length > 0) throw invalid(`agent ${agent.id}`, problems);
}

function checkRequirements(
  requirements: readonly SkillRequirement[],
  field: string,
  problems: string[],
): void {
  requirements.forEach((r, index) => {
    if (!r.skill) problems.push(`${field}[${index}].skill is empty`);
    if (
      !Number.isInteger(r.minLevel) ||
      r.minLevel < MIN_SKILL_LEVEL ||
      r.minLevel > MAX_SKILL_LEVEL
    )
      problems.push(
        `${field}[${index}].minLevel must be an integer from ${MIN_SKILL_LEVEL} to ${MAX_SKILL_LEVEL}`,
      );
  });
}

function invalid(subject: string, problems: string[]): RoutingError {
  return new RoutingError(RoutingErrorCode.InvalidDefinition, `${subject}: ${problems.join('; ')}`);
}
