import { z } from 'zod';

/**
 * PostgreSQL text and jsonb refuse NUL characters and unpaired UTF-16 surrogates. Such text
 * must be cleaned (`toStorable`) or rejected at the edge: accepted and then unstorable, a
 * message would be acknowledged and never saved.
 */
export function isStorable(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

export function toStorable(value: string): string {
  return value.replaceAll('\u0000', '').toWellFormed();
}

/** Cleans every string in a JSON-like value (provider payloads kept for audit). */
export function toStorableDeep<T>(value: T): T {
  if (typeof value === 'string') return toStorable(value) as T;
  if (Array.isArray(value)) return value.map((item) => toStorableDeep(item)) as T;
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [toStorable(key), toStorableDeep(item)]),
    ) as T;
  }
  return value;
}

/** A string PostgreSQL can store, for schemas at the edge and in contracts. */
export function storableString(): z.ZodString {
  return z.string().refine(isStorable, 'contains a NUL character or broken Unicode');
}
