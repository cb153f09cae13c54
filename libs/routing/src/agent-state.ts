import { fits, hasFreeUnits, unitsFor } from './capacity';
import type { AgentProfile, Presence } from './model';
import { MAX_SKILL_LEVEL } from './model';
import { languageSkill } from './requirements';
import type { WorkItem } from './work-item';

/** An agent's live routing state: presence, what it holds, when it last got work. */
export class AgentState {
  skills: Map<string, number>;
  presence: Presence = 'offline';
  connected = true;
  /** Bumped on every (dis)connect, so a stale grace timer can be told apart. */
  connectionToken = 0;
  usedUnits = 0;
  readonly onChannel = new Map<string, number>();
  /** Conversations offered to or assigned to this agent. */
  readonly holding = new Set<WorkItem>();
  /** Waiting work reserved for this agent (affinity or a transfer to it). */
  readonly reserved = new Set<WorkItem>();
  /** Idle since: the last time it was offered work, or came online. */
  lastRoutedAt = 0;
  missedOffers = 0;
  disconnectedAt: number | null = null;
  /** Whether it is in the pool's free-agent index. */
  indexed = false;

  constructor(public profile: AgentProfile) {
    this.skills = skillMap(profile);
  }

  get id(): string {
    return this.profile.id;
  }

  setProfile(profile: AgentProfile): void {
    this.profile = profile;
    this.skills = skillMap(profile);
    this.recountUsage();
  }

  /** Online, connected and with units left: may be offered work. */
  get acceptsWork(): boolean {
    return (
      this.presence === 'online' &&
      this.connected &&
      hasFreeUnits(this.profile.capacity, this.usedUnits)
    );
  }

  canTake(channel: string): boolean {
    return (
      this.acceptsWork &&
      fits(this.profile.capacity, this.usedUnits, this.onChannel.get(channel) ?? 0, channel)
    );
  }

  freeUnits(): number {
    return this.profile.capacity.totalUnits - this.usedUnits;
  }

  take(item: WorkItem): void {
    this.holding.add(item);
    this.usedUnits += unitsFor(this.profile.capacity, item.channel);
    this.onChannel.set(item.channel, (this.onChannel.get(item.channel) ?? 0) + 1);
  }

  giveBack(item: WorkItem): void {
    if (this.holding.delete(item)) this.recountUsage();
  }

  /** Recounted, not decremented: no drift from fractional units or a changed capacity model. */
  private recountUsage(): void {
    this.usedUnits = 0;
    this.onChannel.clear();
    for (const held of this.holding) {
      this.usedUnits += unitsFor(this.profile.capacity, held.channel);
      this.onChannel.set(held.channel, (this.onChannel.get(held.channel) ?? 0) + 1);
    }
  }

  proficiency(skills: Iterable<string>): number {
    let total = 0;
    for (const skill of skills) total += this.skills.get(skill) ?? 0;
    return total;
  }
}

function skillMap(profile: AgentProfile): Map<string, number> {
  const skills = new Map(Object.entries(profile.skills));
  for (const language of profile.languages) skills.set(languageSkill(language), MAX_SKILL_LEVEL);
  return skills;
}
