import type { InboundSender } from '@switchboard/contracts';

/** What every Messenger / Instagram `messaging[]` event shares, read once by the dispatcher. */
export interface MessagingContext {
  channel: 'messenger' | 'instagram';
  /** The event as received (made storable), kept as the events' `raw`. */
  raw: unknown;
  /** PSID / IGSID, or the chat plugin's `user_ref`. */
  sender: InboundSender;
  /** `timestamp` as an instant. */
  at: string;
  /** The sender is the page / IG account itself: our own action, never a customer's. */
  fromUs: boolean;
}
