import type { DeliveryStatus } from '@switchboard/contracts';
import type { ParsedInbound } from '../parsed-inbound';
import { LIMITS } from './contract-limits';
import type { JsonField } from './json-field';
import { emitted, ignored, type MetaItemOutcome } from './meta-item-outcome';
import type { MessagingContext } from './messaging-context';

/** A customer's reaction to a message; `unreact` removes it. */
export function messagingReaction(reaction: JsonField, ctx: MessagingContext): MetaItemOutcome {
  const mid = reaction.object().at('mid').string(LIMITS.providerMessageId);
  const action = reaction.at('action').optionalString(64) ?? 'react';
  const key = `reaction:${mid}:${ctx.sender.externalId}:${action}:${ctx.at}`;
  if (ctx.fromUs) return ignored(key, 'reaction by the page or account');
  // Older Instagram payloads name the reaction ("love") without the emoji; a name is
  // better than null, which would mean "removed".
  const emoji =
    action === 'unreact'
      ? null
      : reaction.at('emoji').optionalText(LIMITS.emoji) ||
        reaction.at('reaction').optionalText(LIMITS.emoji) ||
        null;
  return emitted(key, {
    type: 'inbound.reaction_received',
    data: {
      channel: ctx.channel,
      raw: ctx.raw,
      providerMessageId: mid,
      sender: ctx.sender,
      emoji,
      occurredAt: ctx.at,
    },
  });
}

/** Messenger `delivery`: one status per listed `mids[]`; a bare watermark names no message. */
export function messagingDelivery(delivery: JsonField, ctx: MessagingContext): MetaItemOutcome {
  const mids = delivery
    .object()
    .at('mids')
    .optionalArray()
    .map((mid) => mid.string(LIMITS.providerMessageId));
  const key = `delivery:${ctx.sender.externalId}:${ctx.at}`;
  if (mids.length === 0) return ignored(key, 'delivery watermark without message ids');
  return emitted(key, ...mids.map((mid) => status(mid, 'delivered', ctx)));
}

/**
 * `read`: Instagram names the message (`mid`); Messenger only sends a watermark ("all before
 * this time"), which our status events cannot express without the send times.
 */
export function messagingRead(read: JsonField, ctx: MessagingContext): MetaItemOutcome {
  const mid = read.object().at('mid').optionalString(LIMITS.providerMessageId) || null;
  const key = `read:${ctx.sender.externalId}:${ctx.at}`;
  if (mid === null) return ignored(key, 'read watermark without a message id');
  return emitted(key, status(mid, 'read', ctx));
}

function status(mid: string, value: DeliveryStatus, ctx: MessagingContext): ParsedInbound {
  return {
    type: 'inbound.status_received',
    data: {
      channel: ctx.channel,
      raw: ctx.raw,
      providerMessageId: mid,
      status: value,
      errorCode: null,
      errorMessage: null,
      occurredAt: ctx.at,
    },
  };
}
