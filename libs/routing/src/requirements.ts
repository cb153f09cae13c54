import type { QueueDefinition, SkillRequirement } from './model';
import { MIN_SKILL_LEVEL } from './model';

const LANGUAGE_PREFIX = 'language:';

/** A language is matched like a skill, so one index serves both. */
export function languageSkill(language: string): string {
  return `${LANGUAGE_PREFIX}${language}`;
}

export function isLanguageSkill(skill: string): boolean {
  return skill.startsWith(LANGUAGE_PREFIX);
}

/**
 * The requirements of ring `ring` of a queue (0 = innermost): the queue's required and
 * optional skills, relaxed by every widening step up to and including `ring`, plus the
 * work's own skills and language. One skill named twice keeps its highest minimum.
 */
export function effectiveRequirements(
  queue: QueueDefinition,
  ring: number,
  extraSkills: readonly SkillRequirement[],
  language: string | null,
): SkillRequirement[] {
  let lowerBy = 0;
  let dropOptional = false;
  for (const step of queue.widening.slice(0, ring)) {
    lowerBy += step.lowerLevelsBy ?? 0;
    dropOptional ||= step.dropOptionalSkills ?? false;
  }
  const levels = new Map<string, number>();
  const add = (skill: string, level: number): void => {
    levels.set(skill, Math.max(levels.get(skill) ?? MIN_SKILL_LEVEL, level));
  };
  const relaxed = (level: number): number => Math.max(MIN_SKILL_LEVEL, level - lowerBy);
  for (const r of queue.requiredSkills) add(r.skill, relaxed(r.minLevel));
  if (!dropOptional) for (const r of queue.optionalSkills) add(r.skill, relaxed(r.minLevel));
  for (const r of extraSkills) add(r.skill, relaxed(r.minLevel));
  if (language) add(languageSkill(language), MIN_SKILL_LEVEL);
  return [...levels]
    .map(([skill, minLevel]) => ({ skill, minLevel }))
    .sort((a, b) => (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
}

/** Requirements and channel as one string: work with equal keys waits in one line. */
export function requirementKey(channel: string, requirements: readonly SkillRequirement[]): string {
  return `${channel}|${requirementsKey(requirements)}`;
}

/** The requirements alone as a string (equal sets, equal strings: they are kept sorted). */
export function requirementsKey(requirements: readonly SkillRequirement[]): string {
  return requirements.map((r) => `${r.skill}:${r.minLevel}`).join(',');
}

export function meetsRequirements(
  skills: ReadonlyMap<string, number>,
  requirements: readonly SkillRequirement[],
): boolean {
  for (const r of requirements) {
    if ((skills.get(r.skill) ?? 0) < r.minLevel) return false;
  }
  return true;
}

/** The first requirement an agent falls short of, for explanations. */
export function firstShortfall(
  skills: ReadonlyMap<string, number>,
  requirements: readonly SkillRequirement[],
): { skill: string; required: number; has: number } | null {
  for (const r of requirements) {
    const has = skills.get(r.skill) ?? 0;
    if (has < r.minLevel) return { skill: r.skill, required: r.minLevel, has };
  }
  return null;
}
