import { WebhookInputError } from '../webhook-input.error';
import { clip, field, parseTwilioForm } from './twilio-form';

describe('parseTwilioForm', () => {
  it('decodes percent escapes and "+" and keeps repeated keys in order', () => {
    const params = parseTwilioForm(Buffer.from('Body=a+b%2Bc&Tag=2&Tag=1&Empty='));
    expect({ ...params }).toEqual({ Body: 'a b+c', Tag: ['2', '1'], Empty: '' });
  });

  it('keeps __proto__ and constructor as plain fields', () => {
    const params = parseTwilioForm(Buffer.from('__proto__=x&constructor=y'));
    expect(field(params, '__proto__')).toBe('x');
    expect(field(params, 'constructor')).toBe('y');
    expect(field(params, 'toString')).toBeNull();
  });
});

describe('field', () => {
  it('reads a repeated field whose copies agree, and rejects one whose copies differ', () => {
    expect(field(parseTwilioForm(Buffer.from('A=1&A=1')), 'A')).toBe('1');
    expect(() => field(parseTwilioForm(Buffer.from('A=1&A=2')), 'A')).toThrow(WebhookInputError);
  });
});

describe('clip', () => {
  it('cuts at the limit without splitting a surrogate pair', () => {
    expect(clip('abcdef', 4)).toBe('abcd');
    expect(clip('abc😀', 4)).toBe('abc');
    expect(clip('ab', 4)).toBe('ab');
  });
});
