import type { InboundChannelAdapter } from '../channel-adapter';
import { parseTwilioAddress } from './twilio-address';
import { parseTwilioForm, requiredField } from './twilio-form';
import { parseTwilioInboundMessage } from './twilio-inbound-message';
import { verifyTwilioSignature, type TwilioSecrets } from './twilio-signature';
import { parseTwilioStatusCallback } from './twilio-status-callback';
import { isStatusCallback, ourAddressField } from './twilio-webhook-kind';

/**
 * Twilio Messaging (SMS and WhatsApp) webhooks: inbound messages and status callbacks.
 * `satisfies` rather than a type annotation, so callers see that `parse` is synchronous.
 */
export const twilioAdapter = {
  destination(request) {
    const params = parseTwilioForm(request.rawBody);
    const key = ourAddressField(params);
    const { channel, address } = parseTwilioAddress(requiredField(params, key), key);
    return { channel, accountExternalId: address };
  },

  // The signature carries no timestamp, so there is nothing to check the clock against.
  verify(request, secrets, _now) {
    return verifyTwilioSignature(request, secrets);
  },

  parse(request, now) {
    const params = parseTwilioForm(request.rawBody);
    return isStatusCallback(params)
      ? parseTwilioStatusCallback(params, now)
      : parseTwilioInboundMessage(params);
  },
} satisfies InboundChannelAdapter<TwilioSecrets>;
