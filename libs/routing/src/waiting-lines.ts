import { BinaryHeap } from './binary-heap';
import type { SkillRequirement } from './model';
import { requirementKey } from './requirements';
import { servedBefore, type WorkItem } from './work-item';

interface LineEntry {
  readonly item: WorkItem;
  readonly version: number;
}

/**
 * Waiting work with one channel and one set of requirements, best first. Entries are
 * removed lazily: an item that left (or moved) bumps its version, and stale entries are
 * dropped when they reach the top.
 */
export class WaitingLine {
  private readonly heap = new BinaryHeap<LineEntry>((a, b) => servedBefore(a.item, b.item));
  size = 0;

  constructor(
    readonly key: string,
    readonly channel: string,
    readonly requirements: readonly SkillRequirement[],
  ) {}

  add(item: WorkItem): void {
    item.version += 1;
    item.lineKey = this.key;
    this.heap.push({ item, version: item.version });
    this.size += 1;
  }

  remove(item: WorkItem): void {
    if (item.lineKey !== this.key) return;
    item.version += 1;
    item.lineKey = null;
    this.size -= 1;
  }

  /** The best item this agent has not declined. */
  firstFor(agentId: string): WorkItem | null {
    const top = this.cleanTop();
    if (!top || !top.item.declinedBy.has(agentId)) return top?.item ?? null;
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
    return found?.item ?? null;
  }

  private cleanTop(): LineEntry | null {
    for (;;) {
      const top = this.heap.peek();
      if (!top) return null;
      if (this.isLive(top)) return top;
      this.heap.pop();
    }
  }

  private isLive(entry: LineEntry): boolean {
    return entry.version === entry.item.version && entry.item.lineKey === this.key;
  }
}

/** Every waiting line, created on first use and kept (so agents' match caches stay valid). */
export class WaitingLines {
  private readonly byKey = new Map<string, WaitingLine>();
  readonly all: WaitingLine[] = [];
  /** Bumped when a line is created. */
  epoch = 0;

  lineFor(channel: string, requirements: readonly SkillRequirement[]): WaitingLine {
    const key = requirementKey(channel, requirements);
    let line = this.byKey.get(key);
    if (!line) {
      line = new WaitingLine(key, channel, requirements);
      this.byKey.set(key, line);
      this.all.push(line);
      this.epoch += 1;
    }
    return line;
  }

  lineOf(item: WorkItem): WaitingLine | null {
    return item.lineKey === null ? null : (this.byKey.get(item.lineKey) ?? null);
  }
}
