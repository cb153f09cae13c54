import { WebhookInputError } from '../webhook-input.error';
import type { FormBody } from './form-body';
import { parseJsonText } from './json-text';
import { parseMailboxes } from './mailbox';

/** SendGrid Inbound Parse's JSON fields we read, checked loosely: only the keys we use. */
function jsonObject(form: FormBody, field: string): Record<string, unknown> | null {
  const text = form.text(field);
  if (text === null || text.trim() === '') return null;
  const value = parseJsonText(text, field);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WebhookInputError(field, 'is not a JSON object');
  }
  return value as Record<string, unknown>;
}

/** `envelope.to`: the RCPT TO addresses, the ones SendGrid actually delivered to. */
export function sendgridEnvelopeRecipients(form: FormBody): string[] {
  const envelope = jsonObject(form, 'envelope');
  const to = envelope?.to;
  if (to === undefined || to === null) return [];
  const list = Array.isArray(to) ? (to as unknown[]) : [to];
  return list.filter((address): address is string => typeof address === 'string');
}

/**
 * Our inbound address: the envelope's first recipient, else the first `to` address. As sent
 * (its case may matter to a reply token); routing lower-cases it.
 */
export function sendgridRecipient(form: FormBody): string {
  const address =
    sendgridEnvelopeRecipients(form)[0] ?? parseMailboxes(form.text('to'))[0]?.address;
  if (address === undefined || address.trim() === '') {
    throw new WebhookInputError('envelope', 'names no recipient');
  }
  return address.trim();
}

/**
 * `charsets`: the charset of each text field (`{"subject":"UTF-8","text":"iso-8859-1"}`).
 * SendGrid passes the mail's own bytes through, so fields are only readable with it.
 */
export function sendgridCharsets(form: FormBody): Record<string, string> {
  const charsets = jsonObject(form, 'charsets') ?? {};
  return Object.fromEntries(
    Object.entries(charsets).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** `attachment-info`: per file field (`attachment1`), its filename, type and content-id. */
export function sendgridAttachmentInfo(form: FormBody): Record<string, Record<string, unknown>> {
  const info = jsonObject(form, 'attachment-info') ?? {};
  return Object.fromEntries(
    Object.entries(info).filter(
      (entry): entry is [string, Record<string, unknown>] =>
        typeof entry[1] === 'object' && entry[1] !== null,
    ),
  );
}

/** `content-ids`: Content-ID → file field name, for inline images. */
export function sendgridContentIds(form: FormBody): Map<string, string> {
  const byField = new Map<string, string>();
  for (const [contentId, field] of Object.entries(jsonObject(form, 'content-ids') ?? {})) {
    if (typeof field === 'string') byField.set(field, contentId);
  }
  return byField;
}
