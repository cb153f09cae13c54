import { unitsFor, type CapacityModel } from '@switchboard/routing';
import type { AgentDirectoryRepository, AgentRecord, HeldWork } from './agent-directory.repository';

/** How busy an agent is: conversations offered and assigned, and the capacity units they take. */
export interface AgentLoad {
  readonly offered: number;
  readonly assigned: number;
  readonly usedUnits: number;
  readonly totalUnits: number;
}

/** Adds up one agent's held work, costing each conversation by its channel as the engine does. */
export function agentLoad(
  capacity: CapacityModel,
  agentId: string,
  held: readonly HeldWork[],
): AgentLoad {
  let offered = 0;
  let assigned = 0;
  let usedUnits = 0;
  for (const work of held) {
    if (work.agentId !== agentId) continue;
    if (work.state === 'offered') offered += work.count;
    else assigned += work.count;
    usedUnits += work.count * unitsFor(capacity, work.channel);
  }
  return { offered, assigned, usedUnits, totalUnits: capacity.totalUnits };
}

/** An agent as the API shows it: profile, presence, and what it holds. */
export interface AgentView extends AgentRecord {
  readonly load: AgentLoad;
}

/** One agent with its load, or null when the tenant has no such agent. */
export async function findAgentView(
  agents: AgentDirectoryRepository,
  tenantId: string,
  agentId: string,
): Promise<AgentView | null> {
  const [agent, held] = await Promise.all([
    agents.find(tenantId, agentId),
    agents.heldWork(tenantId, agentId),
  ]);
  return agent ? { ...agent, load: agentLoad(agent.capacity, agent.id, held) } : null;
}
