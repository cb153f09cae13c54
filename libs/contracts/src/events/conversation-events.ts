import { z } from 'zod';
import { CHANNELS } from '../channel';

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const contactCreatedV1 = z.object({
  contactId: uuid,
  channel: z.enum(CHANNELS),
  identity: z.string().min(1),
  displayName: z.string().nullable(),
});

export const conversationOpenedV1 = z.object({
  conversationId: uuid,
  contactId: uuid,
  channel: z.enum(CHANNELS),
  openedAt: instant,
});

export const messageReceivedV1 = z.object({
  messageId: uuid,
  conversationId: uuid,
  contactId: uuid,
  channel: z.enum(CHANNELS),
  providerMessageId: z.string().min(1),
  text: z.string(),
  receivedAt: instant,
});

export type ContactCreated = z.infer<typeof contactCreatedV1>;
export type ConversationOpened = z.infer<typeof conversationOpenedV1>;
export type MessageReceived = z.infer<typeof messageReceivedV1>;
