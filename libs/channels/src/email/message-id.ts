import { toStorable } from '@switchboard/contracts';
import { EMAIL_LIMITS } from './email-limits';

const BRACKETED = /<([^<>]*)>/g;

/**
 * The ids in a Message-ID, In-Reply-To or References header, without angle brackets, in header
 * order (oldest first for References). Senders separate them with spaces, commas or folded
 * lines, repeat them, and some drop the brackets, so all of that is accepted. An id longer
 * than the contract allows could never match one of ours and is left out.
 */
export function parseMessageIds(value: string | readonly string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const text = typeof value === 'string' ? value : value.join(' ');
  const bracketed = [...text.matchAll(BRACKETED)].map((match) => match[1]);
  const candidates = bracketed.length > 0 ? bracketed : text.split(/[\s,]+/);
  const ids = new Set<string>();
  for (const candidate of candidates) {
    // NUL and broken surrogates are removed: PostgreSQL could not store the id.
    const id = toStorable(candidate.trim());
    if (id !== '' && id.length <= EMAIL_LIMITS.idListEntry) ids.add(id);
  }
  return [...ids];
}

/** The one id of a Message-ID header, or null when it has none we can use. */
export function parseMessageId(value: string | null | undefined): string | null {
  const [first] = parseMessageIds(value);
  return first !== undefined && first.length <= EMAIL_LIMITS.messageId ? first : null;
}
