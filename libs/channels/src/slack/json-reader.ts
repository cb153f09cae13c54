import { isStorable, toStorable } from '@switchboard/contracts';
import { WebhookInputError } from '../webhook-input.error';
import { clip } from '../contract-limits';

type JsonObject = Readonly<Record<string, unknown>>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads fields out of an untrusted JSON object, remembering where it is in the payload so a
 * malformed field is reported by its full path (`event.files[0].size`) in the 400 answer.
 * Only own properties count: `toString` or `constructor` must never be read off the prototype.
 */
export class JsonReader {
  private constructor(
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  /** Decodes a whole request body; anything but a JSON object is malformed. */
  static parse(rawBody: Buffer): JsonReader {
    let value: unknown;
    try {
      value = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new WebhookInputError('body', 'is not JSON');
    }
    if (!isJsonObject(value)) throw new WebhookInputError('body', 'is not a JSON object');
    return new JsonReader(value, '');
  }

  /** Absent and JSON null are the same thing to us. */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  object(key: string): JsonReader {
    return this.optionalObject(key) ?? this.fail(key, 'is missing');
  }

  optionalObject(key: string): JsonReader | null {
    const value = this.get(key);
    if (value === undefined) return null;
    if (!isJsonObject(value)) this.fail(key, 'is not an object');
    return new JsonReader(value, this.at(key));
  }

  /** A required identifier: non-empty; see `optionalString`. */
  string(key: string, max: number): string {
    const value = this.optionalString(key, max);
    if (value === null) this.fail(key, 'is missing');
    if (value === '') this.fail(key, 'is empty');
    return value;
  }

  /**
   * An identifier or a code (ids, timestamps, types, URLs). Never altered: one PostgreSQL could
   * not store, or longer than the contract allows where it ends up, is a 400.
   */
  optionalString(key: string, max: number): string | null {
    const value = this.rawString(key);
    if (value === null) return null;
    if (!isStorable(value)) this.fail(key, 'contains a NUL character or broken Unicode');
    if (value.length > max) this.fail(key, `is longer than ${max} characters`);
    return value;
  }

  /**
   * Prose people wrote (message text, file names): NULs and broken surrogates are cleaned
   * rather than losing the message. Longer than `max` is an error unless `clip` is set, which
   * suits cosmetic fields where refusing the whole delivery costs more.
   */
  optionalText(key: string, max: number, options: { clip?: boolean } = {}): string | null {
    const value = this.rawString(key);
    if (value === null) return null;
    const text = toStorable(value);
    if (text.length <= max) return text;
    if (options.clip) return clip(text, max);
    return this.fail(key, `is longer than ${max} characters`);
  }

  optionalNonNegativeInteger(key: string): number | null {
    const value = this.get(key);
    if (value === undefined) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.fail(key, 'is not a non-negative integer');
    }
    return value;
  }

  /** The objects of an array field; an absent field is an empty list. */
  objects(key: string): JsonReader[] {
    const value = this.get(key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(key, 'is not an array');
    return value.map((item: unknown, index) => {
      const path = `${this.at(key)}[${index}]`;
      if (!isJsonObject(item)) throw new WebhookInputError(path, 'is not an object');
      return new JsonReader(item, path);
    });
  }

  /** The full path of `key`, for errors raised by callers that validate a value further. */
  at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  fail(key: string, problem: string): never {
    throw new WebhookInputError(this.at(key), problem);
  }

  private rawString(key: string): string | null {
    const value = this.get(key);
    if (value === undefined) return null;
    if (typeof value !== 'string') this.fail(key, 'is not a string');
    return value;
  }

  private get(key: string): unknown {
    const value = Object.hasOwn(this.value, key) ? this.value[key] : undefined;
    return value === null ? undefined : value;
  }
}
