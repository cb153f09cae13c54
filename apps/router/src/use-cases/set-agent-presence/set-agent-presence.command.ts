import { PRESENCES } from '@switchboard/routing';
import { z } from 'zod';
import { agentScope } from '../shared/agent-scope';

const setAgentPresenceInput = agentScope.extend({ presence: z.enum(PRESENCES) });

/** The agent (or a supervisor) sets it online, away or offline. */
export type SetAgentPresenceCommand = z.output<typeof setAgentPresenceInput>;

export function setAgentPresenceCommand(input: SetAgentPresenceCommand): SetAgentPresenceCommand {
  return setAgentPresenceInput.parse(input);
}
