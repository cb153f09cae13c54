import { z } from 'zod';
import { agentScope } from '../shared/agent-scope';
import { agentDefinitionSchema } from '../shared/routing-config.schemas';

const putAgentInput = agentScope.extend({ agent: agentDefinitionSchema });

/** Create or redefine an agent: its name, skills, languages and capacity. */
export type PutAgentCommand = z.output<typeof putAgentInput>;

export function putAgentCommand(input: z.input<typeof putAgentInput>): PutAgentCommand {
  return putAgentInput.parse(input);
}
