import type { RoutingEngine } from '../routing-engine';
import { agentRuntime, type RoutingStateSnapshot, workSnapshot } from '../routing-snapshot';

/** The engine's whole state as the service would store it, for restore round trips. */
export function engineSnapshot(engine: RoutingEngine): RoutingStateSnapshot {
  return {
    queues: [...engine.queueDefinitions()],
    agents: [...engine.agents()].map((agent) => ({
      profile: agent.profile,
      runtime: agentRuntime(agent),
    })),
    work: [...engine.workItems()].map(workSnapshot),
    lastAgents: engine.lastAgents(),
  };
}
