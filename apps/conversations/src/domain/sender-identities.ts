import type { Channel, InboundSender } from '@switchboard/contracts';
import { assertUnreachable } from '@switchboard/contracts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export interface Identity {
  kind: 'phone' | 'email' | 'provider';
  address: string;
}

/**
 * The addresses a sender is known by, strongest first. Phones become E.164 and emails are
 * lower-cased, so the same person on SMS and WhatsApp, or by email anywhere, is found again.
 * Provider ids are scoped by channel: a Slack user id means nothing on Telegram.
 */
export function senderIdentities(channel: Channel, sender: InboundSender): Identity[] {
  const identities: Identity[] = [];
  const add = (identity: Identity | null): void => {
    if (identity && !identities.some((known) => sameIdentity(known, identity))) {
      identities.push(identity);
    }
  };
  switch (channel) {
    case 'sms':
    case 'whatsapp':
    case 'whatsapp_cloud':
      add(phoneIdentity(sender.phone ?? sender.externalId));
      break;
    case 'email':
      add(emailIdentity(sender.email ?? sender.externalId));
      break;
    case 'api':
    case 'slack':
    case 'messenger':
    case 'instagram':
    case 'telegram':
    case 'webchat':
      break;
    default:
      assertUnreachable(channel);
  }
  if (identities.length === 0) {
    add({ kind: 'provider', address: `${channel}:${sender.externalId.trim()}` });
  }
  add(sender.phone ? phoneIdentity(sender.phone) : null);
  add(sender.email ? emailIdentity(sender.email) : null);
  return identities;
}

/** E.164, or null when it is not a valid phone number (then the provider id is used). */
export function phoneIdentity(raw: string): Identity | null {
  const digits = raw.replace(/^whatsapp:/i, '').trim();
  // WhatsApp ids are international numbers without the plus.
  const candidate = /^\d{7,15}$/.test(digits) ? `+${digits}` : digits;
  const parsed = parsePhoneNumberFromString(candidate);
  // Possible, not valid: numbering plans change faster than libraries; we only need one
  // canonical form per number.
  return parsed?.isPossible() ? { kind: 'phone', address: parsed.number } : null;
}

export function emailIdentity(raw: string): Identity | null {
  const address = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(address) ? { kind: 'email', address } : null;
}

function sameIdentity(a: Identity, b: Identity): boolean {
  return a.kind === b.kind && a.address === b.address;
}
