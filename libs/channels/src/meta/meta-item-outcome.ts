import type { ParsedInbound } from '../parsed-inbound';

/** What one provider item (a WhatsApp message or status, a `messaging[]` event) yielded. */
export interface MetaItemOutcome {
  /** Identifies the item across retries (wamid, mid, status id + status); null if none. */
  key: string | null;
  events: ParsedInbound[];
  /** Set when `events` is empty, for the log line. */
  ignoredBecause?: string;
}

export function emitted(key: string | null, ...events: ParsedInbound[]): MetaItemOutcome {
  return { key, events };
}

export function ignored(key: string | null, reason: string): MetaItemOutcome {
  return { key, events: [], ignoredBecause: reason };
}
