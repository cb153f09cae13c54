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

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the instant falls in the schedule, judged by the wall clock of its time zone. */
export function isWithin(schedule: WeeklySchedule, at: number): boolean {
  const { day, minutes } = localTime(schedule.timeZone, at);
  const previousDay = day === 1 ? 7 : day - 1;
  return schedule.intervals.some((interval) => {
    const start = toMinutes(interval.start);
    const end = toMinutes(interval.end);
    if (start < end) return interval.day === day && minutes >= start && minutes < end;
    // Overnight: from start on its day to end on the next.
    return (
      (interval.day === day && minutes >= start) || (interval.day === previousDay && minutes < end)
    );
  });
}

function localTime(timeZone: string, at: number): { day: number; minutes: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    day: WEEKDAYS[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function toMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}
