import { agentScope, type AgentScope } from '../shared/agent-scope';

export type GetAgentQuery = AgentScope;

export function getAgentQuery(input: GetAgentQuery): GetAgentQuery {
  return agentScope.parse(input);
}
