import { LIMITS } from './contract-limits';
import type { JsonField } from './json-field';
import { emitted, ignored, type MetaItemOutcome } from './meta-item-outcome';
import type { MessagingContext } from './messaging-context';
import { messagingContent } from './messaging-content';

/** A `messaging[].message`: a customer's message, an echo of ours, or an Instagram unsend. */
export function messagingMessage(message: JsonField, ctx: MessagingContext): MetaItemOutcome {
  const mid = message.object().at('mid').string(LIMITS.providerMessageId);
  // Echoes are what our own send (or a human in Meta's inbox) produced: never inbound.
  if (message.at('is_echo').optionalBoolean() || ctx.fromUs) {
    return ignored(`echo:${mid}`, 'echo of a message sent by the page or account');
  }
  if (message.at('is_deleted').optionalBoolean()) {
    // Its own key: the unsend must not be taken for a retry of the original message.
    return emitted(`deleted:${mid}`, {
      type: 'inbound.message_deleted',
      data: { channel: ctx.channel, raw: ctx.raw, providerMessageId: mid, deletedAt: ctx.at },
    });
  }
  const content = messagingContent(message);
  // `reply_to.story` (a reply to our story) has no message id to point at.
  const replyTo = message.at('reply_to').optionalObject();
  return emitted(mid, {
    type: 'inbound.message_received',
    data: {
      channel: ctx.channel,
      raw: ctx.raw,
      providerMessageId: mid,
      sender: ctx.sender,
      threadRef: null,
      replyToProviderMessageId: replyTo?.at('mid').optionalString(LIMITS.providerMessageId) || null,
      text: content.text,
      html: null,
      attachments: content.attachments,
      location: content.location,
      email: null,
      sentAt: ctx.at,
    },
  });
}

/**
 * A tap on a button we sent (or "Get Started"): to an agent it reads like the customer
 * typing the button's title. Old postbacks have no `mid`; sender + time then stands in.
 */
export function messagingPostback(postback: JsonField, ctx: MessagingContext): MetaItemOutcome {
  postback.object();
  const mid =
    postback.at('mid').optionalString(LIMITS.providerMessageId) ||
    `postback:${ctx.sender.externalId}:${ctx.at}`;
  const text =
    postback.at('title').optionalText(LIMITS.text) ||
    postback.at('payload').optionalText(LIMITS.text) ||
    '';
  return emitted(mid, {
    type: 'inbound.message_received',
    data: {
      channel: ctx.channel,
      raw: ctx.raw,
      providerMessageId: mid,
      sender: ctx.sender,
      threadRef: null,
      replyToProviderMessageId: null,
      text,
      html: null,
      attachments: [],
      location: null,
      email: null,
      sentAt: ctx.at,
    },
  });
}

/** Messenger's `message_edit`: the new text of a message the customer sent earlier. */
export function messagingEdit(edit: JsonField, ctx: MessagingContext): MetaItemOutcome {
  const mid = edit.object().at('mid').string(LIMITS.providerMessageId);
  const count = edit.at('num_edit').optionalNumber();
  const key = `edit:${mid}:${count ?? ctx.at}`;
  if (ctx.fromUs) return ignored(key, 'edit made by the page or account');
  return emitted(key, {
    type: 'inbound.message_edited',
    data: {
      channel: ctx.channel,
      raw: ctx.raw,
      providerMessageId: mid,
      text: edit.at('text').optionalText(LIMITS.text) ?? '',
      editedAt: ctx.at,
    },
  });
}
