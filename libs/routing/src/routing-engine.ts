import { AgentPool } from './agent-pool';
import { describeChoice, preferredAgent, type SelectionContext } from './agent-selection';
import type { AgentState } from './agent-state';
import { assertValidAgent, assertValidQueue } from './definitions';
import type {
  AgentProfile,
  AssignmentExplanation,
  Presence,
  QueueDefinition,
  QueuedReason,
  RoutingDecision,
  RoutingSettings,
  SkillRequirement,
  WorkRequest,
} from './model';
import { DEFAULT_ROUTING_SETTINGS } from './model';
import { effectiveRequirements, meetsRequirements, requirementsKey } from './requirements';
import { RoutingError, RoutingErrorCode } from './routing.error';
import { type RoutingStateSnapshot, workItemFromSnapshot } from './routing-snapshot';
import { TimerQueue, type Timer } from './timer-queue';
import type { WaitingLine } from './waiting-lines';
import { WaitingLines } from './waiting-lines';
import {
  itemServedBefore,
  servedBefore,
  serviceKeyOf,
  WorkItem,
  type ServiceKey,
} from './work-item';

export interface RoutingEngineOptions {
  readonly settings?: RoutingSettings;
  /** Ids for offers; injected so tests and replays are deterministic. */
  readonly newId: () => string;
}

/** What changed since the last `takeChanges()`: the rows the service must write. */
export interface RoutingChanges {
  readonly work: readonly WorkItem[];
  readonly endedWork: readonly string[];
  readonly agents: readonly AgentState[];
  /** Contacts whose most recent agent changed (for affinity after a rebuild). */
  readonly lastAgents: readonly { contactId: string; agentId: string; at: number }[];
}

/**
 * Skill-based routing for one tenant, in memory, deterministic and clock-free: every
 * command takes `now` and returns the decisions it made, in order.
 *
 * Two indexes keep each decision independent of the number of agents and of waiting work:
 * free agents by skill (new work scans only free agents with its rarest skill), and waiting
 * work in lines of equal channel and requirements, each a heap in service order (an agent
 * with capacity looks only at the head of each line it qualifies for).
 */
export class RoutingEngine {
  protected readonly pool = new AgentPool();
  protected readonly queues = new Map<string, QueueDefinition>();
  protected readonly work = new Map<string, WorkItem>();
  protected readonly lines = new WaitingLines();
  protected readonly timers = new TimerQueue();
  protected settings: RoutingSettings;
  private readonly newId: () => string;
  private readonly lastServedByQueue = new Map<string, Map<string, number>>();
  private readonly lastAgentOfContact = new Map<string, { agentId: string; at: number }>();
  /** Per agent: the lines it qualifies for, by channel, and how many of `lines.all` were checked. */
  private readonly matchingLinesCache = new Map<
    string,
    { checked: number; byChannel: Map<string, WaitingLine[]> }
  >();
  private readonly changedWork = new Set<string>();
  private readonly changedAgents = new Set<string>();
  private readonly changedContacts = new Set<string>();
  private readonly laneNames = new Map<string, Map<number, string>>();
  private readonly requirementsMemo = new Map<
    string,
    { list: readonly SkillRequirement[]; key: string }
  >();
  private decisions: RoutingDecision[] = [];
  private sequence = 0;

  constructor(options: RoutingEngineOptions) {
    this.settings = options.settings ?? DEFAULT_ROUTING_SETTINGS;
    this.newId = options.newId;
  }

  // ---------------------------------------------------------------- configuration

  updateSettings(settings: RoutingSettings): void {
    this.settings = settings;
  }

  upsertQueue(queue: QueueDefinition, now: number): RoutingDecision[] {
    assertValidQueue(queue);
    return this.run(() => {
      const existed = this.queues.has(queue.id);
      this.queues.set(queue.id, queue);
      this.requirementsMemo.clear();
      if (!existed) return;
      // Requirements or rings may have changed: re-place the queue's waiting work.
      for (const item of this.work.values()) {
        if (item.queueId !== queue.id || item.state !== 'waiting') continue;
        this.detachWaiting(item);
        item.ring = 0;
        this.settle(item, now);
        this.route(item, now, null);
      }
    });
  }

  removeQueue(queueId: string): void {
    for (const item of this.work.values()) {
      if (item.queueId === queueId)
        throw new RoutingError(
          RoutingErrorCode.QueueInUse,
          `queue ${queueId} still holds conversations; transfer them first`,
        );
    }
    this.queues.delete(queueId);
    this.lastServedByQueue.delete(queueId);
  }

  upsertAgent(profile: AgentProfile, now: number): RoutingDecision[] {
    assertValidAgent(profile);
    return this.run(() => {
      const agent = this.pool.get(profile.id);
      if (!agent) {
        this.pool.add(profile);
      } else {
        this.pool.changeProfile(agent, profile);
        this.matchingLinesCache.delete(agent.id);
        this.fill(agent, now);
      }
      this.changedAgents.add(profile.id);
    });
  }

  /** Takes the agent offline (re-routing everything it held, whatever the settings), then forgets it. */
  removeAgent(agentId: string, now: number): RoutingDecision[] {
    const agent = this.agent(agentId);
    return this.run(() => {
      this.changePresence(agent, 'offline', 'removed', now, true);
      // Already offline, it may still hold work kept under `onAgentOffline: 'keep'`.
      this.giveBackWork(agent, true, now);
      this.pool.delete(agent);
      this.matchingLinesCache.delete(agentId);
    });
  }

  // ---------------------------------------------------------------- presence

  setPresence(agentId: string, presence: Presence, now: number): RoutingDecision[] {
    const agent = this.agent(agentId);
    return this.run(() => this.changePresence(agent, presence, 'requested', now, false));
  }

  /** The agent's desk lost its connection: no new work; offline after the grace period. */
  agentDisconnected(agentId: string, now: number): RoutingDecision[] {
    const agent = this.agent(agentId);
    return this.run(() => {
      if (!agent.connected) return;
      agent.connected = false;
      agent.disconnectedAt = now;
      agent.connectionToken += 1;
      this.pool.reindex(agent);
      this.releaseReservations(agent, now);
      this.changedAgents.add(agent.id);
      this.scheduleGrace(agent, now);
      this.advanceTimers(now);
    });
  }

  agentReconnected(agentId: string, now: number): RoutingDecision[] {
    const agent = this.agent(agentId);
    return this.run(() => {
      if (agent.connected) return;
      agent.connected = true;
      agent.disconnectedAt = null;
      agent.connectionToken += 1;
      this.pool.reindex(agent);
      this.changedAgents.add(agent.id);
      this.fill(agent, now);
    });
  }

  // ---------------------------------------------------------------- work

  /** A conversation needs an agent. Idempotent: work already being routed is left alone. */
  enqueue(request: WorkRequest, now: number): RoutingDecision[] {
    if (this.work.has(request.conversationId)) return [];
    const queue = this.queue(request.queueId);
    return this.run(() => {
      const item = new WorkItem(request, request.priority ?? queue.priority, now, this.sequence++);
      item.visitedQueues.add(queue.id);
      this.work.set(item.conversationId, item);
      this.settle(item, now);
      this.route(item, now, 'new');
    });
  }

  accept(conversationId: string, agentId: string, now: number): RoutingDecision[] {
    const item = this.pendingOffer(conversationId, agentId);
    return this.run(() => this.assign(item, 'agent', now));
  }

  reject(conversationId: string, agentId: string, now: number): RoutingDecision[] {
    const item = this.pendingOffer(conversationId, agentId);
    return this.run(() => this.endOffer(item, 'rejected', now));
  }

  /** The conversation is resolved: whoever held it gets the capacity back. */
  release(conversationId: string, now: number): RoutingDecision[] {
    const item = this.work.get(conversationId);
    if (!item) return [];
    return this.run(() => {
      const agent = item.agentId ? this.pool.get(item.agentId) : undefined;
      if (item.state === 'waiting') {
        this.detachWaiting(item);
        this.emit({
          type: 'dequeued',
          conversationId,
          queueId: item.queueId,
          reason: 'resolved',
          at: now,
        });
      } else {
        this.detachFromAgent(item, item.state === 'assigned' ? 'resolved' : 'withdrawn', now);
      }
      this.work.delete(conversationId);
      this.changedWork.add(conversationId);
      if (agent) this.fill(agent, now);
    });
  }

  transferToQueue(conversationId: string, queueId: string, now: number): RoutingDecision[] {
    const item = this.item(conversationId);
    const queue = this.queue(queueId);
    return this.run(() => {
      const fromAgent = item.agentId ? this.pool.get(item.agentId) : undefined;
      this.emit({
        type: 'transferred',
        conversationId,
        fromAgentId: item.agentId,
        fromQueueId: item.queueId,
        to: { queueId },
        at: now,
      });
      this.detach(item, 'transferred', now);
      // Sent to a queue, it stops waiting for the agent an earlier transfer named.
      this.clearReservation(item);
      item.queueId = queue.id;
      item.priority = Math.max(item.priority, queue.priority);
      item.visitedQueues.clear();
      item.visitedQueues.add(queue.id);
      item.declinedBy.clear();
      // Not bounced straight back to the agent who passed it on.
      if (fromAgent) item.declinedBy.add(fromAgent.id);
      this.enterQueue(item, now);
      this.route(item, now, 'transferred');
      if (fromAgent) this.fill(fromAgent, now);
    });
  }

  /** Hands the conversation to one agent (skills aside, capacity respected); it waits for them if full. */
  transferToAgent(conversationId: string, agentId: string, now: number): RoutingDecision[] {
    const item = this.item(conversationId);
    const target = this.agent(agentId);
    if (target.presence !== 'online')
      throw new RoutingError(
        RoutingErrorCode.AgentUnavailable,
        `agent ${agentId} is ${target.presence}`,
      );
    if (item.agentId === agentId)
      throw new RoutingError(
        RoutingErrorCode.AgentUnavailable,
        `agent ${agentId} already holds it`,
      );
    return this.run(() => {
      const fromAgent = item.agentId ? this.pool.get(item.agentId) : undefined;
      this.emit({
        type: 'transferred',
        conversationId,
        fromAgentId: item.agentId,
        fromQueueId: item.queueId,
        to: { agentId },
        at: now,
      });
      this.detach(item, 'transferred', now);
      item.declinedBy.delete(agentId);
      item.waitingSince = now;
      item.reservedFor = agentId;
      item.reservedUntil = null;
      item.reservedBecause = 'transfer';
      // Rings that came due while it was offered or assigned apply now, and the next is timed.
      this.settle(item, now);
      this.route(item, now, 'transferred');
      if (fromAgent) this.fill(fromAgent, now);
    });
  }

  /**
   * An SLA escalation's move: a transfer to the queue, unless the conversation is already in it
   * (waiting, offered or assigned there). A repeated escalation then neither restarts its wait
   * nor takes it from the agent serving it.
   */
  escalateToQueue(conversationId: string, queueId: string, now: number): RoutingDecision[] {
    if (this.item(conversationId).queueId === queueId) return [];
    return this.transferToQueue(conversationId, queueId, now);
  }

  /**
   * Time left to the SLA breach now orders the work (from the SLA service); null clears it.
   * Work the engine is not routing is ignored. Decides nothing: no agent could take it anyway.
   */
  setSlaDue(conversationId: string, slaDueAt: number | null): void {
    const item = this.work.get(conversationId);
    if (!item || item.slaDueAt === slaDueAt) return;
    item.slaDueAt = slaDueAt;
    this.reposition(item);
  }

  /**
   * An SLA escalation: the work is served at least at this priority from now on (it is never
   * lowered; a later transfer keeps it). Waiting work moves up its line; offered or assigned
   * work keeps the priority for when it waits again. Work the engine is not routing is ignored.
   * Decides nothing: waiting work waits because no agent can take it, whatever its priority.
   */
  raisePriority(conversationId: string, priority: number): void {
    const item = this.work.get(conversationId);
    if (!item || item.priority >= priority) return;
    item.priority = priority;
    this.reposition(item);
  }

  /**
   * Loads a tenant's stored state into an empty engine, then catches up: rings widen, offers
   * that expired while no one owned the tenant expire, free agents are filled. Returns the
   * decisions the catching up made.
   */
  restore(state: RoutingStateSnapshot, now: number): RoutingDecision[] {
    return this.run(() => {
      for (const queue of state.queues) this.queues.set(queue.id, queue);
      for (const { profile, runtime } of state.agents) {
        const agent = this.pool.add(profile);
        Object.assign(agent, runtime);
      }
      for (const last of state.lastAgents)
        this.rememberLastAgent(last.contactId, last.agentId, last.at);
      this.changedContacts.clear(); // already stored
      const waiting: WorkItem[] = [];
      for (const snapshot of state.work) {
        if (!this.queues.has(snapshot.queueId)) continue;
        const item = workItemFromSnapshot(snapshot, this.sequence++);
        this.work.set(item.conversationId, item);
        const agent = item.agentId ? this.pool.get(item.agentId) : undefined;
        if (item.state !== 'waiting' && agent) {
          agent.take(item);
          if (item.state === 'offered' && item.offerExpiresAt !== null)
            this.timers.schedule({
              at: item.offerExpiresAt,
              kind: 'offer',
              lane: this.laneOf('offer', item.queueId, 0),
              subject: item.conversationId,
              token: item.offerId!,
            });
          continue;
        }
        item.state = 'waiting';
        item.agentId = null;
        item.offerId = null;
        waiting.push(item);
      }
      const agents = [...this.pool.all()];
      for (const agent of agents) {
        this.pool.reindex(agent);
        if (!agent.connected) this.scheduleGrace(agent, now);
      }
      for (const item of waiting) {
        this.settle(item, now);
        const holder = item.reservedFor ? this.pool.get(item.reservedFor) : undefined;
        const holds =
          holder?.presence === 'online' &&
          (item.reservedBecause === 'transfer' || (item.reservedUntil ?? 0) > now);
        if (holds) {
          this.reserve(item, holder);
          if (item.reservedBecause === 'affinity')
            this.timers.schedule({
              at: item.reservedUntil!,
              kind: 'reservation',
              lane: this.laneOf('reservation', item.queueId, 0),
              subject: item.conversationId,
              token: item.reservedUntil!,
            });
        } else {
          this.clearReservation(item);
          this.lines.lineFor(item.channel, item.requirements, item.requirementsKey).add(item);
        }
      }
      agents.sort((a, b) => a.lastRoutedAt - b.lastRoutedAt);
      for (const agent of agents) this.fill(agent, now);
      this.advanceTimers(now);
    });
  }

  /** Fires every deadline due by `now`: offer time-outs, widening, affinity waits, grace periods. */
  advance(now: number): RoutingDecision[] {
    return this.run(() => this.advanceTimers(now));
  }

  /** When `advance` next has something to do; null when nothing is scheduled. */
  nextDeadline(): number | null {
    return this.timers.nextAt();
  }

  /** Rows to write since the last call (the service persists them before announcing). */
  takeChanges(): RoutingChanges {
    if (
      this.changedWork.size === 0 &&
      this.changedAgents.size === 0 &&
      this.changedContacts.size === 0
    )
      return NO_CHANGES;
    const work: WorkItem[] = [];
    const endedWork: string[] = [];
    for (const id of this.changedWork) {
      const item = this.work.get(id);
      if (item) work.push(item);
      else endedWork.push(id);
    }
    const agents: AgentState[] = [];
    for (const id of this.changedAgents) {
      const agent = this.pool.get(id);
      if (agent) agents.push(agent);
    }
    const lastAgents: { contactId: string; agentId: string; at: number }[] = [];
    for (const contactId of this.changedContacts) {
      const last = this.lastAgentOfContact.get(contactId);
      if (last) lastAgents.push({ contactId, agentId: last.agentId, at: last.at });
    }
    this.changedWork.clear();
    this.changedAgents.clear();
    this.changedContacts.clear();
    return { work, endedWork, agents, lastAgents };
  }

  // ---------------------------------------------------------------- reading

  agents(): IterableIterator<AgentState> {
    return this.pool.all();
  }

  findAgent(agentId: string): AgentState | undefined {
    return this.pool.get(agentId);
  }

  workItems(): IterableIterator<WorkItem> {
    return this.work.values();
  }

  findWork(conversationId: string): WorkItem | undefined {
    return this.work.get(conversationId);
  }

  findQueue(queueId: string): QueueDefinition | undefined {
    return this.queues.get(queueId);
  }

  queueDefinitions(): IterableIterator<QueueDefinition> {
    return this.queues.values();
  }

  /** Each contact's most recent agent and when, as a snapshot stores them. */
  lastAgents(): { contactId: string; agentId: string; at: number }[] {
    return [...this.lastAgentOfContact].map(([contactId, last]) => ({ contactId, ...last }));
  }

  get currentSettings(): RoutingSettings {
    return this.settings;
  }

  /** The contact's most recent agent, for affinity (restored from history on rebuild). */
  rememberLastAgent(contactId: string, agentId: string, at: number): void {
    const known = this.lastAgentOfContact.get(contactId);
    if (known && known.at > at) return;
    this.lastAgentOfContact.set(contactId, { agentId, at });
    this.changedContacts.add(contactId);
  }

  // ---------------------------------------------------------------- internals

  /**
   * After the item's service key changed: a waiting line's heap holds a copy of the old key,
   * so the item leaves its line and joins it again. Reserved items are compared live.
   */
  private reposition(item: WorkItem): void {
    const line = this.lines.lineOf(item);
    if (line) {
      line.remove(item);
      line.add(item);
    }
    this.changedWork.add(item.conversationId);
  }

  private run(command: () => void): RoutingDecision[] {
    this.decisions = [];
    command();
    return this.decisions;
  }

  private emit(decision: RoutingDecision): void {
    this.decisions.push(decision);
  }

  protected advanceTimers(now: number): void {
    for (let timer = this.timers.popDue(now); timer; timer = this.timers.popDue(now)) {
      this.fire(timer, now);
    }
  }

  private fire(timer: Timer, now: number): void {
    if (timer.kind === 'grace') {
      const agent = this.pool.get(timer.subject);
      if (agent && !agent.connected && agent.connectionToken === timer.token)
        this.changePresence(agent, 'offline', 'disconnected', now, false);
      return;
    }
    const item = this.work.get(timer.subject);
    if (!item) return;
    switch (timer.kind) {
      case 'offer':
        if (item.state === 'offered' && item.offerId === timer.token)
          this.endOffer(item, 'timeout', now);
        return;
      case 'widen':
        if (item.state === 'waiting' && timer.token === ringToken(item, this.wideningDue(item))) {
          const inLine = this.lines.lineOf(item) !== null;
          if (inLine) this.detachWaiting(item);
          this.settle(item, now);
          if (inLine) this.route(item, now, null);
        }
        return;
      case 'reservation':
        if (
          item.state === 'waiting' &&
          item.reservedBecause === 'affinity' &&
          item.reservedUntil !== null &&
          item.reservedUntil <= now
        ) {
          this.detachWaiting(item);
          this.route(item, now, null);
        }
        return;
    }
  }

  /** Starts the queue's rings afresh (a new queue, a transfer, an overflow). */
  private enterQueue(item: WorkItem, now: number): void {
    item.ring = 0;
    item.queueEnteredAt = now;
    item.waitingSince = now;
    this.settle(item, now);
  }

  /**
   * Brings the item's ring up to date with the time it has spent in its queue, following
   * overflows, and schedules the next widening.
   */
  private settle(item: WorkItem, now: number): void {
    const startRing = item.ring;
    const startQueue = item.queueId;
    for (;;) {
      const queue = this.queue(item.queueId);
      const step = queue.widening[item.ring];
      if (!step || item.queueEnteredAt + step.afterSeconds * 1000 > now) break;
      const target = step.overflowToQueueId;
      if (target && this.queues.has(target) && !item.visitedQueues.has(target)) {
        item.visitedQueues.add(target);
        item.queueId = target;
        item.ring = 0;
        item.queueEnteredAt = now;
        item.priority = Math.max(item.priority, this.queue(target).priority);
        this.emit({
          type: 'queued',
          conversationId: item.conversationId,
          queueId: target,
          ring: 0,
          reason: 'overflow',
          priority: item.priority,
          channel: item.channel,
          at: now,
        });
        continue;
      }
      item.ring += 1;
    }
    const queue = this.queue(item.queueId);
    const requirements = this.requirementsOf(queue, item);
    item.requirements = requirements.list;
    item.requirementsKey = requirements.key;
    if (item.ring !== startRing || item.queueId !== startQueue) {
      if (item.ring > 0)
        this.emit({
          type: 'widened',
          conversationId: item.conversationId,
          queueId: item.queueId,
          ring: item.ring,
          requirements: item.requirements,
          at: now,
        });
      this.changedWork.add(item.conversationId);
    }
    const at = this.wideningDue(item);
    if (at !== null)
      this.timers.schedule({
        at,
        kind: 'widen',
        lane: this.laneOf('widen', item.queueId, item.ring),
        subject: item.conversationId,
        token: ringToken(item, at),
      });
  }

  /** When the item's next ring is due under its queue's current definition. */
  private wideningDue(item: WorkItem): number | null {
    const next = this.queues.get(item.queueId)?.widening[item.ring];
    return next ? item.queueEnteredAt + next.afterSeconds * 1000 : null;
  }

  /**
   * Finds the waiting item an agent (a transfer's target, the contact's recent agent, or
   * the best free agent under the queue's strategy) or puts it in its line.
   */
  private route(item: WorkItem, now: number, reason: QueuedReason | null): void {
    const queue = this.queue(item.queueId);
    this.changedWork.add(item.conversationId);
    // An affinity hold is decided afresh each time the work is routed.
    if (item.reservedBecause === 'affinity') this.clearReservation(item);
    if (reason)
      this.emit({
        type: 'queued',
        conversationId: item.conversationId,
        queueId: queue.id,
        ring: item.ring,
        reason,
        priority: item.priority,
        channel: item.channel,
        at: now,
      });

    if (item.reservedBecause === 'transfer' && item.reservedFor) {
      const target = this.pool.get(item.reservedFor);
      if (target && target.presence === 'online') {
        if (target.canTake(item.channel))
          return this.offer(item, target, 'transfer_target', 1, now);
        return this.reserve(item, target);
      }
      this.clearReservation(item);
    }

    const recent = this.affinityAgent(item, queue, now);
    if (recent) {
      if (recent.canTake(item.channel)) return this.offer(item, recent, 'affinity', 1, now);
      const until = item.queueEnteredAt + queue.affinity.waitSeconds * 1000;
      if (until > now) {
        item.reservedUntil = until;
        item.reservedBecause = 'affinity';
        item.reservedFor = recent.id;
        this.timers.schedule({
          at: until,
          kind: 'reservation',
          lane: this.laneOf('reservation', item.queueId, 0),
          subject: item.conversationId,
          token: until,
        });
        return this.reserve(item, recent);
      }
    }

    const context = this.selectionContext(item);
    let best: AgentState | null = null;
    let candidates = 0;
    for (const agent of this.pool.freeCandidates(item.requirements)) {
      if (!agent.canTake(item.channel) || item.declinedBy.has(agent.id)) continue;
      if (!meetsRequirements(agent.skills, item.requirements)) continue;
      candidates += 1;
      if (!best || preferredAgent(agent, best, context)) best = agent;
    }
    if (best) return this.offer(item, best, 'best_agent', candidates, now);
    this.lines.lineFor(item.channel, item.requirements, item.requirementsKey).add(item);
  }

  private affinityAgent(item: WorkItem, queue: QueueDefinition, now: number): AgentState | null {
    if (queue.affinity.windowSeconds <= 0) return null;
    const last = this.lastAgentOfContact.get(item.contactId);
    if (!last || now - last.at > queue.affinity.windowSeconds * 1000) return null;
    const agent = this.pool.get(last.agentId);
    if (!agent || agent.presence !== 'online' || !agent.connected) return null;
    if (item.declinedBy.has(agent.id) || !meetsRequirements(agent.skills, item.requirements))
      return null;
    return agent;
  }

  private reserve(item: WorkItem, agent: AgentState): void {
    item.reservedFor = agent.id;
    agent.reserved.add(item);
  }

  private clearReservation(item: WorkItem): void {
    if (item.reservedFor) this.pool.get(item.reservedFor)?.reserved.delete(item);
    item.reservedFor = null;
    item.reservedUntil = null;
    item.reservedBecause = null;
  }

  /** Offers the best work the agent qualifies for until it is full or nothing is left. */
  protected fill(agent: AgentState, now: number): void {
    const linesByChannel = this.matchingLines(agent);
    while (agent.acceptsWork) {
      let best: WorkItem | null = null;
      let bestKey: ServiceKey | null = null;
      for (const item of agent.reserved) {
        if (!agent.canTake(item.channel)) continue;
        const key = serviceKeyOf(item);
        if (!bestKey || servedBefore(key, bestKey)) {
          best = item;
          bestKey = key;
        }
      }
      for (const [channel, lines] of linesByChannel) {
        if (!agent.canTake(channel)) continue;
        for (const line of lines) {
          // The line is its head's key: most lines lose on that alone, without touching the head.
          if (line.size === 0 || (bestKey && !servedBefore(line, bestKey))) continue;
          const head = line.firstFor(agent.id);
          if (head && (!bestKey || servedBefore(head, bestKey))) {
            best = head.item;
            bestKey = head;
          }
        }
      }
      if (!best) return;
      const via =
        best.reservedBecause === 'transfer'
          ? 'transfer_target'
          : best.reservedBecause === 'affinity'
            ? 'affinity'
            : 'agent_freed';
      this.offer(best, agent, via, 1, now);
    }
  }

  /**
   * The lines an agent qualifies for, grouped by channel (so a channel it has no room for is
   * skipped whole). Built from the lines' skill index, then extended with lines created since.
   */
  /** A timer lane's name: one per kind, queue and ring (their deadlines come in order). */
  private laneOf(kind: 'offer' | 'reservation' | 'widen', queueId: string, ring: number): string {
    let names = this.laneNames.get(queueId);
    if (!names) this.laneNames.set(queueId, (names = new Map()));
    const slot = kind === 'widen' ? ring + 2 : kind === 'offer' ? 0 : 1;
    let name = names.get(slot);
    if (name === undefined) names.set(slot, (name = `${kind}|${queueId}|${ring}`));
    return name;
  }

  /** Effective requirements by queue, ring and the work's own: computed once per combination. */
  private requirementsOf(
    queue: QueueDefinition,
    item: WorkItem,
  ): { list: readonly SkillRequirement[]; key: string } {
    const memoKey = `${queue.id}#${item.ring}#${item.ownRequirementsKey}`;
    let found = this.requirementsMemo.get(memoKey);
    if (!found) {
      const list = effectiveRequirements(queue, item.ring, item.extraSkills, item.language);
      found = { list, key: requirementsKey(list) };
      this.requirementsMemo.set(memoKey, found);
    }
    return found;
  }

  private matchingLines(agent: AgentState): ReadonlyMap<string, WaitingLine[]> {
    let cached = this.matchingLinesCache.get(agent.id);
    if (!cached) {
      cached = { checked: this.lines.all.length, byChannel: new Map() };
      this.addMatching(agent, cached.byChannel, this.lines.candidatesFor(agent.skills.keys()));
      this.matchingLinesCache.set(agent.id, cached);
    } else if (cached.checked < this.lines.all.length) {
      this.addMatching(agent, cached.byChannel, this.lines.all.slice(cached.checked));
      cached.checked = this.lines.all.length;
    }
    return cached.byChannel;
  }

  private addMatching(
    agent: AgentState,
    byChannel: Map<string, WaitingLine[]>,
    candidates: readonly WaitingLine[],
  ): void {
    for (const line of candidates) {
      if (!meetsRequirements(agent.skills, line.requirements)) continue;
      let lines = byChannel.get(line.channel);
      if (!lines) byChannel.set(line.channel, (lines = []));
      lines.push(line);
    }
  }

  private offer(
    item: WorkItem,
    agent: AgentState,
    via: AssignmentExplanation['via'],
    candidates: number,
    now: number,
  ): void {
    const queue = this.queue(item.queueId);
    const context = this.selectionContext(item);
    this.detachWaiting(item);
    // Offered work no longer waits for anyone: a reservation ends with the offer.
    this.clearReservation(item);
    item.state = 'offered';
    item.agentId = agent.id;
    item.offerId = this.newId();
    item.offerExpiresAt = queue.autoAccept ? null : now + queue.offerTimeoutSeconds * 1000;
    item.explanation = {
      strategy: queue.strategy,
      queueId: queue.id,
      ruleId: item.ruleId,
      ring: item.ring,
      requirements: item.requirements,
      via,
      candidates,
      detail:
        via === 'best_agent'
          ? `${describeChoice(agent, context)} among ${candidates} eligible agent(s) with capacity`
          : via === 'agent_freed'
            ? 'the agent had capacity and this was the most urgent work it qualified for'
            : via === 'affinity'
              ? "the contact's most recent agent"
              : 'transferred to this agent',
    };
    agent.take(item);
    agent.lastRoutedAt = now;
    this.pool.reindex(agent);
    let served = this.lastServedByQueue.get(queue.id);
    if (!served) this.lastServedByQueue.set(queue.id, (served = new Map()));
    served.set(agent.id, now);
    this.changedWork.add(item.conversationId);
    this.changedAgents.add(agent.id);
    this.emit({
      type: 'offered',
      conversationId: item.conversationId,
      agentId: agent.id,
      offerId: item.offerId,
      queueId: queue.id,
      expiresAt: item.offerExpiresAt,
      explanation: item.explanation,
      at: now,
    });
    if (queue.autoAccept) return this.assign(item, 'auto_accept', now);
    this.timers.schedule({
      at: item.offerExpiresAt!,
      kind: 'offer',
      lane: this.laneOf('offer', item.queueId, 0),
      subject: item.conversationId,
      token: item.offerId,
    });
  }

  private assign(item: WorkItem, acceptedBy: 'agent' | 'auto_accept', now: number): void {
    const agent = this.agent(item.agentId!);
    item.state = 'assigned';
    item.offerExpiresAt = null;
    this.clearReservation(item);
    if (acceptedBy === 'agent') agent.missedOffers = 0;
    this.rememberLastAgent(item.contactId, agent.id, now);
    this.changedWork.add(item.conversationId);
    this.changedAgents.add(agent.id);
    this.emit({
      type: 'assigned',
      conversationId: item.conversationId,
      agentId: agent.id,
      offerId: item.offerId!,
      queueId: item.queueId,
      acceptedBy,
      at: now,
    });
  }

  /** A rejected or timed-out offer: the work goes to someone else, the agent may take other work. */
  private endOffer(item: WorkItem, reason: 'rejected' | 'timeout', now: number): void {
    const agent = this.agent(item.agentId!);
    this.detachFromAgent(item, reason, now);
    item.declinedBy.add(agent.id);
    if (item.reservedBecause === 'transfer') this.clearReservation(item);
    if (reason === 'timeout') {
      agent.missedOffers += 1;
      if (agent.missedOffers >= this.settings.maxMissedOffers && agent.presence === 'online')
        this.changePresence(agent, 'away', 'missed_offers', now, false);
    }
    this.requeue(item, reason === 'rejected' ? 'offer_rejected' : 'offer_timeout', now);
    this.fill(agent, now);
  }

  private requeue(item: WorkItem, reason: QueuedReason, now: number): void {
    this.settle(item, now);
    this.route(item, now, reason);
  }

  private changePresence(
    agent: AgentState,
    presence: Presence,
    reason: 'requested' | 'missed_offers' | 'disconnected' | 'removed',
    now: number,
    rerouteAssigned: boolean,
  ): void {
    if (agent.presence === presence) return;
    const wasOffline = agent.presence === 'offline';
    agent.presence = presence;
    this.changedAgents.add(agent.id);
    this.emit({ type: 'agent_presence_changed', agentId: agent.id, presence, reason, at: now });
    // Back from offline while still disconnected: the grace period (perhaps long over)
    // applies again, as it would after a restore, or the agent would stay online unreachable.
    if (wasOffline && !agent.connected) this.scheduleGrace(agent, now);
    if (presence === 'online') {
      agent.lastRoutedAt = Math.max(agent.lastRoutedAt, now);
      agent.missedOffers = 0;
      this.pool.reindex(agent);
      this.fill(agent, now);
      return;
    }
    this.pool.reindex(agent);
    this.releaseReservations(agent, now);
    if (presence === 'offline') this.giveBackWork(agent, rerouteAssigned, now);
  }

  /** An offline agent's offers are withdrawn; its assigned work is re-routed if so set. */
  private giveBackWork(agent: AgentState, rerouteAssigned: boolean, now: number): void {
    const reroute = rerouteAssigned || this.settings.onAgentOffline === 'reroute';
    for (const item of inServiceOrder(agent.holding)) {
      if (item.state === 'offered') {
        this.detachFromAgent(item, 'withdrawn', now);
        this.requeue(item, 'offer_withdrawn', now);
      } else if (reroute) {
        this.detachFromAgent(item, 'agent_offline', now);
        this.requeue(item, 'agent_offline', now);
      }
    }
  }

  /** A disconnected agent counts as offline once the grace period from its disconnection ends. */
  private scheduleGrace(agent: AgentState, now: number): void {
    this.timers.schedule({
      at: (agent.disconnectedAt ?? now) + this.settings.disconnectGraceSeconds * 1000,
      kind: 'grace',
      lane: 'grace',
      subject: agent.id,
      token: agent.connectionToken,
    });
  }

  /** Work waiting for this agent goes back to everyone. */
  private releaseReservations(agent: AgentState, now: number): void {
    for (const item of inServiceOrder(agent.reserved)) {
      this.clearReservation(item);
      this.route(item, now, null);
    }
  }

  /** Takes the item off whatever holds it: its line, a reservation, or an agent. */
  private detach(item: WorkItem, reason: 'transferred', now: number): void {
    if (item.state === 'waiting') this.detachWaiting(item);
    else this.detachFromAgent(item, item.state === 'assigned' ? reason : 'withdrawn', now);
  }

  private detachWaiting(item: WorkItem): void {
    this.lines.lineOf(item)?.remove(item);
    if (item.reservedFor) this.pool.get(item.reservedFor)?.reserved.delete(item);
  }

  private detachFromAgent(
    item: WorkItem,
    reason: 'resolved' | 'agent_offline' | 'transferred' | 'withdrawn' | 'rejected' | 'timeout',
    now: number,
  ): void {
    const agent = this.agent(item.agentId!);
    const { conversationId } = item;
    if (item.state === 'offered') {
      const offerReason = reason === 'rejected' || reason === 'timeout' ? reason : 'withdrawn';
      this.emit({
        type: 'offer_expired',
        conversationId,
        agentId: agent.id,
        offerId: item.offerId!,
        reason: offerReason,
        at: now,
      });
    } else {
      const unassignReason =
        reason === 'resolved' || reason === 'agent_offline' ? reason : 'transferred';
      this.emit({
        type: 'unassigned',
        conversationId,
        agentId: agent.id,
        reason: unassignReason,
        at: now,
      });
      if (reason === 'resolved') this.rememberLastAgent(item.contactId, agent.id, now);
    }
    agent.giveBack(item);
    this.pool.reindex(agent);
    item.state = 'waiting';
    item.agentId = null;
    item.offerId = null;
    item.offerExpiresAt = null;
    item.explanation = null;
    this.changedWork.add(conversationId);
    this.changedAgents.add(agent.id);
  }

  private selectionContext(item: WorkItem): SelectionContext {
    const queue = this.queue(item.queueId);
    return {
      strategy: queue.strategy,
      requirements: item.requirements,
      lastServedByQueue: this.lastServedByQueue.get(queue.id) ?? EMPTY_SERVED,
    };
  }

  private pendingOffer(conversationId: string, agentId: string): WorkItem {
    const item = this.item(conversationId);
    if (item.state !== 'offered' || item.agentId !== agentId)
      throw new RoutingError(
        RoutingErrorCode.OfferNotPending,
        `conversation ${conversationId} has no pending offer for agent ${agentId}`,
      );
    return item;
  }

  protected item(conversationId: string): WorkItem {
    const item = this.work.get(conversationId);
    if (!item)
      throw new RoutingError(
        RoutingErrorCode.UnknownConversation,
        `conversation ${conversationId} is not being routed`,
      );
    return item;
  }

  protected agent(agentId: string): AgentState {
    const agent = this.pool.get(agentId);
    if (!agent)
      throw new RoutingError(RoutingErrorCode.UnknownAgent, `agent ${agentId} is not known`);
    return agent;
  }

  protected queue(queueId: string): QueueDefinition {
    const queue = this.queues.get(queueId);
    if (!queue)
      throw new RoutingError(RoutingErrorCode.UnknownQueue, `queue ${queueId} is not known`);
    return queue;
  }
}

const EMPTY_SERVED: ReadonlyMap<string, number> = new Map();
const NO_CHANGES: RoutingChanges = { work: [], endedWork: [], agents: [], lastAgents: [] };

/** Most urgent first, so it gets the first pick of agents (and the order survives a restore). */
function inServiceOrder(items: Iterable<WorkItem>): WorkItem[] {
  return [...items].sort((a, b) => (itemServedBefore(a, b) ? -1 : 1));
}

/**
 * A widening timer is live while the work is in the same ring of the same stay in a queue,
 * and that ring is still due when the timer is (the queue may have been redefined since).
 */
function ringToken(item: WorkItem, at: number | null): string {
  return `${item.queueId}#${item.ring}#${item.queueEnteredAt}#${at}`;
}
