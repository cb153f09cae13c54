import { BinaryHeap } from './binary-heap';
import type { SkillRequirement } from './model';
import { requirementKey } from './requirements';
import { servedBefore, type ServiceKey, type WorkItem } from './work-item';

/** An item's place in a line, with its service key as it was when it joined (immutable). */
export interface LineEntry extends ServiceKey {
  readonly item: WorkItem;
  readonly version: number;
}

/**
 * Waiting work with one channel and one set of requirements, best first. An item that leaves
 * (or moves) bumps its version; stale entries are dropped when they reach the top, and at once
 * when the top itself leaves, so the top is always live. An entry's key is a copy, so changing
 * an item's priority or SLA cannot corrupt the heap; whoever changes them moves the item.
 *
 * The line is itself the service key of its head (priority, due, waitingSince, sequence), so
 * an agent comparing the heads of the many lines it qualifies for reads one object per line.
 */
export class WaitingLine implements ServiceKey {
  private readonly heap = new BinaryHeap<LineEntry>(servedBefore);
  size = 0;
  priority = Number.NEGATIVE_INFINITY;
  due = Number.POSITIVE_INFINITY;
  waitingSince = Number.POSITIVE_INFINITY;
  sequence = Number.POSITIVE_INFINITY;

  constructor(
    readonly key: string,
    readonly channel: string,
    readonly requirements: readonly SkillRequirement[],
  ) {}

  add(item: WorkItem): void {
    item.version += 1;
    item.lineKey = this.key;
    this.heap.push({
      item,
      version: item.version,
      priority: item.priority,
      due: item.slaDueAt ?? Number.POSITIVE_INFINITY,
      waitingSince: item.waitingSince,
      sequence: item.sequence,
    });
    this.size += 1;
    this.dropStaleTop();
  }

  remove(item: WorkItem): void {
    if (item.lineKey !== this.key) return;
    item.version += 1;
    item.lineKey = null;
    this.size -= 1;
    this.dropStaleTop();
  }

  /** The live head (any agent's view); null when the line is empty. */
  head(): LineEntry | null {
    return this.heap.peek() ?? null;
  }

  /** The best entry this agent has not declined. */
  firstFor(agentId: string): LineEntry | null {
    const top = this.heap.peek() ?? null;
    if (!top || top.item.declinedBy.size === 0 || !top.item.declinedBy.has(agentId)) return top;
    const skipped: LineEntry[] = [];
    let found: LineEntry | null = null;
    while (this.heap.size > 0) {
      const entry = this.heap.pop()!;
      if (!this.isLive(entry)) continue;
      skipped.push(entry);
      if (!entry.item.declinedBy.has(agentId)) {
        found = entry;
        break;
      }
    }
    for (const entry of skipped) this.heap.push(entry);
    this.copyHeadKey();
    return found;
  }

  private dropStaleTop(): void {
    for (let top = this.heap.peek(); top && !this.isLive(top); top = this.heap.peek())
      this.heap.pop();
    this.copyHeadKey();
  }

  private copyHeadKey(): void {
    const top = this.heap.peek();
    this.priority = top ? top.priority : Number.NEGATIVE_INFINITY;
    this.due = top ? top.due : Number.POSITIVE_INFINITY;
    this.waitingSince = top ? top.waitingSince : Number.POSITIVE_INFINITY;
    this.sequence = top ? top.sequence : Number.POSITIVE_INFINITY;
  }

  private isLive(entry: LineEntry): boolean {
    return entry.version === entry.item.version && entry.item.lineKey === this.key;
  }
}

/**
 * Every waiting line, created on first use and kept, so the list only grows and an agent's
 * list of lines it qualifies for needs checking against new lines only.
 */
export class WaitingLines {
  private readonly byKey = new Map<string, WaitingLine>();
  readonly all: WaitingLine[] = [];
  /** Lines by their first required skill (requirements are sorted): an agent without it cannot qualify. */
  private readonly byFirstSkill = new Map<string, WaitingLine[]>();
  private readonly unrestricted: WaitingLine[] = [];

  lineFor(
    channel: string,
    requirements: readonly SkillRequirement[],
    knownRequirementsKey?: string,
  ): WaitingLine {
    const key =
      knownRequirementsKey === undefined
        ? requirementKey(channel, requirements)
        : `${channel}|${knownRequirementsKey}`;
    let line = this.byKey.get(key);
    if (!line) {
      line = new WaitingLine(key, channel, requirements);
      this.byKey.set(key, line);
      this.all.push(line);
      const first = requirements[0]?.skill;
      if (first === undefined) this.unrestricted.push(line);
      else {
        let lines = this.byFirstSkill.get(first);
        if (!lines) this.byFirstSkill.set(first, (lines = []));
        lines.push(line);
      }
    }
    return line;
  }

  /** Lines an agent with these skills may qualify for (a superset to filter), from the index. */
  candidatesFor(skills: Iterable<string>): WaitingLine[] {
    const candidates = [...this.unrestricted];
    for (const skill of skills) {
      const lines = this.byFirstSkill.get(skill);
      if (lines) candidates.push(...lines);
    }
    return candidates;
  }

  lineOf(item: WorkItem): WaitingLine | null {
    return item.lineKey === null ? null : (this.byKey.get(item.lineKey) ?? null);
  }
}
