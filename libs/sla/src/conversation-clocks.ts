import type { SlaMetric } from '@switchboard/contracts';
import type { BusinessCalendar } from './business-hours';
import {
  endClock,
  fireDue,
  pauseClock,
  reschedule,
  resumeClock,
  startClock,
  type ClockFiring,
  type ClockState,
  type ClockTiming,
} from './sla-clock';
import type { SlaPolicy } from './sla-policy';

export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';

/** What the SLA service keeps of a conversation between events. */
export interface ConversationSlaState {
  /** 1 when opened, +1 on each reopening: clocks belong to one cycle. */
  readonly cycle: number;
  readonly status: ConversationStatus;
  /** The policy bound for this cycle (when the router first queued it); null before or if none matched. */
  readonly policy: SlaPolicy | null;
  /** The cycle's first queueing has been judged (a later one changes nothing, matching or not). */
  readonly policyJudged: boolean;
  readonly awaitingSince: number | null;
  /** An agent has replied (in this conversation): the next wait is a next response. */
  readonly agentReplied: boolean;
  readonly cycleStartedAt: number | null;
  /**
   * The next cycle's judgement, when its first queueing came before the reopening (they travel
   * on different topics, so either may come first): judged, and the policy if one matched.
   */
  readonly nextCycle: { readonly policy: SlaPolicy | null } | null;
}

export interface SlaClock {
  readonly id: string;
  readonly metric: SlaMetric;
  readonly cycle: number;
  /** Next responses and periodic updates recur: 1, 2, … within a cycle. */
  readonly ordinal: number;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly calendarId: string | null;
  readonly timing: ClockTiming;
  readonly state: ClockState;
}

export type ClockEvent =
  | {
      readonly type: 'started' | 'resumed' | 'met' | 'stopped';
      readonly clock: SlaClock;
      readonly at: number;
    }
  | {
      readonly type: 'paused';
      readonly clock: SlaClock;
      readonly status: 'pending' | 'snoozed';
      readonly at: number;
    }
  | {
      readonly type: 'warning' | 'breached';
      readonly clock: SlaClock;
      readonly firing: ClockFiring;
      readonly at: number;
    };

export const newConversationSlaState = (): ConversationSlaState => ({
  cycle: 1,
  status: 'open',
  policy: null,
  policyJudged: false,
  awaitingSince: null,
  agentReplied: false,
  cycleStartedAt: null,
  nextCycle: null,
});

const RESPONSE_METRICS: readonly SlaMetric[] = ['first_response', 'next_response'];

/**
 * One conversation's clocks, moved by what happens to it: customer messages start response
 * clocks, agent replies meet them, pending/snoozed pause them (if the policy says so), the
 * resolution meets the resolution clock and stops the rest. Pure: instants and ids come in,
 * the changed clocks and the events to announce come out.
 */
export class ConversationClocks {
  private conversation: ConversationSlaState;
  private readonly clocks = new Map<string, SlaClock>();
  /** Clocks of an earlier cycle that changed before a reopening: still to be saved. */
  private readonly earlierCycles = new Map<string, SlaClock>();
  private readonly changedIds = new Set<string>();
  private readonly createdIds = new Set<string>();
  private readonly emitted: ClockEvent[] = [];

  /**
   * @param clocks the clocks of the conversation's current cycle
   * @param calendarOf the business-hours calendar of a policy's `calendarId`
   */
  constructor(
    state: ConversationSlaState,
    clocks: readonly SlaClock[],
    private readonly newId: () => string,
    private readonly calendarOf: (calendarId: string) => BusinessCalendar | null,
  ) {
    this.conversation = state;
    for (const clock of clocks) if (clock.cycle === state.cycle) this.clocks.set(clock.id, clock);
  }

  get state(): ConversationSlaState {
    return this.conversation;
  }

  /** Clocks created or changed, in the order they first changed. */
  get changed(): SlaClock[] {
    return [...this.changedIds].map((id) => this.clocks.get(id) ?? this.earlierCycles.get(id)!);
  }

  isCreated(clockId: string): boolean {
    return this.createdIds.has(clockId);
  }

  get events(): readonly ClockEvent[] {
    return this.emitted;
  }

  /** The earliest due time of the running clocks (a breached clock's is in the past). */
  get dueAt(): number | null {
    let earliest: number | null = null;
    for (const clock of this.clocks.values()) {
      const due = clock.state.status === 'running' ? clock.state.dueAt : null;
      if (due !== null && (earliest === null || due < earliest)) earliest = due;
    }
    return earliest;
  }

  customerMessage(at: number): void {
    const state = this.conversation;
    // Messages to a resolved conversation come after its reopening; more messages while one
    // waits change nothing: the wait counts from the oldest.
    if (state.status === 'resolved' || state.awaitingSince !== null) return;
    this.update({ awaitingSince: at, cycleStartedAt: state.cycleStartedAt ?? at });
    if (!state.policy) return;
    this.startMetric(state.agentReplied ? 'next_response' : 'first_response', at, at);
    this.startMetric('resolution', this.conversation.cycleStartedAt!, at);
  }

  /**
   * The router queued the conversation for the first time in a cycle (`routing.queued`, reason
   * `new`; there is one per cycle): the policy that matched then, or none, is the cycle's. A
   * later requeue (transfer, overflow, offer timeout) never binds one, so a conversation cannot
   * acquire a policy, and an instant breach, hours into its life.
   */
  bindPolicy(policy: SlaPolicy | null, at: number): void {
    const state = this.conversation;
    if (state.policyJudged) {
      // A second first queueing: the next cycle's, ahead of its reopening.
      if (!state.nextCycle) this.update({ nextCycle: { policy } });
      return;
    }
    // Judged even when resolved: a late queueing of a cycle that ended changes nothing.
    if (state.status === 'resolved') return this.update({ policyJudged: true });
    this.update({ policy, policyJudged: true });
    if (!policy) return;
    // Clocks count from the customer's message, not from when routing got to it.
    if (state.cycleStartedAt !== null) this.startMetric('resolution', state.cycleStartedAt, at);
    if (state.awaitingSince !== null)
      this.startMetric(
        state.agentReplied ? 'next_response' : 'first_response',
        state.awaitingSince,
        at,
      );
  }

  agentReply(at: number): void {
    if (this.conversation.status === 'resolved') return;
    this.update({ awaitingSince: null, agentReplied: true });
    for (const clock of this.live()) {
      if (RESPONSE_METRICS.includes(clock.metric) || clock.metric === 'periodic_update')
        this.end(clock, at, 'met');
    }
    if (this.conversation.policy) this.startMetric('periodic_update', at, at);
  }

  statusChanged(status: 'open' | 'pending' | 'snoozed', at: number): void {
    if (this.conversation.status === 'resolved') return;
    this.update({ status });
    const pausedBy =
      status !== 'open' && this.conversation.policy?.definition.pauseOn.includes(status)
        ? status
        : null;
    for (const clock of this.live()) {
      if (pausedBy && clock.state.status === 'running') {
        this.pause(clock, pausedBy, at);
      } else if (!pausedBy && clock.state.status === 'paused') {
        const resumed = this.replace(clock, resumeClock(clock.state, clock.timing, at));
        this.emitted.push({ type: 'resumed', clock: resumed, at });
      }
    }
  }

  resolved(at: number): void {
    if (this.conversation.status === 'resolved') return;
    this.update({ status: 'resolved', awaitingSince: null });
    for (const clock of this.live())
      this.end(clock, at, clock.metric === 'resolution' ? 'met' : 'stopped');
  }

  /**
   * A customer wrote again after the resolution: a new cycle, whose policy routing binds anew
   * (or already did, if its queueing came first).
   */
  reopened(at: number): void {
    if (this.conversation.status !== 'resolved') return;
    const next = this.conversation.nextCycle;
    this.conversation = {
      cycle: this.conversation.cycle + 1,
      status: 'open',
      policy: next?.policy ?? null,
      policyJudged: next !== null,
      awaitingSince: null,
      agentReplied: this.conversation.agentReplied,
      cycleStartedAt: at,
      nextCycle: null,
    };
    for (const [id, clock] of this.clocks)
      if (this.changedIds.has(id)) this.earlierCycles.set(id, clock);
    this.clocks.clear();
  }

  private live(): SlaClock[] {
    return [...this.clocks.values()].filter(
      (clock) => clock.state.status === 'running' || clock.state.status === 'paused',
    );
  }

  private update(change: Partial<ConversationSlaState>): void {
    this.conversation = { ...this.conversation, ...change };
  }

  private startMetric(metric: SlaMetric, startAt: number, now: number): void {
    const policy = this.conversation.policy!;
    const target = policy.definition.targets[metric];
    if (!target) return;
    const existing = [...this.clocks.values()].filter((clock) => clock.metric === metric);
    // One first response and one resolution per cycle; the recurring ones one at a time.
    if (
      existing.some((clock) => clock.state.status === 'running' || clock.state.status === 'paused')
    )
      return;
    if (existing.length > 0 && (metric === 'first_response' || metric === 'resolution')) return;
    const calendarId = target.businessHours ? policy.definition.calendarId : null;
    const timing: ClockTiming = {
      targetSeconds: target.seconds,
      calendar: calendarId ? this.calendarOf(calendarId) : null,
      warnAtPercent: policy.definition.warnAtPercent,
    };
    const clock: SlaClock = {
      id: this.newId(),
      metric,
      cycle: this.conversation.cycle,
      ordinal: existing.length + 1,
      policyId: policy.id,
      policyVersion: policy.version,
      calendarId: timing.calendar ? calendarId : null,
      timing,
      state: startClock(timing, startAt),
    };
    this.clocks.set(clock.id, clock);
    this.changedIds.add(clock.id);
    this.createdIds.add(clock.id);
    this.emitted.push({ type: 'started', clock, at: now });
    const status = this.conversation.status;
    if (
      (status === 'pending' || status === 'snoozed') &&
      policy.definition.pauseOn.includes(status)
    )
      this.pause(clock, status, now);
    else this.fire(clock, now);
  }

  private pause(clock: SlaClock, status: 'pending' | 'snoozed', at: number): void {
    const fired = this.fire(clock, at);
    const paused = this.replace(fired, pauseClock(fired.state, fired.timing, at, status));
    this.emitted.push({ type: 'paused', clock: paused, status, at });
  }

  private end(clock: SlaClock, at: number, outcome: 'met' | 'stopped'): void {
    const fired = this.fire(clock, at);
    const ended = this.replace(fired, endClock(fired.state, fired.timing, at, outcome));
    this.emitted.push({ type: outcome, clock: ended, at });
  }

  /** Fires what fell due before a transition, as the scheduler would have. */
  private fire(clock: SlaClock, at: number): SlaClock {
    // Judged by the calendar as it is now, as the scheduler does: a holiday added since the
    // clock started postpones its deadline here too.
    const current = clock.timing.calendar ? reschedule(clock.state, clock.timing) : clock.state;
    const { clock: state, fired } = fireDue(current, at);
    if (fired.length === 0) {
      const moved = current.dueAt !== clock.state.dueAt || current.warnAt !== clock.state.warnAt;
      return moved ? this.replace(clock, current) : clock;
    }
    const next = this.replace(clock, state);
    for (const firing of fired)
      this.emitted.push({
        type: firing.kind === 'warning' ? 'warning' : 'breached',
        clock: next,
        firing,
        at,
      });
    return next;
  }

  private replace(clock: SlaClock, state: ClockState): SlaClock {
    const next = { ...clock, state };
    this.clocks.set(clock.id, next);
    this.changedIds.add(clock.id);
    return next;
  }
}
