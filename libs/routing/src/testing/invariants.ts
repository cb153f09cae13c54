import { maxFor, unitsFor } from '../capacity';
import { meetsRequirements } from '../requirements';
import type { RoutingEngine } from '../routing-engine';

// Units may be fractional; the engine compares sums with the same tolerance.
const EPSILON = 1e-9;

/**
 * Checks, by brute force over the engine's public read API, what must hold after every
 * command, and throws an error naming each violation:
 *
 * (a) no agent holds more than its capacity (total units, per-channel max), and its usage
 *     counters agree with what it holds;
 * (b) each conversation is offered or assigned to at most one agent, and agents' `holding`
 *     sets agree with the conversations' `agentId` and state;
 * (c) work-conserving: no unreserved waiting conversation while an agent that is online,
 *     connected, qualified, has not declined it and has room for its channel exists;
 * (d) a reserved conversation waits for an agent that exists and knows of the reservation;
 * (e) an unreserved waiting conversation stands in a waiting line (or no agent would ever
 *     find it).
 */
export function assertRoutingInvariants(engine: RoutingEngine): void {
  const problems: string[] = [];
  const agents = [...engine.agents()];
  const items = [...engine.workItems()];

  const holders = new Map<string, string[]>();
  for (const agent of agents) {
    const capacity = agent.profile.capacity;
    let units = 0;
    const perChannel = new Map<string, number>();
    for (const item of agent.holding) {
      holders.set(item.conversationId, [...(holders.get(item.conversationId) ?? []), agent.id]);
      units += unitsFor(capacity, item.channel);
      perChannel.set(item.channel, (perChannel.get(item.channel) ?? 0) + 1);
      if (engine.findWork(item.conversationId) !== item)
        problems.push(`(b) agent ${agent.id} holds ${item.conversationId}, which is not routed`);
      if (item.agentId !== agent.id || item.state === 'waiting')
        problems.push(
          `(b) agent ${agent.id} holds ${item.conversationId}, which is ${item.state} for ${item.agentId}`,
        );
    }
    // (a)
    if (units > capacity.totalUnits + EPSILON)
      problems.push(`(a) agent ${agent.id} holds ${units} units of ${capacity.totalUnits}`);
    for (const [channel, count] of perChannel) {
      if (count > maxFor(capacity, channel))
        problems.push(
          `(a) agent ${agent.id} holds ${count} on ${channel}, at most ${maxFor(capacity, channel)}`,
        );
    }
    if (Math.abs(units - agent.usedUnits) > EPSILON)
      problems.push(`(a) agent ${agent.id} counts ${agent.usedUnits} units used, holds ${units}`);
    for (const [channel, count] of agent.onChannel) {
      if ((perChannel.get(channel) ?? 0) !== count)
        problems.push(
          `(a) agent ${agent.id} counts ${count} on ${channel}, holds ${perChannel.get(channel) ?? 0}`,
        );
    }
    // (d), seen from the agent
    for (const item of agent.reserved) {
      if (engine.findWork(item.conversationId) !== item || item.reservedFor !== agent.id)
        problems.push(
          `(d) agent ${agent.id} keeps a reservation of ${item.conversationId}, reserved for ${item.reservedFor}`,
        );
    }
  }

  for (const [conversationId, agentIds] of holders) {
    if (agentIds.length > 1)
      problems.push(`(b) ${conversationId} is held by ${agentIds.length} agents: ${agentIds}`);
  }

  for (const item of items) {
    const id = item.conversationId;
    if (item.state !== 'waiting') {
      const agent = item.agentId === null ? undefined : engine.findAgent(item.agentId);
      if (!agent) problems.push(`(b) ${id} is ${item.state} to unknown agent ${item.agentId}`);
      else if (!agent.holding.has(item))
        problems.push(`(b) ${id} is ${item.state} to ${agent.id}, missing from its holding`);
      if (item.reservedFor !== null)
        problems.push(`(d) ${id} is ${item.state} yet reserved for ${item.reservedFor}`);
      if (item.lineKey !== null) problems.push(`(e) ${id} is ${item.state} yet in a line`);
      continue;
    }
    if (item.agentId !== null)
      problems.push(`(b) ${id} is waiting yet names agent ${item.agentId}`);
    if (!engine.findQueue(item.queueId))
      problems.push(`${id} waits in unknown queue ${item.queueId}`);

    if (item.reservedFor !== null) {
      // (d)
      const agent = engine.findAgent(item.reservedFor);
      if (!agent) problems.push(`(d) ${id} is reserved for unknown agent ${item.reservedFor}`);
      else if (!agent.reserved.has(item))
        problems.push(`(d) ${id} is reserved for ${agent.id}, who does not know it`);
      if (item.lineKey !== null) problems.push(`(e) ${id} is reserved and also in a line`);
      continue;
    }
    // (e)
    if (item.lineKey === null) problems.push(`(e) ${id} waits unreserved outside any line`);
    // (c)
    const idle = agents.find(
      (agent) =>
        agent.presence === 'online' &&
        agent.connected &&
        meetsRequirements(agent.skills, item.requirements) &&
        !item.declinedBy.has(agent.id) &&
        agent.canTake(item.channel),
    );
    if (idle)
      problems.push(
        `(c) ${id} waits (${item.channel}, ${JSON.stringify(item.requirements)}) while agent ${idle.id} could take it`,
      );
  }

  if (problems.length > 0)
    throw new Error(`routing invariants violated:\n  ${problems.join('\n  ')}`);
}
