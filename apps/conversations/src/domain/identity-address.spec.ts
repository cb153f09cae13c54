import { identityAddress } from './identity-address';

describe('identityAddress', () => {
  it('lower-cases email addresses so one mailbox is one contact', () => {
    expect(identityAddress('email', ' Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('keeps provider ids as sent, trimmed (they are case-sensitive)', () => {
    expect(identityAddress('api', ' CRM-User-42 ')).toBe('CRM-User-42');
    expect(identityAddress('slack', 'U024BE7LH')).toBe('U024BE7LH');
  });
});
