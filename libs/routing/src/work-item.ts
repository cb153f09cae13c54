import type { AssignmentExplanation, SkillRequirement, WorkRequest, WorkState } from './model';

/** A conversation the engine is routing: waiting, offered or assigned. */
export class WorkItem {
  readonly conversationId: string;
  readonly contactId: string;
  readonly channel: string;
  queueId: string;
  ruleId: string | null;
  priority: number;
  readonly extraSkills: readonly SkillRequirement[];
  readonly language: string | null;
  slaDueAt: number | null;
  /** Since when the customer has been waiting for this routing: orders equal work by age. */
  waitingSince: number;
  /** When it entered its current queue: widening steps count from here. */
  queueEnteredAt: number;
  ring = 0;
  requirements: SkillRequirement[] = [];
  readonly visitedQueues = new Set<string>();
  state: WorkState = 'waiting';
  agentId: string | null = null;
  offerId: string | null = null;
  offerExpiresAt: number | null = null;
  explanation: AssignmentExplanation | null = null;
  /** Agents that rejected or let an offer of this work expire: not offered it again. */
  readonly declinedBy = new Set<string>();
  /** The agent this work waits for: a transfer's target, or the contact's recent agent. */
  reservedFor: string | null = null;
  reservedUntil: number | null = null;
  reservedBecause: 'affinity' | 'transfer' | null = null;
  /** The waiting line it stands in, by key; null while offered, assigned or reserved. */
  lineKey: string | null = null;
  /** Bumped whenever the item leaves a line or its place in one changes (stale heap entries). */
  version = 0;
  /** Insertion order, the last tie-breaker. */
  readonly sequence: number;

  constructor(request: WorkRequest, priority: number, now: number, sequence: number) {
    this.conversationId = request.conversationId;
    this.contactId = request.contactId;
    this.channel = request.channel;
    this.queueId = request.queueId;
    this.ruleId = request.ruleId ?? null;
    this.priority = priority;
    this.extraSkills = request.skills ?? [];
    this.language = request.language ?? null;
    this.slaDueAt = request.slaDueAt ?? null;
    this.waitingSince = now;
    this.queueEnteredAt = now;
    this.sequence = sequence;
  }
}

/** Waiting-work order: priority first, then time left to the SLA breach, then age. */
export function servedBefore(a: WorkItem, b: WorkItem): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  const aDue = a.slaDueAt ?? Number.POSITIVE_INFINITY;
  const bDue = b.slaDueAt ?? Number.POSITIVE_INFINITY;
  if (aDue !== bDue) return aDue < bDue;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince < b.waitingSince;
  return a.sequence < b.sequence;
}
