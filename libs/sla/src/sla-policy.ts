import type { SlaEscalationAction, SlaMetric } from '@switchboard/contracts';

/** One target of a policy: how long, and whether only business hours count. */
export interface SlaTarget {
  readonly seconds: number;
  /** Counted in the policy's calendar's business hours; calendar time when false. */
  readonly businessHours: boolean;
}

/**
 * What a policy promises, as one immutable version. Editing a policy writes a new version;
 * clocks keep the version they started with.
 */
export interface SlaPolicyDefinition {
  /** Every listed condition must hold; an empty or missing list matches anything. */
  readonly match: {
    readonly queueIds?: readonly string[];
    readonly channels?: readonly string[];
    readonly contactTiers?: readonly string[];
    /** Matches work served at this priority or higher. */
    readonly minPriority?: number | null;
  };
  /** The business-hours calendar for targets counted in business hours. */
  readonly calendarId: string | null;
  readonly targets: Partial<Record<SlaMetric, SlaTarget>>;
  /** Warn when this share of a target has elapsed; null for no warnings. */
  readonly warnAtPercent: number | null;
  /** Statuses during which this policy's clocks stand still. */
  readonly pauseOn: readonly ('pending' | 'snoozed')[];
  readonly escalations: {
    readonly onWarning: readonly SlaEscalationAction[];
    readonly onBreach: readonly SlaEscalationAction[];
  };
}

/** A policy as the matcher sees it: ordered, versioned. */
export interface SlaPolicy {
  readonly id: string;
  readonly version: number;
  readonly position: number;
  readonly definition: SlaPolicyDefinition;
}

/** What a conversation is judged by when its first routing decides queue and priority. */
export interface SlaSubject {
  readonly queueId: string | null;
  readonly channel: string;
  readonly contactTier: string | null;
  readonly priority: number;
}

const anyOrIncludes = (list: readonly string[] | undefined, value: string | null): boolean =>
  !list?.length || (value !== null && list.includes(value));

/** The first policy, by position, whose conditions all hold (Zendesk's rule: ordered, first wins). */
export function matchPolicy(policies: readonly SlaPolicy[], subject: SlaSubject): SlaPolicy | null {
  const ordered = [...policies].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  return (
    ordered.find(({ definition: { match } }) => {
      return (
        anyOrIncludes(match.queueIds, subject.queueId) &&
        anyOrIncludes(match.channels, subject.channel) &&
        anyOrIncludes(match.contactTiers, subject.contactTier) &&
        (match.minPriority === null ||
          match.minPriority === undefined ||
          subject.priority >= match.minPriority)
      );
    }) ?? null
  );
}
