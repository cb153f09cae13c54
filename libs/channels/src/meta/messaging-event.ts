import { toStorableDeep } from '@switchboard/contracts';
import { LIMITS } from './contract-limits';
import type { JsonField } from './json-field';
import { ignored, type MetaItemOutcome } from './meta-item-outcome';
import { instantFromUnixMillis } from './meta-time';
import type { MessagingContext } from './messaging-context';
import { messagingEdit, messagingMessage, messagingPostback } from './messaging-message';
import { messagingDelivery, messagingRead, messagingReaction } from './messaging-signals';

type Handler = (field: JsonField, ctx: MessagingContext) => MetaItemOutcome;

/** Each `messaging[]` event carries exactly one of these; the first present one decides. */
const HANDLERS: ReadonlyArray<readonly [string, Handler]> = [
  ['message', messagingMessage],
  ['message_edit', messagingEdit],
  ['reaction', messagingReaction],
  ['postback', messagingPostback],
  ['delivery', messagingDelivery],
  ['read', messagingRead],
];

/** One Messenger / Instagram `entry[].messaging[]` event of the account `accountId`. */
export function messagingEvent(
  event: JsonField,
  channel: MessagingContext['channel'],
  accountId: string,
): MetaItemOutcome {
  event.object();
  const sender = event.at('sender').object();
  const senderId =
    sender.at('id').optionalString(LIMITS.externalId) ||
    sender.at('user_ref').optionalString(LIMITS.externalId) ||
    null;
  if (senderId === null) throw sender.at('id').error('is required');

  const ctx: MessagingContext = {
    channel,
    raw: toStorableDeep(event.value),
    sender: { externalId: senderId, displayName: null, phone: null, email: null },
    at: instantFromUnixMillis(event.at('timestamp')),
    fromUs: senderId === accountId,
  };
  for (const [name, handle] of HANDLERS) {
    const field = event.at(name);
    if (field.isPresent()) return handle(field, ctx);
  }
  // optin, referral, account_linking, handover, policy notices…: nothing to route.
  return ignored(null, 'messaging event of a kind we do not handle');
}
