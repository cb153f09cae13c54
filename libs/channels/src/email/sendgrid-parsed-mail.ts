import type { InboundAttachment } from '@switchboard/contracts';
import { fieldsDigest } from './content-digest';
import { isDeliveryReport } from './delivery-report';
import type { EmailContent } from './email-content';
import { clip, EMAIL_LIMITS } from './email-limits';
import { emailMessageReceived } from './email-message';
import type { EmailReading } from './email-reading';
import type { FormBody } from './form-body';
import { readHeaderFacts } from './header-facts';
import { readHeaderText } from './header-block';
import { parseMailboxes } from './mailbox';
import { contentIdOf } from './mime-attachments';
import { subjectField } from './subject-field';
import {
  sendgridAttachmentInfo,
  sendgridCharsets,
  sendgridContentIds,
  sendgridEnvelopeRecipients,
} from './sendgrid-fields';

const FILE_FIELD = /^attachment\d+$/;

/**
 * SendGrid's default ("parsed") Inbound Parse post, built into the same event raw MIME gives.
 * Each text field is decoded in the charset `charsets` names for it. The separate from, to,
 * cc and subject fields win over the `headers` copy; the rest (Message-ID, threading, Date,
 * Auto-Submitted) comes from `headers`, read by the same rules as raw MIME.
 */
export async function sendgridParsedMail(form: FormBody): Promise<EmailReading> {
  const charsets = sendgridCharsets(form);
  const text = (field: string): string | null => form.text(field, charsets[field] ?? null);
  const headerText = text('headers') ?? '';
  const headers = await readHeaderText(headerText, 'headers');
  const facts = readHeaderFacts(headers);
  const fields = ['from', 'to', 'subject', 'text', 'html'].map(text);
  const messageKey = facts.messageId ?? fieldsDigest([headerText, ...fields]);
  if (isDeliveryReport(headers)) {
    return { events: [], ignoredBecause: 'a DSN needs SendGrid\'s "Send Raw" mode', messageKey };
  }
  const [from, to, subject, plain, html] = fields;
  const cc = text('cc');
  const content: EmailContent = {
    ...facts,
    from: parseMailboxes(from)[0] ?? facts.from,
    to: to === null ? facts.to : parseMailboxes(to),
    cc: cc === null ? facts.cc : parseMailboxes(cc),
    subject: subjectField(subject) ?? facts.subject,
    fallbackId: messageKey,
    text: plain,
    providerVisibleText: null,
    html,
    attachments: sendgridAttachments(form),
    envelopeRecipients: sendgridEnvelopeRecipients(form),
    providerReplyToken: null,
  };
  return { events: [emailMessageReceived(content)], messageKey };
}

/** Files `attachment1`…`attachmentN`, described by `attachment-info` and `content-ids`. */
function sendgridAttachments(form: FormBody): InboundAttachment[] {
  const info = sendgridAttachmentInfo(form);
  const contentIds = sendgridContentIds(form);
  return form
    .files()
    .filter((file) => FILE_FIELD.test(file.name))
    .slice(0, EMAIL_LIMITS.attachments)
    .map((file) => {
      const about = info[file.name] ?? {};
      const name = stringOf(about.filename) ?? file.filename;
      const type = stringOf(about.type) ?? file.contentType?.split(';')[0];
      return {
        url: null,
        providerMediaId: null,
        name: name ? clip(name, EMAIL_LIMITS.fileName) : null,
        contentType: type ? clip(type.trim().toLowerCase(), EMAIL_LIMITS.contentType) : null,
        size: file.value.length,
        contentId: contentIdOf(stringOf(about['content-id']) ?? contentIds.get(file.name)),
      };
    });
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
