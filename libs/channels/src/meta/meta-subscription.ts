import { constantTimeEqual } from './constant-time';

export type MetaSubscriptionResult = { ok: true; challenge: string } | { ok: false };

/**
 * The GET handshake Meta makes when a webhook URL is saved: answer `hub.challenge` as
 * text/plain with 200 when the token matches, otherwise 403. The gateway must send the
 * challenge as text/plain, never HTML, since it echoes a query parameter.
 */
export function verifyMetaSubscription(
  query: Readonly<Record<string, string>>,
  verifyToken: string,
): MetaSubscriptionResult {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  // An unset token must not match an empty `hub.verify_token`.
  if (verifyToken === '' || mode !== 'subscribe') return { ok: false };
  if (token === undefined || !constantTimeEqual(token, verifyToken)) return { ok: false };
  if (challenge === undefined || challenge === '') return { ok: false };
  return { ok: true, challenge };
}
