import { baseServiceSchema, settings } from '@switchboard/config';
import type { z } from 'zod';

export const conversationsConfigSchema = baseServiceSchema.extend({
  PORT: settings.port(3001),
  CONVERSATION_REOPEN_WINDOW_SECONDS: settings.positiveInt(86_400),
  /** How often (ms) snoozed conversations whose end has passed are looked for and reopened. */
  CONVERSATION_SNOOZE_POLL_MS: settings.positiveInt(1_000),
});

export type ConversationsConfig = z.infer<typeof conversationsConfigSchema>;

/** Every replica shares this consumer group, so each inbound message is threaded once. */
export const CONVERSATIONS_GROUP_ID = 'conversations';
