import { conversationScope, type ConversationScope } from '../shared/conversation-scope';

export type ExplainRoutingQuery = ConversationScope;

export function explainRoutingQuery(input: ExplainRoutingQuery): ExplainRoutingQuery {
  return conversationScope.parse(input);
}
