/** Every channel a customer can write on. Adapters switch on this exhaustively. */
export const CHANNELS = [
  'api',
  'sms',
  'whatsapp',
  'slack',
  'email',
  'messenger',
  'instagram',
  'whatsapp_cloud',
  'telegram',
  'webchat',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Ends an exhaustive switch: the compiler rejects a call when a case is missing. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
