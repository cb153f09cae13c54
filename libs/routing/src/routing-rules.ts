import { isOpenAt } from '@switchboard/sla';
import type { SkillRequirement } from './model';

/** Opening hours in a time zone; an interval whose end is before its start runs past midnight. */
export interface WeeklySchedule {
  readonly timeZone: string;
  /** ISO weekday (1 = Monday … 7 = Sunday) and local wall-clock times, `HH:MM` (end may be `24:00`). */
  readonly intervals: readonly {
    readonly day: number;
    readonly start: string;
    readonly end: string;
  }[];
}

export interface RuleConditions {
  readonly channels?: readonly string[];
  readonly channelAccountIds?: readonly string[];
  /** Detected languages (ISO 639-3). */
  readonly languages?: readonly string[];
  readonly contactTiers?: readonly string[];
  /** Any of these words or phrases in the first message (case and accents as written by the customer are folded). */
  readonly keywords?: readonly string[];
  /** Matches inside (or, with `inside: false`, outside) the schedule. */
  readonly hours?: { readonly schedule: WeeklySchedule; readonly inside: boolean };
}

export interface RuleAction {
  readonly queueId: string;
  readonly skills?: readonly SkillRequirement[];
  readonly priority?: number;
  /** Only agents who work in the conversation's detected language are eligible. */
  readonly requireLanguage?: boolean;
}

/** Evaluated in order; the first whose every condition holds decides. */
export interface RoutingRule {
  readonly id: string;
  readonly conditions: RuleConditions;
  readonly action: RuleAction;
}

/** What is known about a conversation when it first needs an agent. */
export interface RoutingFacts {
  readonly channel: string;
  readonly channelAccountId: string | null;
  readonly language: string | null;
  readonly contactTier: string | null;
  readonly text: string;
  readonly at: number;
}

export interface RouteChoice {
  readonly queueId: string;
  readonly ruleId: string | null;
  readonly skills: readonly SkillRequirement[];
  readonly priority: number | undefined;
  readonly language: string | null;
}

export function chooseRoute(
  rules: readonly RoutingRule[],
  facts: RoutingFacts,
  defaultQueueId: string,
): RouteChoice {
  const text = normalizedWords(facts.text);
  for (const rule of rules) {
    if (!matches(rule.conditions, facts, text)) continue;
    return {
      queueId: rule.action.queueId,
      ruleId: rule.id,
      skills: rule.action.skills ?? [],
      priority: rule.action.priority,
      language: rule.action.requireLanguage ? facts.language : null,
    };
  }
  return { queueId: defaultQueueId, ruleId: null, skills: [], priority: undefined, language: null };
}

function matches(conditions: RuleConditions, facts: RoutingFacts, text: string): boolean {
  if (conditions.channels?.length && !conditions.channels.includes(facts.channel)) return false;
  if (
    conditions.channelAccountIds?.length &&
    !(facts.channelAccountId && conditions.channelAccountIds.includes(facts.channelAccountId))
  )
    return false;
  if (
    conditions.languages?.length &&
    !(facts.language && conditions.languages.includes(facts.language))
  )
    return false;
  if (
    conditions.contactTiers?.length &&
    !(facts.contactTier && conditions.contactTiers.includes(facts.contactTier))
  )
    return false;
  if (conditions.keywords?.length && !conditions.keywords.some((k) => containsPhrase(text, k)))
    return false;
  if (conditions.hours && isWithin(conditions.hours.schedule, facts.at) !== conditions.hours.inside)
    return false;
  return true;
}

/** A keyword with no letter or digit is no phrase: it would match only a message without words. */
function containsPhrase(text: string, keyword: string): boolean {
  const phrase = normalizedWords(keyword);
  return phrase.trim() !== '' && text.includes(phrase);
}

/** Lower-cased, accent-folded words, space-delimited at both ends so phrases match whole words. */
function normalizedWords(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return ` ${(words ?? []).join(' ')} `;
}

/** Whether the instant falls in the schedule, judged by the wall clock of its time zone. */
export function isWithin(schedule: WeeklySchedule, at: number): boolean {
  return isOpenAt({ timeZone: schedule.timeZone, weekly: schedule.intervals }, at);
}
