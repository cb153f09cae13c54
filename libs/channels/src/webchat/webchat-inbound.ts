import type { InboundMessageReceived } from '@switchboard/contracts';
import type { WebchatMessage, WebchatVisitorProfile } from './webchat-payloads';

/** The gateway adds which account (site) and when it received the message. */
export type WebchatInboundData = Omit<InboundMessageReceived, 'channelAccountId' | 'receivedAt'>;

/**
 * A message's provider id. It starts with the visitor id (random, from the verified token), so a
 * visitor can neither collide with nor suppress another visitor's messages.
 */
export function webchatProviderMessageId(visitorId: string, clientMessageId: string): string {
  return `${visitorId}:${clientMessageId}`;
}

/**
 * A visitor's message as an inbound fact. The sender is the visitor id (the contact's
 * `provider:webchat:` identity); a name and email given with `identify` travel with it, so the
 * conversations service names the contact and links the email identity.
 */
export function webchatInboundMessage(input: {
  siteKey: string;
  visitorId: string;
  profile: WebchatVisitorProfile;
  message: WebchatMessage;
}): WebchatInboundData {
  const { siteKey, visitorId, profile, message } = input;
  return {
    channel: 'webchat',
    providerMessageId: webchatProviderMessageId(visitorId, message.clientMessageId),
    sender: {
      externalId: visitorId,
      displayName: profile.name,
      phone: null,
      email: profile.email,
    },
    threadRef: null,
    replyToProviderMessageId: null,
    text: message.text,
    html: null,
    attachments: [],
    location: null,
    email: null,
    sentAt: null,
    raw: { siteKey, visitorId, profile, message },
  };
}
