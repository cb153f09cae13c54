import { z } from 'zod';
import { conversationScope } from '../shared/conversation-scope';
import { routingIdSchema } from '../shared/routing-config.schemas';

const transferConversationInput = conversationScope.extend({
  to: z.union([
    z.object({ agentId: routingIdSchema }).strict(),
    z.object({ queueId: routingIdSchema }).strict(),
  ]),
});

/** Hand a conversation to one agent (it waits for them if they are full) or to a queue. */
export type TransferConversationCommand = z.output<typeof transferConversationInput>;

export function transferConversationCommand(
  input: TransferConversationCommand,
): TransferConversationCommand {
  return transferConversationInput.parse(input);
}
