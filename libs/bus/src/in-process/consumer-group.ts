/** A group's members and committed offsets (next offset to read, per `topic:partition`). */
export class ConsumerGroup {
  readonly committed = new Map<string, number>();
  readonly members = new Set<GroupMember>();
  private rebalancing: Promise<void> = Promise.resolve();

  /** Rebalances run one at a time, like a group coordinator's generations. */
  serialize(work: () => Promise<void>): Promise<void> {
    const next = this.rebalancing.then(work);
    this.rebalancing = next.catch(() => undefined);
    return next;
  }
}

export interface GroupMember {
  readonly memberId: string;
  readonly topics: readonly string[];
  /** Stops the member's partition workers and waits for the message in hand to finish. */
  revokeAll(): Promise<void>;
  assign(partitions: readonly string[]): void;
}

/** Spreads partitions over members round-robin, in a stable order (like Kafka's RoundRobinAssignor). */
export function assignPartitions(
  members: readonly GroupMember[],
  partitionsOf: (topic: string) => number,
): Map<GroupMember, string[]> {
  const sorted = [...members].sort((a, b) => a.memberId.localeCompare(b.memberId));
  const result = new Map<GroupMember, string[]>(sorted.map((member) => [member, []]));
  const topics = [...new Set(sorted.flatMap((member) => member.topics))].sort();
  let cursor = 0;
  for (const topic of topics) {
    const subscribers = sorted.filter((member) => member.topics.includes(topic));
    for (let partition = 0; partition < partitionsOf(topic); partition++) {
      const member = subscribers[cursor++ % subscribers.length];
      result.get(member)?.push(`${topic}:${partition}`);
    }
  }
  return result;
}
