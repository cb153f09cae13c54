import { conversationScope, type ConversationScope } from '../shared/conversation-scope';

export type GetRoutedConversationQuery = ConversationScope;

export function getRoutedConversationQuery(
  input: GetRoutedConversationQuery,
): GetRoutedConversationQuery {
  return conversationScope.parse(input);
}
