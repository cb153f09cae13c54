import type { InboundAttachment } from '@switchboard/contracts';
import { WebhookInputError } from '../webhook-input.error';
import { field, identifier, limited, requiredField, type TwilioParams } from './twilio-form';

/** The contract's cap; Twilio itself sends at most 10. */
const MAX_MEDIA = 100;

/** `NumMedia` media, each as `MediaUrl{N}` / `MediaContentType{N}` numbered from 0. */
export function twilioAttachments(params: TwilioParams): InboundAttachment[] {
  const count = mediaCount(params);
  return Array.from({ length: count }, (_, n) => {
    const contentType = field(params, `MediaContentType${n}`);
    return {
      // A URL with a NUL in it fetches nothing: reject rather than clean.
      url: identifier(requiredField(params, `MediaUrl${n}`), `MediaUrl${n}`, 4_096),
      // Twilio serves media by URL (with account auth); it has no separate fetch id.
      providerMediaId: null,
      name: null,
      contentType: contentType ? limited(contentType, `MediaContentType${n}`, 255) : null,
      size: null,
      contentId: null,
    };
  });
}

function mediaCount(params: TwilioParams): number {
  const value = field(params, 'NumMedia');
  if (value === null || value === '') return 0;
  if (!/^\d{1,3}$/.test(value) || Number(value) > MAX_MEDIA) {
    throw new WebhookInputError('NumMedia', `not a count from 0 to ${MAX_MEDIA}: "${value}"`);
  }
  return Number(value);
}
