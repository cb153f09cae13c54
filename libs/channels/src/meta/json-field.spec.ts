import { WebhookInputError } from '../webhook-input.error';
import { JsonField } from './json-field';

describe('JsonField', () => {
  const root = JsonField.root({ a: { list: [{ id: 'x' }] }, n: '12.5', s: 'abc', bad: 7 });

  it('names nested fields by path', () => {
    const item = root.at('a').object().at('list').array()[0]!;
    expect(item.at('id').path).toBe('a.list[0].id');
    expect(() => item.at('missing').string(10)).toThrow(
      new WebhookInputError('a.list[0].missing', 'is required'),
    );
  });

  it('reads only own properties', () => {
    expect(root.at('constructor').isPresent()).toBe(false);
    expect(root.at('toString').isPresent()).toBe(false);
  });

  it('rejects wrong types with the field named', () => {
    expect(() => root.at('bad').optionalString(10)).toThrow('bad: must be a string');
    expect(() => root.at('s').array()).toThrow('s: must be an array');
    expect(() => root.at('s').object()).toThrow('s: must be an object');
  });

  it('reads numbers sent as strings', () => {
    expect(root.at('n').optionalNumber()).toBe(12.5);
    expect(() => root.at('s').optionalNumber()).toThrow('s: must be a number');
  });

  it('rejects over-long identifiers but clips cosmetic text without splitting an emoji', () => {
    expect(() => root.at('s').optionalString(2)).toThrow('s: must be at most 2 characters');
    const emoji = JsonField.root({ name: 'ab😀' }).at('name');
    // 'ab' + the high half of 😀 would be broken Unicode: cut before the pair instead.
    expect(emoji.optionalText(3, { clip: true })).toBe('ab');
    expect(emoji.optionalText(4, { clip: true })).toBe('ab😀');
  });

  it('cleans prose PostgreSQL cannot store, but rejects such identifiers', () => {
    const field = JsonField.root({ v: 'a\u0000b\ud800' }).at('v');
    expect(field.optionalText(10)).toBe('ab\uFFFD');
    expect(() => field.optionalString(10)).toThrow('v: contains a NUL character or broken Unicode');
  });

  it('treats null like absent', () => {
    const field = JsonField.root({ v: null }).at('v');
    expect(field.isPresent()).toBe(false);
    expect(field.optionalString(5)).toBeNull();
    expect(field.optionalArray()).toEqual([]);
  });
});
