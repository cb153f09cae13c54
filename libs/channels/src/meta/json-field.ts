import { isStorable, toStorable } from '@switchboard/contracts';
import { WebhookInputError } from '../webhook-input.error';
import { clip } from '../contract-limits';

/**
 * A value from a parsed webhook body together with its path (`entry[0].changes[0].value…`),
 * so every malformed field becomes a `WebhookInputError` that names it exactly. Meta's
 * payloads are untrusted until `verify` passes and loosely typed even then, so nothing is
 * read without going through here.
 */
export class JsonField {
  constructor(
    readonly value: unknown,
    readonly path: string,
  ) {}

  static root(value: unknown): JsonField {
    return new JsonField(value, '');
  }

  /** A child property; own properties only, so `constructor` or `__proto__` never leak in. */
  at(key: string): JsonField {
    const path = this.path === '' ? key : `${this.path}.${key}`;
    const value =
      isPlainObject(this.value) && Object.hasOwn(this.value, key) ? this.value[key] : undefined;
    return new JsonField(value, path);
  }

  /** Absent and `null` both mean "not sent": Meta uses either for optional fields. */
  isPresent(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  object(): JsonField {
    if (!isPlainObject(this.value)) throw this.error('must be an object');
    return this;
  }

  optionalObject(): JsonField | null {
    return this.isPresent() ? this.object() : null;
  }

  array(): JsonField[] {
    if (!Array.isArray(this.value)) throw this.error('must be an array');
    return this.value.map((item, i) => new JsonField(item, `${this.path}[${i}]`));
  }

  optionalArray(): JsonField[] {
    return this.isPresent() ? this.array() : [];
  }

  /**
   * A non-empty identifier no longer than `max` (the contract's limit for where it ends up).
   * Identifiers are never altered: one PostgreSQL cannot store is rejected.
   */
  string(max: number): string {
    if (!this.isPresent()) throw this.error('is required');
    const id = this.optionalString(max);
    if (id === null || id === '') throw this.error('must not be empty');
    return id;
  }

  optionalString(max: number): string | null {
    const value = this.rawString();
    if (value === null) return null;
    if (!isStorable(value)) throw this.error('contains a NUL character or broken Unicode');
    if (value.length > max) throw this.error(`must be at most ${max} characters`);
    return value;
  }

  /**
   * Required, non-empty prose (a message body); see `optionalText`. Emptiness is judged as
   * sent: a body of only NULs is a (strange) message, not a malformed one.
   */
  text(max: number): string {
    if (this.rawString() === '') throw this.error('must not be empty');
    const text = this.optionalText(max);
    if (text === null) throw this.error('is required');
    return text;
  }

  /**
   * Prose written by people (text, captions, names): NULs and broken surrogates are cleaned
   * rather than losing the message. Longer than `max` is an error unless `clip` is set:
   * clipping suits cosmetic fields (a display name) where rejecting the batch costs more.
   */
  optionalText(max: number, options: { clip?: boolean } = {}): string | null {
    const value = this.rawString();
    if (value === null) return null;
    const text = toStorable(value);
    if (text.length <= max) return text;
    if (options.clip) return clip(text, max);
    throw this.error(`must be at most ${max} characters`);
  }

  /** A number, or a string of one (Meta sends error codes and coordinates either way). */
  optionalNumber(): number | null {
    if (!this.isPresent()) return null;
    const n =
      typeof this.value === 'string' && this.value.trim() !== '' ? Number(this.value) : this.value;
    if (typeof n !== 'number' || !Number.isFinite(n)) throw this.error('must be a number');
    return n;
  }

  optionalBoolean(): boolean {
    if (!this.isPresent()) return false;
    if (typeof this.value !== 'boolean') throw this.error('must be a boolean');
    return this.value;
  }

  private rawString(): string | null {
    if (!this.isPresent()) return null;
    if (typeof this.value !== 'string') throw this.error('must be a string');
    return this.value;
  }

  error(problem: string): WebhookInputError {
    return new WebhookInputError(this.path === '' ? 'body' : this.path, problem);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
