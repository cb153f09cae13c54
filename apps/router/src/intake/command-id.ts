import { createHash } from 'node:crypto';

/**
 * A UUID (version 8, RFC 9562) derived from the event id, so a redelivered event sends the
 * same command and the router applies it once. An event that becomes several commands names
 * each one with a `part` (e.g. `escalation:1`); the first command of an event may omit it.
 */
export function commandIdFor(eventId: string, part?: string): string {
  const name = part === undefined ? eventId : `${eventId}#${part}`;
  const bytes = createHash('sha256').update(`routing-command:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
