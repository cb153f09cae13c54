/**
 * The web chat wire protocol, shared by the gateway and (later) the widget:
 *
 * 1. `POST /v1/webchat/:siteKey/sessions` → `201 { visitorId, token, expiresAt }` (404 for an
 *    unknown or disabled site). The widget keeps the token (e.g. in localStorage) and reuses it
 *    until it expires, so a returning visitor stays the same contact.
 * 2. socket.io, namespace `/webchat`, handshake `auth: { siteKey, token }`. A refused
 *    connection gets `connect_error` whose `message` names the problem and whose `data.code` is
 *    a `WebchatConnectErrorCode`.
 * 3. Client → server events, each answered through its ack callback:
 *    `message` `{ clientMessageId, text }` → `WebchatMessageAck` (ok only once the message is
 *    durably on the bus; resend with the same `clientMessageId` until ok, it is stored once);
 *    `identify` `{ name?, email? }` → `WebchatIdentifyAck` (applies to later messages of this
 *    connection; send it again after reconnecting).
 */
export const WEBCHAT_NAMESPACE = '/webchat';

export const WebchatClientEvents = {
  message: 'message',
  identify: 'identify',
} as const;

/** Longest message text, in UTF-16 code units (JavaScript string length). */
export const WEBCHAT_MAX_TEXT_LENGTH = 10_000;

/**
 * Largest socket.io frame the gateway reads. Above it socket.io closes the connection, so it
 * sits well above the largest valid message (text plus JSON escaping) and a longer text is
 * answered `invalid` rather than dropped.
 */
export const WEBCHAT_MAX_FRAME_BYTES = 128 * 1024;

export type WebchatInvalid = { ok: false; error: 'invalid'; field: string; message: string };

export type WebchatMessageAck =
  /** Durably accepted; `messageId` is the same for every resend of this `clientMessageId`. */
  | { ok: true; messageId: string }
  | WebchatInvalid
  /** The bus did not acknowledge: resend the same `clientMessageId` later. */
  | { ok: false; error: 'unavailable'; retry: true }
  /** The visitor token expired while connected: start a new session, then resend. */
  | { ok: false; error: 'session_expired'; retry: false }
  /** A fault on our side that a resend will not cure. */
  | { ok: false; error: 'internal'; retry: false };

export type WebchatIdentifyAck = { ok: true } | WebchatInvalid;

export const WEBCHAT_CONNECT_ERROR_CODES = [
  /** `auth.siteKey` or `auth.token` missing or not a string. */
  'auth_required',
  'unknown_site',
  /** The site exists but has no usable token secret: an operator must fix its account. */
  'site_misconfigured',
  'token_malformed',
  'token_bad_signature',
  'token_wrong_site',
  'token_expired',
  'token_not_yet_valid',
  /** We could not check the token right now (database down): retry later. */
  'unavailable',
] as const;

export type WebchatConnectErrorCode = (typeof WEBCHAT_CONNECT_ERROR_CODES)[number];

/** Site keys are public ids chosen at provisioning, e.g. `site_abc123`. */
const SITE_KEY = /^[A-Za-z0-9_-]{1,128}$/;

export function isSiteKey(value: unknown): value is string {
  return typeof value === 'string' && SITE_KEY.test(value);
}
