import type { ParsedInbound, ParsedWebhook } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import { parseTwilioAddress } from './twilio-address';
import { clip, field, identifier, limited, requiredField, type TwilioParams } from './twilio-form';
import { twilioLocation } from './twilio-location';
import { twilioAttachments } from './twilio-media';

/** An SMS or WhatsApp message a customer sent to one of our numbers. */
export function parseTwilioInboundMessage(params: TwilioParams): ParsedWebhook {
  const messageSid = identifier(requiredField(params, 'MessageSid'), 'MessageSid', 998);
  const to = parseTwilioAddress(requiredField(params, 'To'), 'To');
  const from = parseTwilioAddress(requiredField(params, 'From'), 'From');
  if (from.channel !== to.channel) {
    throw new WebhookInputError('From', `is ${from.channel} while To is ${to.channel}`);
  }
  const profileName = field(params, 'ProfileName');
  const repliedTo = field(params, 'OriginalRepliedMessageSid');
  const event: ParsedInbound = {
    type: 'inbound.message_received',
    data: {
      channel: to.channel,
      raw: { ...params },
      providerMessageId: messageSid,
      sender: {
        externalId: from.address,
        // Only WhatsApp knows the customer's profile name; SMS has none.
        displayName: to.channel === 'whatsapp' && profileName ? clip(profileName, 256) : null,
        phone: from.address,
        email: null,
      },
      threadRef: null,
      replyToProviderMessageId: repliedTo
        ? identifier(repliedTo, 'OriginalRepliedMessageSid', 998)
        : null,
      // Media-only messages arrive with an empty Body. Free text: the gateway cleans NULs.
      text: limited(field(params, 'Body') ?? '', 'Body', 1_000_000),
      html: null,
      attachments: twilioAttachments(params),
      location: twilioLocation(params),
      email: null,
      // Twilio's inbound webhook carries no send time.
      sentAt: null,
    },
  };
  return { deliveryId: messageSid, events: [event] };
}
