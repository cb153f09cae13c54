import type { InboundSender } from '@switchboard/contracts';
import { LIMITS } from './contract-limits';
import type { JsonField } from './json-field';

/**
 * Who sent a WhatsApp message: `from` / the matching `contacts[]` entry. Since 2026 a user
 * with a username may hide their number; then `from` is absent and only the business-scoped
 * id (`from_user_id`) identifies them, so that becomes the external id.
 */
export function whatsAppSender(message: JsonField, contacts: readonly JsonField[]): InboundSender {
  const from = message.at('from').optionalString(LIMITS.externalId) || null;
  const fromUserId = message.at('from_user_id').optionalString(LIMITS.externalId) || null;
  // The message itself must say who sent it; contacts[] only adds the profile.
  const messageSenderId = from ?? fromUserId;
  if (messageSenderId === null) {
    throw message.at('from').error('is required (and there is no from_user_id)');
  }
  const contact = matchingContact(contacts, from, fromUserId);

  const waId = contact?.at('wa_id').optionalString(LIMITS.phone) || null;
  const phone = waId ?? (from !== null && from.length <= LIMITS.phone ? from : null);
  // The phone-based id while there is one, so existing contacts keep matching.
  const externalId = waId ?? messageSenderId;

  const profile = contact?.at('profile').optionalObject();
  const displayName =
    profile?.at('name').optionalText(LIMITS.displayName, { clip: true }) ||
    profile?.at('username').optionalText(LIMITS.displayName, { clip: true }) ||
    null;
  return { externalId, displayName, phone, email: null };
}

function matchingContact(
  contacts: readonly JsonField[],
  from: string | null,
  fromUserId: string | null,
): JsonField | undefined {
  const match = contacts.find((contact) => {
    const c = contact.object();
    return (
      (from !== null && c.at('wa_id').value === from) ||
      (fromUserId !== null && c.at('user_id').value === fromUserId)
    );
  });
  // A one-to-one chat lists exactly the sender; trust it when the ids are spelled differently.
  return match ?? (contacts.length === 1 ? contacts[0]!.object() : undefined);
}
