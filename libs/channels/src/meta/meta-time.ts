import type { JsonField } from './json-field';

/** Latest instant a JS Date can hold; beyond it `toISOString` throws. */
const MAX_DATE_MS = 8.64e15;

/** WhatsApp Cloud sends `timestamp` as unix seconds in a string (`"1697043223"`). */
export function instantFromUnixSeconds(field: JsonField): string {
  return toInstant(field, readInteger(field) * 1_000);
}

/** Messenger and Instagram send `timestamp` as unix milliseconds (a number). */
export function instantFromUnixMillis(field: JsonField): string {
  return toInstant(field, readInteger(field));
}

function readInteger(field: JsonField): number {
  const { value } = field;
  if (value === undefined || value === null) throw field.error('is required');
  // Both providers have sent either form over the years; accept digits in a string too.
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw field.error('must be a non-negative integer timestamp');
  }
  return n;
}

function toInstant(field: JsonField, ms: number): string {
  if (ms > MAX_DATE_MS) throw field.error('is out of range');
  return new Date(ms).toISOString();
}
