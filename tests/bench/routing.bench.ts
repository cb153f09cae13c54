/**
 * Routing engine throughput and latency: the pure engine of libs/routing (`RoutingEngine`) alone,
 * in this one thread, on a tenant of BENCH_AGENTS agents and BENCH_WAITING waiting conversations,
 * next to a naive router (scan everything) run on the same world in the same process and run.
 *
 *   npm run bench:routing        (= bash scripts/bench routing: builds, runs; no broker needed)
 *
 * The world (seeded PRNG, so every run builds the same one; BENCH_SEED changes it):
 *   - BENCH_SKILLS skills and BENCH_QUEUES queues. Each queue requires 1–2 skills at minimum
 *     levels 3–7 plus 0–1 optional skill; after 60 s its levels drop by 2 and the optional skill
 *     goes; a quarter of the specialist queues overflow after 180 s to one of 6 general queues
 *     (one common skill at level 3). Priorities 0–3. Strategies: 70% longest_idle, the rest
 *     most_spare_capacity, best_proficiency and round_robin. 80% of queues auto-accept (an offer
 *     is an assignment); the others offer, and the bench accepts each offer right away.
 *   - 4 channels (sms 20%, whatsapp 35%, email 25%, webchat 20% of the work), one capacity model
 *     for every agent: 4 units, an email costs 0.5, at most 2 WhatsApp conversations.
 *   - 5 languages; 30% of the work requires its language.
 *   - Agents staff 1–2 "home" queues (chosen by the queues' share of the work) and hold those
 *     queues' skills at levels from 2 below the minimum to 10, plus random skills (levels 1–10)
 *     up to 4–8 skills in all, and 1–2 languages.
 *   - Work: queue by share, channel by mix, 5% one priority above the queue's, 80% with an SLA
 *     (webchat 2 min, sms and whatsapp 15 min, email 4 h), contacts drawn from 400,000.
 * Time is simulated (the engine never reads a clock): 1 ms per arrival while loading, 1 ms per
 * step in the steady state; `advance(now)` runs before each command, so widening and overflow
 * happen as they would, and `takeChanges()` after each (as the service will).
 *
 * Phases:
 *   load     BENCH_WAITING conversations enqueued with every agent offline (enqueues/s).
 *   fill     every agent comes online and fills its capacity (decisions/s).
 *   steady   (the headline) the backlog is topped up to BENCH_WAITING, then each step releases a
 *            random assigned conversation (the agent's capacity frees, the engine offers it the
 *            most urgent work it qualifies for), enqueues new arrivals to keep the backlog at
 *            BENCH_WAITING, and every 1,000 steps an agent goes away or offline (back 5,000
 *            steps later). After BENCH_WARMUP_DECISIONS decisions, it measures until
 *            BENCH_DECISIONS more (or BENCH_STEADY_MAX_SEC). A decision is an `offered`
 *            decision (an assignment on auto-accept queues). decisions/s is decisions over the
 *            time spent inside engine calls of every kind; each release that decides is timed
 *            with process.hrtime.bigint() for the latency percentiles. CPU time per decision is
 *            reported too: it moves less than wall-clock rates on a busy machine.
 *   check    BENCH_CHECKS more steps, not timed, each release checked against a full scan: the
 *            engine's first offer must be the most urgent waiting work the freed agent is
 *            eligible for and has room for (priority, SLA due, age, arrival).
 *   naive    a naive router (below) built from the engine's state at the end of the steady phase
 *            runs the same loop (release → scan every waiting conversation; arrival → scan every
 *            agent) for BENCH_NAIVE_DECISIONS decisions or BENCH_NAIVE_MAX_SEC.
 *   end to end  then the service (tests/bench/routing-end-to-end.ts): a router process on the real
 *            broker and database, `message.received` → `routing.offered` latency at a steady rate,
 *            next to one raw Kafka hop measured the same way (BENCH_END_TO_END=0 skips it).
 * Progress goes to stderr; the figures are ONE JSON object on the last line of stdout, with the
 * engine's under "engine" and the service's under "endToEnd".
 *
 * Environment (all optional): BENCH_AGENTS (15000), BENCH_SKILLS (50), BENCH_QUEUES (60),
 * BENCH_WAITING (500000), BENCH_DECISIONS (200000), BENCH_WARMUP_DECISIONS (10000),
 * BENCH_STEADY_MAX_SEC (100), BENCH_NAIVE_DECISIONS (2000), BENCH_NAIVE_MAX_SEC (25),
 * BENCH_CHECKS (20), BENCH_SEED (20261123), BENCH_TIMEOUT_MS (300000), BENCH_END_TO_END (1),
 * BENCH_E2E_CONVERSATIONS (1000), BENCH_E2E_RATE (50 per second), KAFKA_PORT (9092). Every phase logs where it
 * starts on the monotonic clock (`mark`), in the time base of a `--cpu-prof` profile, so a
 * profile of the whole run can be cut into phases (BENCH_NODE_ARGS in scripts/bench).
 * Run with --expose-gc (scripts/bench does) for heap figures taken after a full collection.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { measureRoutingEndToEnd } from './routing-end-to-end';
import {
  effectiveRequirements,
  fits,
  meetsRequirements,
  RoutingEngine,
  unitsFor,
  type AgentProfile,
  type CapacityModel,
  type QueueDefinition,
  type RoutingDecision,
  type RoutingStrategy,
  type SkillRequirement,
  type WideningStep,
  type WorkItem,
  type WorkRequest,
} from '@switchboard/routing';

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer of at least ${min}, got '${raw}'`);
  }
  return value;
}

const AGENTS = intFromEnv('BENCH_AGENTS', 15_000, 1);
const SKILLS = intFromEnv('BENCH_SKILLS', 50, 10);
const QUEUES = intFromEnv('BENCH_QUEUES', 60, 8);
const WAITING = intFromEnv('BENCH_WAITING', 500_000, 1);
const DECISIONS = intFromEnv('BENCH_DECISIONS', 200_000, 1);
const WARMUP_DECISIONS = intFromEnv('BENCH_WARMUP_DECISIONS', 10_000, 0);
const STEADY_MAX_SEC = intFromEnv('BENCH_STEADY_MAX_SEC', 100, 1);
const NAIVE_DECISIONS = intFromEnv('BENCH_NAIVE_DECISIONS', 2_000, 1);
const NAIVE_MAX_SEC = intFromEnv('BENCH_NAIVE_MAX_SEC', 25, 1);
const CHECKS = intFromEnv('BENCH_CHECKS', 20, 0);
const SEED = intFromEnv('BENCH_SEED', 20_261_123, 0);
const TOTAL_TIMEOUT_MS = intFromEnv('BENCH_TIMEOUT_MS', 300_000, 1);
/** The end-to-end section (router process, real Kafka and PostgreSQL); 0 skips it. */
const END_TO_END = process.env.BENCH_END_TO_END !== '0';
const E2E_CONVERSATIONS = intFromEnv('BENCH_E2E_CONVERSATIONS', 1_000, 1);
const E2E_RATE = intFromEnv('BENCH_E2E_RATE', 50, 1);
const KAFKA_PORT = intFromEnv('KAFKA_PORT', 9_092, 1);

const TARGETS = { decisionsPerSec: 20_000, p99Ms: 2, naiveRatio: 50 };

const GENERAL_QUEUES = 6;
const CONTACTS = 400_000;
const FLAP_EVERY_STEPS = 1_000;
const FLAP_LENGTH_STEPS = 5_000;
const STEP_MS = 1;
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const EPSILON = 1e-9;

const CHANNELS = ['sms', 'whatsapp', 'email', 'webchat'] as const;
const CHANNEL_SHARE = [0.2, 0.35, 0.25, 0.2];
const SLA_SECONDS: Record<string, number> = {
  sms: 900,
  whatsapp: 900,
  email: 14_400,
  webchat: 120,
};
const LANGUAGES = ['eng', 'spa', 'por', 'fra', 'deu'] as const;
const LANGUAGE_SHARE = [0.5, 0.2, 0.12, 0.1, 0.08];
const CAPACITY: CapacityModel = {
  totalUnits: 4,
  channels: { email: { units: 0.5 }, whatsapp: { max: 2 } },
};

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const now_ = () => performance.now();
const hr = process.hrtime.bigint;
const began = now_();

/** Logs where a phase starts on the monotonic clock (µs), to slice a --cpu-prof profile. */
function mark(phase: string): void {
  log(`mark ${phase} at ${hr() / 1000n} µs (monotonic)`);
}

function checkDeadline(): void {
  // Everything here is synchronous, so a timer could never fire: the loops check the clock.
  if (now_() - began > TOTAL_TIMEOUT_MS)
    throw new Error(`gave up after ${TOTAL_TIMEOUT_MS} ms (BENCH_TIMEOUT_MS)`);
}

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (sfc32, seeded through splitmix32): no Math.random, so runs are comparable.

class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Index drawn with the given weights (any positive scale). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

/** Draws by cumulative weights in O(log n). */
class Weighted {
  private readonly cumulative: Float64Array;
  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((w, i) => (this.cumulative[i] = total += w));
  }
  draw(random: Random): number {
    const c = this.cumulative;
    const x = random.next() * c[c.length - 1]!;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// The world.

interface World {
  readonly skills: string[];
  readonly queues: QueueDefinition[];
  readonly queueShare: Weighted;
  readonly agents: AgentProfile[];
}

const skillName = (i: number) => `skill-${String(i + 1).padStart(2, '0')}`;

function buildWorld(random: Random): World {
  const skills = Array.from({ length: SKILLS }, (_, i) => skillName(i));
  // Some skills are common (billing, orders), most are specialist.
  const skillPopularity = new Weighted(skills.map((_, i) => 1 / Math.sqrt(i + 1)));
  const distinctSkills = (count: number, taken: Set<string>): string[] => {
    const out: string[] = [];
    while (out.length < count) {
      const skill = skills[skillPopularity.draw(random)]!;
      if (taken.has(skill)) continue;
      taken.add(skill);
      out.push(skill);
    }
    return out;
  };
  const strategies: RoutingStrategy[] = ['most_spare_capacity', 'best_proficiency', 'round_robin'];

  const queues: QueueDefinition[] = [];
  for (let q = 0; q < QUEUES; q++) {
    const general = q < GENERAL_QUEUES;
    const taken = new Set<string>();
    const required: SkillRequirement[] = general
      ? [{ skill: skills[q]!, minLevel: 3 }]
      : distinctSkills(random.chance(0.6) ? 1 : 2, taken).map((skill) => ({
          skill,
          minLevel: random.int(3, 7),
        }));
    if (general) taken.add(skills[q]!);
    const optional: SkillRequirement[] =
      !general && random.chance(0.5)
        ? distinctSkills(1, taken).map((skill) => ({ skill, minLevel: random.int(3, 7) }))
        : [];
    const widening: WideningStep[] = [
      { afterSeconds: 60, lowerLevelsBy: 2, dropOptionalSkills: true },
    ];
    if (!general && random.chance(0.25))
      widening.push({
        afterSeconds: 180,
        overflowToQueueId: `queue-${String(random.int(0, GENERAL_QUEUES - 1)).padStart(2, '0')}`,
      });
    const autoAccept = random.chance(0.8);
    queues.push({
      id: `queue-${String(q).padStart(2, '0')}`,
      priority: general ? random.int(0, 1) : random.weighted([0.3, 0.4, 0.2, 0.1]),
      requiredSkills: required,
      optionalSkills: optional,
      strategy: random.chance(0.7) ? 'longest_idle' : random.pick(strategies),
      widening,
      offerTimeoutSeconds: 30,
      autoAccept,
      affinity: { windowSeconds: 0, waitSeconds: 0 },
    });
  }
  // Zipf-like share of the work, in an order unrelated to the queue index.
  const ranks = queues.map((_, i) => i);
  for (let i = ranks.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [ranks[i], ranks[j]] = [ranks[j]!, ranks[i]!];
  }
  const shares = ranks.map((rank) => 1 / Math.pow(rank + 1, 0.7));
  const queueShare = new Weighted(shares);

  const agents: AgentProfile[] = [];
  for (let a = 0; a < AGENTS; a++) {
    const levels: Record<string, number> = {};
    const homes = new Set<QueueDefinition>();
    const homeCount = random.chance(0.6) ? 1 : 2;
    while (homes.size < homeCount) homes.add(queues[queueShare.draw(random)]!);
    for (const home of homes) {
      for (const r of [...home.requiredSkills, ...home.optionalSkills]) {
        // Some agents qualify only once the queue's rings have widened.
        const level = Math.max(1, random.int(r.minLevel - 2, 10));
        levels[r.skill] = Math.max(levels[r.skill] ?? 0, level);
      }
    }
    const total = Math.max(random.int(4, 8), Object.keys(levels).length);
    while (Object.keys(levels).length < total) {
      const skill = random.pick(skills);
      if (levels[skill] === undefined) levels[skill] = random.int(1, 10);
    }
    const languages = [LANGUAGES[random.weighted(LANGUAGE_SHARE)]!];
    if (random.chance(0.3)) {
      const second = LANGUAGES[random.weighted(LANGUAGE_SHARE)]!;
      if (second !== languages[0]) languages.push(second);
    }
    agents.push({
      id: `agent-${String(a).padStart(5, '0')}`,
      skills: levels,
      languages,
      capacity: CAPACITY,
    });
  }
  return { skills, queues, queueShare, agents };
}

let conversationCounter = 0;

function newWork(world: World, random: Random, now: number): WorkRequest {
  const queue = world.queues[world.queueShare.draw(random)]!;
  const channel = CHANNELS[random.weighted(CHANNEL_SHARE)]!;
  return {
    conversationId: `conv-${++conversationCounter}`,
    contactId: `contact-${random.int(1, CONTACTS)}`,
    channel,
    queueId: queue.id,
    priority: random.chance(0.05) ? Math.min(3, queue.priority + 1) : undefined,
    language: random.chance(0.3) ? LANGUAGES[random.weighted(LANGUAGE_SHARE)]! : null,
    slaDueAt: random.chance(0.8) ? now + SLA_SECONDS[channel]! * 1_000 : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping outside the timed engine calls.

/** Strings with O(1) add, delete and uniform random pick. */
class IndexedSet {
  private readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  get size(): number {
    return this.items.length;
  }
  add(value: string): void {
    if (this.index.has(value)) return;
    this.index.set(value, this.items.length);
    this.items.push(value);
  }
  delete(value: string): void {
    const at = this.index.get(value);
    if (at === undefined) return;
    const last = this.items.pop()!;
    if (last !== value) {
      this.items[at] = last;
      this.index.set(last, at);
    }
    this.index.delete(value);
  }
  random(random: Random): string {
    return this.items[Math.floor(random.next() * this.items.length)]!;
  }
}

/** Engine time per kind of command, in nanoseconds. */
class Timings {
  readonly ns = new Map<string, number>();
  readonly calls = new Map<string, number>();
  add(kind: string, ns: number): void {
    this.ns.set(kind, (this.ns.get(kind) ?? 0) + ns);
    this.calls.set(kind, (this.calls.get(kind) ?? 0) + 1);
  }
  total(): number {
    let sum = 0;
    for (const ns of this.ns.values()) sum += ns;
    return sum;
  }
  report(): Record<string, { calls: number; ms: number; usPerCall: number }> {
    const out: Record<string, { calls: number; ms: number; usPerCall: number }> = {};
    for (const [kind, ns] of this.ns) {
      const calls = this.calls.get(kind)!;
      out[kind] = { calls, ms: round(ns / 1e6, 1), usPerCall: round(ns / 1e3 / calls, 2) };
    }
    return out;
  }
}

/** The engine, with read access to the size of its waiting-line index (diagnostics only). */
class BenchEngine extends RoutingEngine {
  /** Waiting lines (one per channel and set of requirements) that exist. */
  get lineCount(): number {
    return this.lines.all.length;
  }
  /** The line the item waits in, as the engine sees it (for mismatch reports). */
  lineInfo(item: WorkItem): object | null {
    const line = this.lines.lineOf(item);
    if (!line) return null;
    const head = line.firstFor('');
    return {
      key: line.key,
      size: line.size,
      head: head && {
        conversationId: head.item.conversationId,
        priority: head.priority,
        slaDueAt: head.due,
        waitingSince: head.waitingSince,
      },
    };
  }
  /** Lines holding at least one waiting conversation. */
  get occupiedLineCount(): number {
    return this.lines.all.filter((line) => line.size > 0).length;
  }
}

/** The engine and what the bench knows of its state, with every engine call timed. */
class Driver {
  readonly engine: BenchEngine;
  readonly assigned = new IndexedSet();
  private pending: { conversationId: string; agentId: string }[] = [];
  timings = new Timings();
  /** `offered` decisions since the last reset, by the command that made them. */
  decisionsBy = new Map<string, number>();
  live = 0;
  acceptErrors = 0;
  private offerCount = 0;
  /** The time of the command being handled: offers are accepted at once, at the same time. */
  private now = T0;
  /** The first conversation offered by the last command, if any. */
  firstOffer: string | null = null;

  constructor(world: World) {
    this.engine = new BenchEngine({ newId: () => `offer-${++this.offerCount}` });
    for (const queue of world.queues) this.engine.upsertQueue(queue, T0);
    for (const agent of world.agents) this.engine.upsertAgent(agent, T0);
    this.engine.takeChanges();
  }

  get decisions(): number {
    let sum = 0;
    for (const n of this.decisionsBy.values()) sum += n;
    return sum;
  }

  get waiting(): number {
    return this.live - this.assigned.size - this.pending.length;
  }

  resetStats(): void {
    this.timings = new Timings();
    this.decisionsBy = new Map();
  }

  advance(now: number): void {
    this.now = now;
    const start = hr();
    const decisions = this.engine.advance(now);
    this.timings.add('advance', Number(hr() - start));
    this.after('advance', decisions);
  }

  enqueue(request: WorkRequest, now: number): void {
    this.now = now;
    const start = hr();
    const decisions = this.engine.enqueue(request, now);
    this.timings.add('enqueue', Number(hr() - start));
    this.live += 1;
    this.after('enqueue', decisions);
  }

  /** Returns the release's own duration in ns, and how many offers it made. */
  release(conversationId: string, now: number): { ns: number; offers: number } {
    this.now = now;
    const start = hr();
    const decisions = this.engine.release(conversationId, now);
    const ns = Number(hr() - start);
    this.timings.add('release', ns);
    this.live -= 1;
    return { ns, offers: this.after('release', decisions) };
  }

  setPresence(agentId: string, presence: 'online' | 'away' | 'offline', now: number): void {
    this.now = now;
    const start = hr();
    const decisions = this.engine.setPresence(agentId, presence, now);
    this.timings.add(`presence`, Number(hr() - start));
    this.after('presence', decisions);
  }

  /** Counts and records the decisions, saves the changes, accepts pending offers. */
  private after(source: string, decisions: readonly RoutingDecision[]): number {
    this.firstOffer = null;
    for (const d of decisions) {
      if (d.type === 'offered') {
        this.firstOffer = d.conversationId;
        break;
      }
    }
    const offers = this.apply(source, decisions);
    this.takeChanges();
    while (this.pending.length > 0) {
      const { conversationId, agentId } = this.pending.pop()!;
      const start = hr();
      let accepted: RoutingDecision[];
      try {
        accepted = this.engine.accept(conversationId, agentId, this.now);
      } catch {
        this.acceptErrors += 1;
        continue;
      } finally {
        this.timings.add('accept', Number(hr() - start));
      }
      this.apply('accept', accepted);
      this.takeChanges();
    }
    return offers;
  }

  private takeChanges(): void {
    const start = hr();
    this.engine.takeChanges();
    this.timings.add('takeChanges', Number(hr() - start));
  }

  private apply(source: string, decisions: readonly RoutingDecision[]): number {
    let offers = 0;
    for (const d of decisions) {
      switch (d.type) {
        case 'offered':
          offers += 1;
          if (d.expiresAt !== null)
            this.pending.push({ conversationId: d.conversationId, agentId: d.agentId });
          break;
        case 'assigned':
          this.assigned.add(d.conversationId);
          break;
        case 'unassigned':
          this.assigned.delete(d.conversationId);
          break;
        default:
          break;
      }
    }
    if (offers > 0) this.decisionsBy.set(source, (this.decisionsBy.get(source) ?? 0) + offers);
    return offers;
  }
}

// ---------------------------------------------------------------------------------------------
// The order waiting work is served in, and the full-scan check of the engine's choice.

interface Urgency {
  readonly priority: number;
  readonly slaDueAt: number | null;
  readonly waitingSince: number;
  readonly sequence: number;
}

/** Priority first, then the SLA due soonest (none = last), then age, then arrival order. */
function moreUrgent(a: Urgency, b: Urgency): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  const aDue = a.slaDueAt ?? Number.POSITIVE_INFINITY;
  const bDue = b.slaDueAt ?? Number.POSITIVE_INFINITY;
  if (aDue !== bDue) return aDue < bDue;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince < b.waitingSince;
  return a.sequence < b.sequence;
}

/**
 * What the freed agent should be offered once `conversationId` is released: the most urgent
 * waiting work it qualifies for and has room for, by scanning all of it. Null when nothing fits.
 */
function expectedFirstOffer(engine: RoutingEngine, conversationId: string): string | null {
  const released = engine.findWork(conversationId)!;
  const agent = released.agentId ? engine.findAgent(released.agentId) : undefined;
  if (!agent || agent.presence !== 'online' || !agent.connected) return null;
  const capacity = agent.profile.capacity;
  const used = agent.usedUnits - unitsFor(capacity, released.channel);
  if (!(used < capacity.totalUnits - EPSILON)) return null;
  const onChannel = (channel: string) =>
    (agent.onChannel.get(channel) ?? 0) - (channel === released.channel ? 1 : 0);
  let best: WorkItem | null = null;
  for (const item of engine.workItems()) {
    if (item.state !== 'waiting' || item.reservedFor !== null) continue;
    if (item.declinedBy.has(agent.id)) continue;
    if (!fits(capacity, used, onChannel(item.channel), item.channel)) continue;
    if (!meetsRequirements(agent.skills, item.requirements)) continue;
    if (!best || moreUrgent(item, best)) best = item;
  }
  return best?.conversationId ?? null;
}

function describeWork(engine: BenchEngine, conversationId: string | null): object | null {
  const item = conversationId ? engine.findWork(conversationId) : undefined;
  if (!item) return conversationId ? { conversationId, gone: true } : null;
  return {
    conversationId,
    state: item.state,
    queueId: item.queueId,
    ring: item.ring,
    channel: item.channel,
    priority: item.priority,
    slaDueAt: item.slaDueAt,
    waitingSince: item.waitingSince,
    sequence: item.sequence,
    requirements: item.requirements.map((r) => `${r.skill}:${r.minLevel}`).join(','),
    lineKey: item.lineKey,
    line: engine.lineInfo(item),
  };
}

// ---------------------------------------------------------------------------------------------
// The naive baseline: same semantics for the measured operations, no indexes.

interface NaiveAgent {
  readonly id: string;
  readonly skills: ReadonlyMap<string, number>;
  readonly capacity: CapacityModel;
  readonly online: boolean;
  usedUnits: number;
  readonly onChannel: Map<string, number>;
  readonly holding: Set<NaiveWork>;
  lastRoutedAt: number;
}

interface NaiveWork extends Urgency {
  readonly id: string;
  readonly channel: string;
  readonly queueId: string;
  readonly requirements: readonly SkillRequirement[];
  agent: NaiveAgent | null;
}

/**
 * When an agent frees capacity, scans ALL waiting conversations for the most urgent one it is
 * eligible for (skills and languages, channel capacity), until it is full or nothing fits. When
 * work arrives, scans ALL agents for the best free eligible one under the queue's strategy
 * (the engine's rules: longest idle, most spare capacity, best proficiency, round robin), or
 * puts it with the waiting work. No widening over time and no offers: every choice is an
 * assignment.
 */
class NaiveRouter {
  readonly agents: NaiveAgent[] = [];
  readonly waiting: NaiveWork[] = [];
  readonly held = new IndexedSet();
  private readonly work = new Map<string, NaiveWork>();
  private readonly queues = new Map<string, QueueDefinition>();
  private readonly lastServed = new Map<string, Map<string, number>>();
  private sequence = 0;

  constructor(engine: RoutingEngine, queues: readonly QueueDefinition[]) {
    for (const queue of queues) this.queues.set(queue.id, queue);
    const byId = new Map<string, NaiveAgent>();
    for (const state of engine.agents()) {
      const agent: NaiveAgent = {
        id: state.id,
        skills: new Map(state.skills),
        capacity: state.profile.capacity,
        online: state.presence === 'online' && state.connected,
        usedUnits: 0,
        onChannel: new Map(),
        holding: new Set(),
        lastRoutedAt: state.lastRoutedAt,
      };
      this.agents.push(agent);
      byId.set(agent.id, agent);
    }
    for (const item of engine.workItems()) {
      const work: NaiveWork = {
        id: item.conversationId,
        channel: item.channel,
        queueId: item.queueId,
        requirements: item.requirements,
        priority: item.priority,
        slaDueAt: item.slaDueAt,
        waitingSince: item.waitingSince,
        sequence: item.sequence,
        agent: null,
      };
      this.sequence = Math.max(this.sequence, item.sequence + 1);
      this.work.set(work.id, work);
      const holder = item.agentId ? byId.get(item.agentId) : undefined;
      if (item.state !== 'waiting' && holder) this.take(holder, work);
      else this.waiting.push(work);
    }
  }

  /** Returns how many conversations the freed agent was given. */
  release(conversationId: string, now: number): number {
    const work = this.work.get(conversationId);
    if (!work) return 0;
    this.work.delete(conversationId);
    const agent = work.agent;
    if (!agent) {
      const at = this.waiting.indexOf(work);
      if (at >= 0) this.removeWaiting(at);
      return 0;
    }
    agent.holding.delete(work);
    agent.usedUnits -= unitsFor(agent.capacity, work.channel);
    agent.onChannel.set(work.channel, agent.onChannel.get(work.channel)! - 1);
    this.held.delete(conversationId);
    let given = 0;
    const room: Record<string, boolean> = {};
    while (agent.online && agent.usedUnits < agent.capacity.totalUnits - EPSILON) {
      // Room per channel once per scan, not per conversation: naive, not careless.
      for (const channel of CHANNELS)
        room[channel] = fits(
          agent.capacity,
          agent.usedUnits,
          agent.onChannel.get(channel) ?? 0,
          channel,
        );
      let best = -1;
      const waiting = this.waiting;
      for (let i = 0; i < waiting.length; i++) {
        const w = waiting[i]!;
        if (!room[w.channel]) continue;
        if (!meetsRequirements(agent.skills, w.requirements)) continue;
        if (best < 0 || moreUrgent(w, waiting[best]!)) best = i;
      }
      if (best < 0) break;
      const chosen = waiting[best]!;
      this.removeWaiting(best);
      this.take(agent, chosen);
      this.served(chosen, agent, now);
      given += 1;
    }
    return given;
  }

  /** Returns whether an agent took the work at once. */
  enqueue(request: WorkRequest, now: number): boolean {
    const queue = this.queues.get(request.queueId)!;
    const requirements = effectiveRequirements(
      queue,
      0,
      request.skills ?? [],
      request.language ?? null,
    );
    const work: NaiveWork = {
      id: request.conversationId,
      channel: request.channel,
      queueId: queue.id,
      requirements,
      priority: request.priority ?? queue.priority,
      slaDueAt: request.slaDueAt ?? null,
      waitingSince: now,
      sequence: this.sequence++,
      agent: null,
    };
    this.work.set(work.id, work);
    const served = this.lastServed.get(queue.id);
    let best: NaiveAgent | null = null;
    for (const agent of this.agents) {
      if (!agent.online || !(agent.usedUnits < agent.capacity.totalUnits - EPSILON)) continue;
      const on = agent.onChannel.get(work.channel) ?? 0;
      if (!fits(agent.capacity, agent.usedUnits, on, work.channel)) continue;
      if (!meetsRequirements(agent.skills, requirements)) continue;
      if (!best || this.preferred(agent, best, queue.strategy, requirements, served)) best = agent;
    }
    if (!best) {
      this.waiting.push(work);
      return false;
    }
    this.take(best, work);
    this.served(work, best, now);
    return true;
  }

  private preferred(
    a: NaiveAgent,
    b: NaiveAgent,
    strategy: RoutingStrategy,
    requirements: readonly SkillRequirement[],
    served: ReadonlyMap<string, number> | undefined,
  ): boolean {
    if (strategy === 'most_spare_capacity') {
      const spare = b.usedUnits - a.usedUnits;
      if (Math.abs(spare) > EPSILON) return spare > 0;
    } else if (strategy === 'best_proficiency') {
      let difference = 0;
      for (const r of requirements)
        difference += (a.skills.get(r.skill) ?? 0) - (b.skills.get(r.skill) ?? 0);
      if (difference !== 0) return difference > 0;
    } else if (strategy === 'round_robin') {
      const aServed = served?.get(a.id) ?? Number.NEGATIVE_INFINITY;
      const bServed = served?.get(b.id) ?? Number.NEGATIVE_INFINITY;
      if (aServed !== bServed) return aServed < bServed;
      return a.id < b.id;
    }
    if (a.lastRoutedAt !== b.lastRoutedAt) return a.lastRoutedAt < b.lastRoutedAt;
    return a.id < b.id;
  }

  private take(agent: NaiveAgent, work: NaiveWork): void {
    work.agent = agent;
    agent.holding.add(work);
    agent.usedUnits += unitsFor(agent.capacity, work.channel);
    agent.onChannel.set(work.channel, (agent.onChannel.get(work.channel) ?? 0) + 1);
    this.held.add(work.id);
  }

  private served(work: NaiveWork, agent: NaiveAgent, now: number): void {
    agent.lastRoutedAt = now;
    let served = this.lastServed.get(work.queueId);
    if (!served) this.lastServed.set(work.queueId, (served = new Map()));
    served.set(agent.id, now);
  }

  private removeWaiting(at: number): void {
    const last = this.waiting.pop()!;
    if (at < this.waiting.length) this.waiting[at] = last;
  }
}

// ---------------------------------------------------------------------------------------------
// Figures.

const round = (value: number, digits = 0): number => Number(value.toFixed(digits));
const perSec = (count: number, ns: number): number => (ns > 0 ? round((count * 1e9) / ns) : 0);

function heapUsedMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return round(process.memoryUsage().heapUsed / 2 ** 20);
}

function percentiles(samples: Float64Array): Record<string, number> {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) =>
    sorted.length === 0
      ? 0
      : round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! / 1e6, 3);
  return {
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    p999: at(0.999),
    max: sorted.length === 0 ? 0 : round(sorted[sorted.length - 1]! / 1e6, 3),
  };
}

// ---------------------------------------------------------------------------------------------
// Phases.

function loadPhase(driver: Driver, world: World, random: Random, now: number): [number, object] {
  mark('load');
  const wallStart = now_();
  for (let i = 0; i < WAITING; i++) {
    now += STEP_MS;
    driver.advance(now);
    driver.enqueue(newWork(world, random, now), now);
    if ((i & 0xffff) === 0) checkDeadline();
  }
  const t = driver.timings;
  const enqueueNs = t.ns.get('enqueue') ?? 0;
  const engineNs = t.total();
  const figures = {
    conversations: WAITING,
    enqueuesPerSec: perSec(WAITING, enqueueNs),
    usPerEnqueue: round(enqueueNs / 1e3 / WAITING, 2),
    engineSec: round(engineNs / 1e9, 2),
    ratePerSecWithTimers: perSec(WAITING, engineNs),
    wallSec: round((now_() - wallStart) / 1e3, 2),
    simulatedSec: round((WAITING * STEP_MS) / 1e3),
    lines: driver.engine.lineCount,
    occupiedLines: driver.engine.occupiedLineCount,
    commands: t.report(),
  };
  log(
    `load: ${WAITING} enqueued at ${figures.enqueuesPerSec}/s (${figures.usPerEnqueue} µs each), ` +
      `${figures.engineSec} s in the engine with widening timers, ${figures.wallSec} s wall`,
  );
  return [now, figures];
}

function fillPhase(driver: Driver, world: World, random: Random, now: number): [number, object] {
  driver.resetStats();
  const order = world.agents.map((a) => a.id);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  mark('fill');
  const wallStart = now_();
  for (const agentId of order) {
    now += STEP_MS;
    driver.advance(now);
    driver.setPresence(agentId, 'online', now);
  }
  const t = driver.timings;
  const engineNs = t.total();
  const decisions = driver.decisions;
  const figures = {
    agents: order.length,
    decisions,
    decisionsPerSec: perSec(decisions, engineNs),
    engineSec: round(engineNs / 1e9, 2),
    wallSec: round((now_() - wallStart) / 1e3, 2),
    assigned: driver.assigned.size,
    waitingAfter: driver.waiting,
    lines: driver.engine.lineCount,
    commands: t.report(),
  };
  log(
    `fill: ${order.length} agents online, ${decisions} decisions at ${figures.decisionsPerSec}/s ` +
      `(${figures.engineSec} s in the engine), ${driver.waiting} still waiting`,
  );
  return [now, figures];
}

/** One step of the steady state: timers, a release, arrivals, now and then a presence flap. */
class SteadyState {
  private step = 0;
  readonly flaps = { away: 0, offline: 0 };
  private readonly away = new Map<number, string>();

  constructor(
    private readonly driver: Driver,
    private readonly world: World,
    private readonly random: Random,
    public now: number,
  ) {}

  /** Releases `conversationId` (or a random assigned one); returns the release's timing. */
  run(conversationId?: string): {
    conversationId: string;
    ns: number;
    offers: number;
    firstOffer: string | null;
  } {
    const { driver, world, random } = this;
    this.step += 1;
    const now = (this.now += STEP_MS);
    driver.advance(now);
    const released = conversationId ?? driver.assigned.random(random);
    const { ns, offers } = driver.release(released, now);
    const firstOffer = driver.firstOffer;
    while (driver.waiting < WAITING) driver.enqueue(newWork(world, random, now), now);

    const back = this.away.get(this.step);
    if (back) {
      this.away.delete(this.step);
      driver.setPresence(back, 'online', now);
    }
    if (this.step % FLAP_EVERY_STEPS === 0) {
      const agent = random.pick(world.agents).id;
      if (![...this.away.values()].includes(agent)) {
        const presence = (this.step / FLAP_EVERY_STEPS) % 4 === 0 ? 'offline' : 'away';
        this.flaps[presence] += 1;
        driver.setPresence(agent, presence, now);
        this.away.set(this.step + FLAP_LENGTH_STEPS, agent);
      }
    }
    return { conversationId: released, ns, offers, firstOffer };
  }

  /** A random assigned conversation, for the caller to inspect before `run` releases it. */
  pick(): string {
    return this.driver.assigned.random(this.random);
  }
}

function steadyPhase(driver: Driver, world: World, random: Random, now: number): SteadyState {
  // Top the backlog up again: the fill took work out of it.
  mark('top-up');
  driver.resetStats();
  let toppedUp = 0;
  while (driver.waiting < WAITING) {
    now += STEP_MS;
    driver.advance(now);
    driver.enqueue(newWork(world, random, now), now);
    toppedUp += 1;
  }
  log(`steady: backlog topped up with ${toppedUp} arrivals to ${driver.waiting} waiting`);
  return new SteadyState(driver, world, random, now);
}

function measureSteady(driver: Driver, steady: SteadyState): object {
  driver.resetStats();
  while (driver.decisions < WARMUP_DECISIONS) steady.run();
  log(`steady: warm-up done (${driver.decisions} decisions), measuring`);

  const latencies = new Float64Array(DECISIONS + 16);
  let latencyCount = 0;
  let minWaiting = Number.POSITIVE_INFINITY;
  let maxWaiting = 0;
  const linesAtStart = driver.engine.lineCount;
  const flapsAtStart = { ...steady.flaps };
  driver.resetStats();
  mark('steady');
  const wallStart = now_();
  const cpuStart = process.cpuUsage();
  for (let i = 1; driver.decisions < DECISIONS; i++) {
    if ((i & 0xfff) === 0) {
      checkDeadline();
      if (now_() - wallStart > STEADY_MAX_SEC * 1e3) {
        log(`steady: stopped at BENCH_STEADY_MAX_SEC (${STEADY_MAX_SEC} s)`);
        break;
      }
    }
    const { ns, offers } = steady.run();
    if (offers > 0 && latencyCount < latencies.length) latencies[latencyCount++] = ns;
    const waiting = driver.waiting;
    if (waiting < minWaiting) minWaiting = waiting;
    if (waiting > maxWaiting) maxWaiting = waiting;
  }
  const cpu = process.cpuUsage(cpuStart);
  const wallNs = (now_() - wallStart) * 1e6;
  mark('steady-end');
  const t = driver.timings;
  const engineNs = t.total();
  const decisions = driver.decisions;
  const releases = t.calls.get('release') ?? 0;
  const releaseNs = t.ns.get('release') ?? 0;
  const releaseDecisions = driver.decisionsBy.get('release') ?? 0;
  const latencyMs = percentiles(latencies.subarray(0, latencyCount));
  let spareAgents = 0;
  let spareUnits = 0;
  for (const agent of driver.engine.agents()) {
    if (!agent.acceptsWork) continue;
    spareAgents += 1;
    spareUnits += agent.freeUnits();
  }
  const figures = {
    warmupDecisions: WARMUP_DECISIONS,
    decisions,
    decisionsBySource: Object.fromEntries(driver.decisionsBy),
    decisionsPerSec: perSec(decisions, engineNs),
    wallDecisionsPerSec: perSec(decisions, wallNs),
    cpuUsPerDecision: round((cpu.user + cpu.system) / decisions, 1),
    engineUsPerDecision: round(engineNs / 1e3 / decisions, 1),
    releases,
    decidingReleases: latencyCount,
    releaseDecisionsPerSec: perSec(releaseDecisions, releaseNs),
    latencyMs,
    engineSec: round(engineNs / 1e9, 2),
    wallSec: round(wallNs / 1e9, 2),
    simulatedSec: round((releases * STEP_MS) / 1e3),
    backlog: { min: minWaiting, max: maxWaiting, end: driver.waiting },
    assigned: driver.assigned.size,
    // Online agents left with units they could not fill (no waiting work they qualify for fits).
    spareAgents,
    spareUnits: round(spareUnits, 1),
    lines: { atStart: linesAtStart, atEnd: driver.engine.lineCount },
    occupiedLines: driver.engine.occupiedLineCount,
    flaps: {
      away: steady.flaps.away - flapsAtStart.away,
      offline: steady.flaps.offline - flapsAtStart.offline,
    },
    acceptErrors: driver.acceptErrors,
    commands: t.report(),
  };
  log(
    `steady: ${decisions} decisions at ${figures.decisionsPerSec}/s engine time ` +
      `(${figures.wallDecisionsPerSec}/s wall, ${figures.cpuUsPerDecision} µs CPU each), release ` +
      `p50/p99/max ${latencyMs.p50}/${latencyMs.p99}/${latencyMs.max} ms`,
  );
  return figures;
}

/**
 * CHECKS more steps, each release checked against a full scan: the freed agent's first offer
 * must be the most urgent waiting work it is eligible for and has room for.
 */
function checkSteady(driver: Driver, steady: SteadyState): object {
  mark('check');
  const mismatches: object[] = [];
  let checked = 0;
  let withOffer = 0;
  for (; checked < CHECKS; checked++) {
    checkDeadline();
    const conversationId = steady.pick();
    const agentId = driver.engine.findWork(conversationId)!.agentId;
    const expected = expectedFirstOffer(driver.engine, conversationId);
    const got = steady.run(conversationId).firstOffer;
    if (got) withOffer += 1;
    if (got !== expected) {
      mismatches.push({
        released: conversationId,
        agentId,
        expected: describeWork(driver.engine, expected),
        got: describeWork(driver.engine, got),
      });
    }
  }
  log(`check: ${checked} releases checked against a full scan, ${mismatches.length} mismatches`);
  return {
    checked,
    withOffer,
    mismatches: mismatches.length,
    mismatchSamples: mismatches.slice(0, 3),
  };
}

function naivePhase(naive: NaiveRouter, world: World, random: Random, now: number): object {
  const timings = new Timings();
  let decisions = 0;
  let measuredNs = 0;
  mark('naive');
  const wallStart = now_();
  while (decisions < NAIVE_DECISIONS && now_() - wallStart < NAIVE_MAX_SEC * 1e3) {
    now += STEP_MS;
    const conversationId = naive.held.random(random);
    let start = hr();
    decisions += naive.release(conversationId, now);
    let ns = Number(hr() - start);
    timings.add('release', ns);
    measuredNs += ns;
    while (naive.waiting.length < WAITING) {
      const request = newWork(world, random, now);
      start = hr();
      if (naive.enqueue(request, now)) decisions += 1;
      ns = Number(hr() - start);
      timings.add('enqueue', ns);
      measuredNs += ns;
    }
  }
  const figures = {
    decisions,
    // Fractional: at a few decisions a second, rounding would move the ratio by 10%.
    decisionsPerSec: round((decisions * 1e9) / measuredNs, 2),
    msPerDecision: round(measuredNs / 1e6 / decisions, 3),
    engineSec: round(measuredNs / 1e9, 2),
    wallSec: round((now_() - wallStart) / 1e3, 2),
    waiting: naive.waiting.length,
    commands: timings.report(),
  };
  log(
    `naive: ${decisions} decisions at ${figures.decisionsPerSec}/s (${figures.msPerDecision} ms ` +
      `each), ${figures.wallSec} s`,
  );
  return figures;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const random = new Random(SEED);
  log(
    `routing engine: ${AGENTS} agents, ${SKILLS} skills, ${QUEUES} queues, ${WAITING} waiting, ` +
      `seed ${SEED}; node ${process.version}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );
  const world = buildWorld(random);
  const driver = new Driver(world);
  const heapEmptyMb = heapUsedMb();

  const [afterLoad, load] = loadPhase(driver, world, random, T0);
  const heapAfterLoadMb = heapUsedMb();
  log(`heap used: ${heapEmptyMb} MB with the world only, ${heapAfterLoadMb} MB after the load`);
  const [afterFill, fill] = fillPhase(driver, world, random, afterLoad);
  const steadyState = steadyPhase(driver, world, random, afterFill);
  const steady = measureSteady(driver, steadyState);
  const heapAfterSteadyMb = heapUsedMb();
  const check = checkSteady(driver, steadyState);
  log(`heap used after the steady phase: ${heapAfterSteadyMb} MB`);

  log('naive: building the naive router from the engine state');
  const naive = new NaiveRouter(driver.engine, world.queues);
  const naiveFigures = naivePhase(naive, world, random, steadyState.now);
  const engineSeconds = round((now_() - began) / 1e3, 1);

  const engineRate = (steady as { decisionsPerSec: number }).decisionsPerSec;
  const p99 = (steady as { latencyMs: { p99: number } }).latencyMs.p99;
  const naiveRate = (naiveFigures as { decisionsPerSec: number }).decisionsPerSec;
  const ratio = round(engineRate / naiveRate, 1);
  const result = {
    bench: 'routing',
    at: startedAt.toISOString(),
    node: process.version,
    engine: {
      world: {
        agents: AGENTS,
        skills: SKILLS,
        queues: QUEUES,
        waiting: WAITING,
        channels: CHANNELS,
        languages: LANGUAGES,
        capacity: CAPACITY,
        seed: SEED,
      },
      decisionsPerSec: engineRate,
      p99Ms: p99,
      naiveDecisionsPerSec: naiveRate,
      ratio,
      targets: TARGETS,
      meetsTargets: {
        decisionsPerSec: engineRate >= TARGETS.decisionsPerSec,
        p99Ms: p99 <= TARGETS.p99Ms,
        naiveRatio: ratio >= TARGETS.naiveRatio,
      },
      load,
      fill,
      steady,
      check,
      naive: naiveFigures,
      heapUsedMb: {
        world: heapEmptyMb,
        afterLoad: heapAfterLoadMb,
        afterSteady: heapAfterSteadyMb,
      },
      durationSec: engineSeconds,
    },
    endToEnd: END_TO_END
      ? await measureRoutingEndToEnd({
          conversations: E2E_CONVERSATIONS,
          ratePerSecond: E2E_RATE,
          brokers: [`127.0.0.1:${KAFKA_PORT}`],
          timeoutMs: Math.max(30_000, TOTAL_TIMEOUT_MS - (now_() - began) - 30_000),
          log,
        })
      : 'skipped (BENCH_END_TO_END=0)',
    loadAvg1m: { before: round(loadBefore[0]!, 2), after: round(loadavg()[0]!, 2) },
    durationSec: round((now_() - began) / 1e3, 1),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
