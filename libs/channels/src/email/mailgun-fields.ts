import type { InboundAttachment } from '@switchboard/contracts';
import { WebhookInputError } from '../webhook-input.error';
import { fieldsDigest } from './content-digest';
import { isDeliveryReport } from './delivery-report';
import type { EmailContent } from './email-content';
import { clip, EMAIL_LIMITS } from './email-limits';
import { emailMessageReceived } from './email-message';
import type { EmailReading } from './email-reading';
import type { FormBody } from './form-body';
import { readHeaderFacts } from './header-facts';
import { readHeaderPairs } from './header-block';
import { parseJsonText } from './json-text';
import { parseMailboxes } from './mailbox';
import { contentIdOf } from './mime-attachments';
import { subjectField } from './subject-field';

const FILE_FIELD = /^attachment-\d+$/;

/**
 * The address Mailgun's route delivered to, as sent (its case may matter to a reply token);
 * routing lower-cases it.
 */
export function mailgunRecipient(form: FormBody): string {
  const address = parseMailboxes(form.text('recipient'))[0]?.address;
  if (address === undefined) throw new WebhookInputError('recipient', 'names no recipient');
  return address;
}

/**
 * A Mailgun forward without `body-mime`, built from its fields into the same event raw MIME
 * gives. Mailgun's `stripped-text` (talon, which also reads the HTML) is the visible text when
 * it is there; the headers come from `message-headers`, read by the same rules as raw MIME.
 */
export async function mailgunFieldsMail(form: FormBody, recipient: string): Promise<EmailReading> {
  const headerJson = form.text('message-headers') ?? '[]';
  const headers = await readHeaderPairs(headerPairs(headerJson), 'message-headers');
  const facts = readHeaderFacts(headers);
  const [from, subject, plain, html] = ['from', 'subject', 'body-plain', 'body-html'].map((name) =>
    form.text(name),
  );
  const messageKey = facts.messageId ?? fieldsDigest([headerJson, from, subject, plain, html]);
  if (isDeliveryReport(headers)) {
    return {
      events: [],
      ignoredBecause: 'a DSN needs the raw MIME (a route URL ending in "mime")',
      messageKey,
    };
  }
  const content: EmailContent = {
    ...facts,
    from: parseMailboxes(from)[0] ?? facts.from,
    subject: subjectField(subject) ?? facts.subject,
    fallbackId: messageKey,
    text: plain,
    providerVisibleText: form.text('stripped-text'),
    html,
    attachments: mailgunAttachments(form),
    envelopeRecipients: [recipient],
    providerReplyToken: null,
  };
  return { events: [emailMessageReceived(content)], messageKey };
}

/** `message-headers`: a JSON list of `[name, value]` pairs, in message order. */
function headerPairs(json: string): Array<[string, string]> {
  const value = parseJsonText(json, 'message-headers');
  if (!Array.isArray(value)) throw new WebhookInputError('message-headers', 'is not a JSON list');
  return value.filter(
    (pair): pair is [string, string] =>
      Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string',
  );
}

/** Files `attachment-1`…`attachment-N`; `content-id-map` names the inline ones. */
function mailgunAttachments(form: FormBody): InboundAttachment[] {
  const contentIds = new Map<string, string>();
  const map = parseJsonText(form.text('content-id-map') ?? '{}', 'content-id-map');
  if (typeof map === 'object' && map !== null) {
    for (const [contentId, field] of Object.entries(map)) {
      if (typeof field === 'string') contentIds.set(field, contentId);
    }
  }
  return form
    .files()
    .filter((file) => FILE_FIELD.test(file.name))
    .slice(0, EMAIL_LIMITS.attachments)
    .map((file) => {
      const type = file.contentType?.split(';')[0].trim().toLowerCase();
      return {
        url: null,
        providerMediaId: null,
        name: file.filename ? clip(file.filename, EMAIL_LIMITS.fileName) : null,
        contentType: type ? clip(type, EMAIL_LIMITS.contentType) : null,
        size: file.value.length,
        contentId: contentIdOf(contentIds.get(file.name)),
      };
    });
}
