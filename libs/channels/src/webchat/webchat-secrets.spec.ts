import { webchatSecretsOf } from './webchat-secrets';

describe('webchatSecretsOf', () => {
  it('accepts a token secret of at least 32 characters', () => {
    const secret = 's'.repeat(32);
    expect(webchatSecretsOf({ visitorTokenSecret: secret, other: 'kept out' })).toEqual({
      visitorTokenSecret: secret,
    });
  });

  it('refuses a missing, short or non-string secret', () => {
    expect(webchatSecretsOf({})).toBeNull();
    expect(webchatSecretsOf({ visitorTokenSecret: 's'.repeat(31) })).toBeNull();
    expect(webchatSecretsOf({ visitorTokenSecret: 123 })).toBeNull();
  });
});
