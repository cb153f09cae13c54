/** Reads every value of one header (lower-case name); empty when the message has none. */
export type HeaderValues = (name: string) => string[];

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list']);
const NEGATIVE = new Set(['no', 'false', '0', 'off']);

/**
 * Mail sent by a machine: out-of-office replies, autoresponders, newsletters. It is delivered
 * but never opens a conversation, and we never auto-reply to it, so two autoresponders cannot
 * loop. The signals are RFC 3834's Auto-Submitted (anything but `no`), the older X-Autoreply
 * and X-Autorespond, and Precedence bulk/junk/list (RFC 2076, still set by list software).
 *
 * X-Auto-Response-Suppress is deliberately not a signal: Exchange and Outlook put it on mail
 * a person wrote too (meeting responses, some Outlook replies) to ask *recipients* not to
 * auto-reply. It tells our auto-responder what to do, not whether a person wrote the message.
 */
export function isAutomated(header: HeaderValues): boolean {
  const autoSubmitted = header('auto-submitted').map(token);
  if (autoSubmitted.some((value) => value !== '' && value !== 'no')) return true;
  const legacy = [...header('x-autoreply'), ...header('x-autorespond')].map(token);
  if (legacy.some((value) => !NEGATIVE.has(value))) return true;
  return header('precedence').some((value) => BULK_PRECEDENCE.has(token(value)));
}

/** The header's keyword, without RFC 3834 parameters (`auto-replied; owner-email=…`). */
function token(value: string): string {
  return value.split(';')[0].trim().toLowerCase();
}
