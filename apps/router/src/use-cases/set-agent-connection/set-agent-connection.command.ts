import { z } from 'zod';
import { agentScope } from '../shared/agent-scope';

const setAgentConnectionInput = agentScope.extend({ connected: z.boolean() });

/** The agent's desk connected or lost its connection (its socket reports it). */
export type SetAgentConnectionCommand = z.output<typeof setAgentConnectionInput>;

export function setAgentConnectionCommand(
  input: SetAgentConnectionCommand,
): SetAgentConnectionCommand {
  return setAgentConnectionInput.parse(input);
}
