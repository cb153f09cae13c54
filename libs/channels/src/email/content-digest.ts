import { createHash } from 'node:crypto';

/**
 * `sha256:<hex>` of the bytes received: the provider message id of a mail without a
 * Message-ID. Deterministic, so a provider's retry of the same mail maps to the same id.
 */
export function contentDigest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * The same for a mail that came as separate fields (SendGrid parsed mode, Mailgun fields).
 * Each field is length-prefixed, so ("ab", "c") and ("a", "bc") cannot collide.
 */
export function fieldsDigest(fields: ReadonlyArray<string | null>): string {
  const chunks = fields.map((field) => {
    const bytes = Buffer.from(field ?? '', 'utf8');
    return Buffer.concat([Buffer.from(`${field === null ? '-' : bytes.length}:`), bytes]);
  });
  return contentDigest(Buffer.concat(chunks));
}
