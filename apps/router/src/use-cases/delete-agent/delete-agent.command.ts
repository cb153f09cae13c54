import { agentScope, type AgentScope } from '../shared/agent-scope';

/** Remove an agent: the router takes it offline and re-routes what it held. */
export type DeleteAgentCommand = AgentScope;

export function deleteAgentCommand(input: DeleteAgentCommand): DeleteAgentCommand {
  return agentScope.parse(input);
}
