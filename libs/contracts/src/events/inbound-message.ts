import { z } from 'zod';
import { CHANNELS } from '../channel';

/** What the gateway accepted from a channel, before normalization. */
export const inboundMessageReceivedV1 = z.object({
  channel: z.enum(CHANNELS),
  channelAccountId: z.string().min(1).nullable(),
  providerMessageId: z.string().min(1).max(512),
  sender: z.object({
    externalId: z.string().min(1).max(512),
    displayName: z.string().max(256).nullable(),
  }),
  text: z.string().max(100_000),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
  receivedAt: z.iso.datetime({ offset: true }),
  raw: z.unknown(),
});

export type InboundMessageReceived = z.infer<typeof inboundMessageReceivedV1>;
