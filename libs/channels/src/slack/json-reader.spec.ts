import { WebhookInputError } from '../webhook-input.error';
import { JsonReader } from './json-reader';

const read = (value: unknown) => JsonReader.parse(Buffer.from(JSON.stringify(value)));

function fieldOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof WebhookInputError) return error.field;
    throw error;
  }
  throw new Error('no WebhookInputError');
}

describe('JsonReader', () => {
  it('names a nested field by its full path', () => {
    const body = read({ event: { files: [{ size: 1 }, { size: 'big' }] } });
    const [, second] = body.object('event').objects('files');
    expect(fieldOf(() => second?.optionalNonNegativeInteger('size'))).toBe('event.files[1].size');
  });

  it('treats JSON null as absent', () => {
    const body = read({ thread_ts: null, edited: null });
    expect(body.has('thread_ts')).toBe(false);
    expect(body.optionalString('thread_ts', 32)).toBeNull();
    expect(body.optionalObject('edited')).toBeNull();
    expect(fieldOf(() => body.string('thread_ts', 32))).toBe('thread_ts');
  });

  it('never reads inherited properties such as toString or constructor', () => {
    const body = read({});
    expect(body.has('toString')).toBe(false);
    expect(body.optionalObject('constructor')).toBeNull();
  });

  it('reads a __proto__ key as plain data', () => {
    const body = JsonReader.parse(Buffer.from('{"__proto__": {"type": "x"}}'));
    expect(body.object('__proto__').string('type', 32)).toBe('x');
  });

  it('refuses identifiers that are too long or that PostgreSQL cannot store, naming them', () => {
    const body = read({ id: 'abcd', nul: 'a\u0000b', lone: 'a\ud800b' });
    expect(body.string('id', 4)).toBe('abcd');
    expect(fieldOf(() => body.string('id', 3))).toBe('id');
    expect(fieldOf(() => body.optionalString('nul', 10))).toBe('nul');
    expect(fieldOf(() => body.optionalString('lone', 10))).toBe('lone');
  });

  it('cleans prose instead of refusing it, and clips only when asked', () => {
    const body = read({ text: 'a\u0000b\ud800c', long: 'abc\ud83d\ude00' });
    expect(body.optionalText('text', 10)).toBe('ab\ufffdc');
    expect(fieldOf(() => body.optionalText('long', 4))).toBe('long');
    // Clipping never leaves half of a surrogate pair behind.
    expect(body.optionalText('long', 4, { clip: true })).toBe('abc');
  });

  it.each(['', 'not json', 'null', '"text"', '42', '[]'])('rejects the body %j', (text) => {
    expect(fieldOf(() => JsonReader.parse(Buffer.from(text)))).toBe('body');
  });
});
