import { isStorable } from '@switchboard/contracts';
import { WebhookInputError } from '../webhook-input.error';
export { clip } from '../contract-limits';

/**
 * Twilio's form fields exactly as received. A key sent twice keeps every value, in order,
 * because the signature covers all of them. Null prototype: keys come from the sender, so
 * `__proto__` or `constructor` must stay plain data.
 */
export type TwilioParams = Readonly<Record<string, string | readonly string[]>>;

export function parseTwilioForm(rawBody: Buffer): TwilioParams {
  const params: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) {
    const seen = params[key];
    params[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

export function hasField(params: TwilioParams, key: string): boolean {
  return Object.hasOwn(params, key);
}

/** One field's value, or null when absent. A field repeated with different values is ambiguous. */
export function field(params: TwilioParams, key: string): string | null {
  const value = Object.hasOwn(params, key) ? params[key] : undefined;
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value.some((other) => other !== value[0])) {
    throw new WebhookInputError(key, 'sent more than once with different values');
  }
  return value[0] ?? null;
}

/** Absent and empty are the same to Twilio's ids and addresses. */
export function requiredField(params: TwilioParams, key: string): string {
  const value = field(params, key);
  if (!value) throw new WebhookInputError(key, 'missing');
  return value;
}

/** The contract caps every string; text longer than that is not something Twilio sends. */
export function limited(value: string, key: string, max: number): string {
  if (value.length > max) throw new WebhookInputError(key, `longer than ${max} characters`);
  return value;
}

/**
 * Ids, addresses and statuses must be storable as they are: the gateway cleans NULs out of
 * text, but a cleaned id would silently name another message (and delivery ids are not cleaned).
 */
export function identifier(value: string, key: string, max: number): string {
  if (!isStorable(value))
    throw new WebhookInputError(key, 'contains a NUL character or broken Unicode');
  return limited(value, key, max);
}
