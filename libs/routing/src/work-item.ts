import { requirementsKey } from './requirements';
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
  requirements: readonly SkillRequirement[] = [];
  /** `requirements` as a string, naming the line it waits in (with the channel). */
  requirementsKey = '';
  /** The work's own skills and language as a string, for the engine's requirements cache. */
  readonly ownRequirementsKey: string;
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
    this.ownRequirementsKey = `${this.language ?? ''}/${requirementsKey(this.extraSkills)}`;
  }
}

/** What orders waiting work. A line's heap keeps a copy taken when the work joined it. */
export interface ServiceKey {
  readonly priority: number;
  /** The SLA due time; +Infinity when there is none. */
  readonly due: number;
  readonly waitingSince: number;
  readonly sequence: number;
}

export function serviceKeyOf(item: WorkItem): ServiceKey {
  return {
    priority: item.priority,
    due: item.slaDueAt ?? Number.POSITIVE_INFINITY,
    waitingSince: item.waitingSince,
    sequence: item.sequence,
  };
}

/** Waiting-work order: priority first, then time left to the SLA breach, then age. */
export function servedBefore(a: ServiceKey, b: ServiceKey): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.due !== b.due) return a.due < b.due;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince < b.waitingSince;
  return a.sequence < b.sequence;
}

/** `servedBefore` on items, with their current keys. */
export function itemServedBefore(a: WorkItem, b: WorkItem): boolean {
  return servedBefore(serviceKeyOf(a), serviceKeyOf(b));
}
