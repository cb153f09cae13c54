import { createVisitorId } from './visitor-id';

describe('createVisitorId', () => {
  it('encodes 16 random bytes as v_ and 22 base64url characters', () => {
    expect(createVisitorId(Buffer.alloc(16, 0))).toBe('v_AAAAAAAAAAAAAAAAAAAAAA');
    expect(createVisitorId(Buffer.alloc(16, 0xff))).toBe('v______________________w');
  });

  it('uses only the first 16 bytes and refuses fewer', () => {
    expect(createVisitorId(Buffer.alloc(32, 1))).toBe(createVisitorId(Buffer.alloc(16, 1)));
    expect(() => createVisitorId(Buffer.alloc(15))).toThrow(RangeError);
  });
});
