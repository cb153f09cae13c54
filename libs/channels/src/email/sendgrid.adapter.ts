import { verifyBasicAuth, type BasicAuthSecrets } from './basic-auth';
import { emailDeliveryId, emailWebhook, type EmailInboundAdapter } from './email-webhook';
import { readForm } from './form-body';
import { readEmail } from './parse-email';
import { sendgridParsedMail } from './sendgrid-parsed-mail';
import { sendgridRecipient } from './sendgrid-fields';

/** SendGrid signs nothing: the Basic credentials in the Inbound Parse URL are the proof. */
export type SendGridSecrets = BasicAuthSecrets;

/**
 * SendGrid Inbound Parse. "Send Raw" (the whole MIME in field `email`) is read by `parseEmail`,
 * the recommended setup; the default parsed mode is built from its fields into the same event.
 */
export const sendgridAdapter: EmailInboundAdapter<SendGridSecrets> = {
  destination(request) {
    const recipient = sendgridRecipient(readForm(request));
    return { channel: 'email', accountExternalId: recipient.toLowerCase() };
  },

  verify(request, secrets) {
    return verifyBasicAuth(request, secrets);
  },

  async parse(request, now) {
    const form = readForm(request);
    const recipient = sendgridRecipient(form);
    const raw = form.part('email');
    const reading =
      raw === null
        ? await sendgridParsedMail(form)
        : await readEmail(raw.value, { now, recipient });
    return emailWebhook(reading, emailDeliveryId(recipient.toLowerCase(), reading));
  },
};
