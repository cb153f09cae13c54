import { AgentState } from './agent-state';
import type { AgentProfile, SkillRequirement } from './model';

/**
 * Every agent of a tenant, and an index of those that accept work (online, connected,
 * units left) by skill. Finding an agent for new work scans only the free agents with the
 * work's rarest required skill, never every agent.
 */
export class AgentPool {
  private readonly agents = new Map<string, AgentState>();
  private readonly freeBySkill = new Map<string, Set<AgentState>>();
  private readonly free = new Set<AgentState>();

  get(agentId: string): AgentState | undefined {
    return this.agents.get(agentId);
  }

  all(): IterableIterator<AgentState> {
    return this.agents.values();
  }

  get size(): number {
    return this.agents.size;
  }

  add(profile: AgentProfile): AgentState {
    const agent = new AgentState(profile);
    this.agents.set(profile.id, agent);
    return agent;
  }

  delete(agent: AgentState): void {
    this.unindex(agent);
    this.agents.delete(agent.id);
  }

  /** A skill change moves the agent between skill sets. */
  changeProfile(agent: AgentState, profile: AgentProfile): void {
    this.unindex(agent);
    agent.setProfile(profile);
    this.reindex(agent);
  }

  /** Call after anything that may change whether the agent accepts work. */
  reindex(agent: AgentState): void {
    const accepts = agent.acceptsWork;
    if (accepts === agent.indexed) return;
    if (accepts) {
      this.free.add(agent);
      for (const skill of agent.skills.keys()) {
        let set = this.freeBySkill.get(skill);
        if (!set) this.freeBySkill.set(skill, (set = new Set()));
        set.add(agent);
      }
      agent.indexed = true;
    } else {
      this.unindex(agent);
    }
  }

  /** Free agents that might meet the requirements: a superset to be filtered by the caller. */
  freeCandidates(requirements: readonly SkillRequirement[]): ReadonlySet<AgentState> {
    let smallest: ReadonlySet<AgentState> = this.free;
    for (const r of requirements) {
      const set = this.freeBySkill.get(r.skill);
      if (!set) return EMPTY;
      if (set.size < smallest.size) smallest = set;
    }
    return smallest;
  }

  private unindex(agent: AgentState): void {
    if (!agent.indexed) return;
    this.free.delete(agent);
    for (const skill of agent.skills.keys()) {
      const set = this.freeBySkill.get(skill);
      set?.delete(agent);
      if (set?.size === 0) this.freeBySkill.delete(skill);
    }
    agent.indexed = false;
  }
}

const EMPTY: ReadonlySet<AgentState> = new Set();
