import { toStorable } from '@switchboard/contracts';
import { parseAddressHeader, type AddressObject } from 'mailparser';
import { EMAIL_LIMITS } from './email-limits';

/** One address from an address header, as the sender wrote it (case kept). */
export interface Mailbox {
  address: string;
  /** The display name, null when the header gave none. */
  name: string | null;
}

/** The mailboxes of mailparser's parsed address header(s), groups flattened. */
export function mailboxesOf(
  value: AddressObject | readonly AddressObject[] | undefined,
): Mailbox[] {
  if (value === undefined) return [];
  const objects: readonly AddressObject[] = Array.isArray(value) ? value : [value as AddressObject];
  return objects.flatMap((object) => flatten(object.value));
}

/** The mailboxes of an address header's text (`"Bob" <bob@example.com>, carol@example.com`). */
export function parseMailboxes(text: string | null | undefined): Mailbox[] {
  if (text === null || text === undefined || text.trim() === '') return [];
  return mailboxesOf(parseAddressHeader(text, { flatten: true }));
}

function flatten(entries: AddressObject['value']): Mailbox[] {
  return entries.flatMap((entry) =>
    entry.group !== undefined ? flatten(entry.group) : mailbox(entry.address, entry.name),
  );
}

/**
 * A mailbox from an address and a display name as a provider gave them: trimmed, cleaned of
 * what PostgreSQL cannot store, and none at all without an address.
 */
export function mailbox(address: string | undefined, name: string | null | undefined): Mailbox[] {
  const cleanAddress = toStorable(address ?? '').trim();
  const cleanName = toStorable(name ?? '').trim();
  return cleanAddress === ''
    ? []
    : [{ address: cleanAddress, name: cleanName === '' ? null : cleanName }];
}

/**
 * Addresses for the contract's `to`/`cc`: lower-cased, because every mail system we meet treats
 * the local part case-insensitively and the router compares them with our inbox addresses.
 */
export function addressList(mailboxes: readonly Mailbox[]): string[] {
  return mailboxes
    .map((mailbox) => mailbox.address.toLowerCase())
    .filter((address) => address.length <= EMAIL_LIMITS.address);
}

const REPLY_ADDRESS = /^reply\+([^@\s]+)@/i;
const PLUS_ADDRESS = /^[^@\s+]+\+([^@\s]+)@/i;

/**
 * The `<token>` of the first `reply+<token>@…` address (Chatwoot's convention), which our outbound mail sets as Reply-To
 * so a reply finds its conversation even when a client drops In-Reply-To. The token keeps its
 * case: it is ours, and may be case-sensitive. One too long to be ours is ignored, not cut.
 */
export function replyTokenOf(addresses: readonly string[]): string | null {
  for (const address of addresses) {
    const token = REPLY_ADDRESS.exec(address.trim())?.[1];
    if (token !== undefined && token.length <= EMAIL_LIMITS.replyToken) return token;
  }
  return null;
}

/**
 * The `<token>` of a plus-addressed envelope recipient (`support+<token>@…`): the inbox the
 * mail was delivered to is surely ours, so its tag may name a conversation too.
 */
export function plusTokenOf(envelopeRecipients: readonly string[]): string | null {
  for (const address of envelopeRecipients) {
    const token = PLUS_ADDRESS.exec(address.trim())?.[1];
    if (token !== undefined && token.length <= EMAIL_LIMITS.replyToken) return token;
  }
  return null;
}
