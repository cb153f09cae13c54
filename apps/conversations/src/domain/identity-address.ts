import { assertUnreachable, type Channel } from '@switchboard/contracts';

/**
 * The address a contact is known by on a channel, normalized so the same person is found
 * again: emails lower-cased, everything else trimmed as the provider sends it. (Phone
 * numbers to E.164 come with the SMS channel.)
 */
export function identityAddress(channel: Channel, externalId: string): string {
  const trimmed = externalId.trim();
  switch (channel) {
    case 'email':
      return trimmed.toLowerCase();
    case 'api':
    case 'sms':
    case 'whatsapp':
    case 'slack':
    case 'messenger':
    case 'instagram':
    case 'whatsapp_cloud':
    case 'telegram':
    case 'webchat':
      return trimmed;
    default:
      return assertUnreachable(channel);
  }
}
