import type { InboundAttachment } from '@switchboard/contracts';
import type { Attachment } from 'mailparser';
import { clip, EMAIL_LIMITS } from './email-limits';

/**
 * Parts mailparser lists as attachments that are not files anyone attached: Apple's
 * text/watch-html is a third rendering of the body, and a DSN's status part is read by the
 * bounce handling instead.
 */
const NOT_FILES = new Set(['text/watch-html', 'message/delivery-status']);

/**
 * The attachment facts of a MIME message. The bytes are not carried: `url` and
 * `providerMediaId` stay null, and the gateway stores the content from the raw message itself.
 * Inline parts keep their Content-ID (without brackets), which `cid:` URLs in the HTML name.
 */
export function mimeAttachments(attachments: readonly Attachment[]): InboundAttachment[] {
  return attachments
    .filter((attachment) => !NOT_FILES.has(partType(attachment)))
    .slice(0, EMAIL_LIMITS.attachments)
    .map((attachment) => ({
      url: null,
      providerMediaId: null,
      name: nonEmpty(attachment.filename, EMAIL_LIMITS.fileName),
      contentType: nonEmpty(partType(attachment), EMAIL_LIMITS.contentType),
      size: attachment.content.length,
      contentId: contentIdOf(attachment.cid),
    }));
}

/**
 * The part's MIME type, lower-cased. mailparser's types promise a string, but a part whose
 * Content-Type header is empty comes back without one (found by email-fuzz.spec.ts).
 */
export function partType(attachment: Pick<Attachment, 'contentType'>): string {
  const type: unknown = attachment.contentType;
  return typeof type === 'string' ? type.trim().toLowerCase() : '';
}

function nonEmpty(value: unknown, max: number): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : clip(trimmed, max);
}

/** A Content-ID too long for the contract could not be matched anyway, so it is dropped. */
export function contentIdOf(cid: string | null | undefined): string | null {
  const trimmed = cid?.trim().replace(/^<(.*)>$/, '$1') ?? '';
  return trimmed === '' || trimmed.length > EMAIL_LIMITS.contentId ? null : trimmed;
}
