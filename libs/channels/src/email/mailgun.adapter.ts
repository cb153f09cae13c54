import { emailDeliveryId, emailWebhook, type EmailInboundAdapter } from './email-webhook';
import { readForm } from './form-body';
import { mailgunFieldsMail, mailgunRecipient } from './mailgun-fields';
import { verifyMailgunSignature, type MailgunSecrets } from './mailgun-signature';
import { readEmail } from './parse-email';

/**
 * Mailgun routes' `forward()`: urlencoded, or multipart when the mail has attachments. A route
 * URL ending in "mime" adds the raw message as `body-mime`, which is preferred (one MIME path
 * for every provider, and bounces are only recognisable there).
 */
export const mailgunAdapter: EmailInboundAdapter<MailgunSecrets> = {
  destination(request) {
    const recipient = mailgunRecipient(readForm(request));
    return { channel: 'email', accountExternalId: recipient.toLowerCase() };
  },

  verify(request, secrets, now) {
    return verifyMailgunSignature(readForm(request), secrets, now);
  },

  async parse(request, now) {
    const form = readForm(request);
    const recipient = mailgunRecipient(form);
    const mime = form.part('body-mime');
    const reading =
      mime === null
        ? await mailgunFieldsMail(form, recipient)
        : await readEmail(mime.value, { now, recipient });
    return emailWebhook(reading, emailDeliveryId(recipient.toLowerCase(), reading));
  },
};
