import { isSiteKey } from './webchat-protocol';

describe('isSiteKey', () => {
  it('accepts public site keys and nothing path-like or empty', () => {
    expect(isSiteKey('site_abc123')).toBe(true);
    expect(isSiteKey('site-ABC-9')).toBe(true);
    expect(isSiteKey('')).toBe(false);
    expect(isSiteKey('site/abc')).toBe(false);
    expect(isSiteKey('s'.repeat(129))).toBe(false);
    expect(isSiteKey(42)).toBe(false);
  });
});
