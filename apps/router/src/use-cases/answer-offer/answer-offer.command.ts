import { z } from 'zod';
import { conversationScope } from '../shared/conversation-scope';
import { routingIdSchema } from '../shared/routing-config.schemas';

const answerOfferInput = conversationScope.extend({
  agentId: routingIdSchema,
  answer: z.enum(['accept', 'reject']),
});

/** The agent offered the conversation accepts or rejects it. */
export type AnswerOfferCommand = z.output<typeof answerOfferInput>;

export function answerOfferCommand(input: AnswerOfferCommand): AnswerOfferCommand {
  return answerOfferInput.parse(input);
}
