import { JsonField } from './json-field';
import { instantFromUnixMillis, instantFromUnixSeconds } from './meta-time';

const field = (value: unknown) => JsonField.root({ timestamp: value }).at('timestamp');

describe('Meta timestamps', () => {
  it('WhatsApp: unix seconds in a string (or a number)', () => {
    expect(instantFromUnixSeconds(field('1697043223'))).toBe('2023-10-11T16:53:43.000Z');
    expect(instantFromUnixSeconds(field(1697043223))).toBe('2023-10-11T16:53:43.000Z');
  });

  it('Messenger / Instagram: unix milliseconds', () => {
    expect(instantFromUnixMillis(field(1458692752478))).toBe('2016-03-23T00:25:52.478Z');
  });

  it.each([
    ['missing', undefined, 'timestamp: is required'],
    ['fractional', 1.5, 'timestamp: must be a non-negative integer timestamp'],
    ['negative', -1, 'timestamp: must be a non-negative integer timestamp'],
    ['text', '2023-10-11', 'timestamp: must be a non-negative integer timestamp'],
    ['beyond what a Date holds', '9999999999999', 'timestamp: is out of range'],
  ])('rejects %s', (_name, value, message) => {
    expect(() => instantFromUnixSeconds(field(value))).toThrow(message);
  });
});
