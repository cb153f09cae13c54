/** Telegram message ids are unique per chat only, so ours carry the chat: `${chat.id}:${message_id}`. */
export function telegramMessageId(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}
