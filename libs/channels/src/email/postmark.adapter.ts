import { verifyBasicAuth, type BasicAuthSecrets } from './basic-auth';
import { emailWebhook, type EmailInboundAdapter } from './email-webhook';
import { postmarkMail } from './postmark-mail';
import { postmarkRecipient, readPostmarkPayload } from './postmark-payload';

/** Postmark signs nothing: the Basic credentials in the inbound webhook URL are the proof. */
export type PostmarkSecrets = BasicAuthSecrets;

/** Postmark inbound webhooks (JSON). */
export const postmarkAdapter: EmailInboundAdapter<PostmarkSecrets> = {
  destination(request) {
    return {
      channel: 'email',
      accountExternalId: postmarkRecipient(readPostmarkPayload(request.rawBody)),
    };
  },

  verify(request, secrets) {
    return verifyBasicAuth(request, secrets);
  },

  async parse(request) {
    const payload = readPostmarkPayload(request.rawBody);
    // Postmark's MessageID is unique per inbound mail and kept on retries: the natural key.
    return emailWebhook(await postmarkMail(payload), `postmark:${payload.MessageID}`);
  },
};
