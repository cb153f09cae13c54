import type { ParsedInbound } from '../parsed-inbound';

/** What one email yielded: its events, or why there are none (for the gateway's logs). */
export interface EmailReading {
  events: ParsedInbound[];
  ignoredBecause?: string;
  /**
   * The mail's own identity: its Message-ID, else a digest of what was received. With the
   * recipient it makes the delivery id, so a provider's retry is recognised.
   */
  messageKey: string;
}
