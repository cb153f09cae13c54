import type { ParsedInbound } from '../parsed-inbound';

/** A Slack event carries at most one fact; the rest are acknowledged and dropped, with why. */
export type SlackOutcome = ParsedInbound | { ignoredBecause: string };

export function ignored(reason: string): SlackOutcome {
  return { ignoredBecause: reason };
}
