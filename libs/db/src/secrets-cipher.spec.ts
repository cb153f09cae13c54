import { SecretsCipher } from './secrets-cipher';

describe('SecretsCipher', () => {
  const cipher = new SecretsCipher(SecretsCipher.generateKey());

  it('round-trips secrets, with a fresh IV each time', () => {
    const secrets = { authToken: 'twilio-token', signingSecret: 's3cr3t' };
    const first = cipher.encrypt(secrets);
    expect(cipher.decrypt(first)).toEqual(secrets);
    expect(cipher.encrypt(secrets).equals(first)).toBe(false);
    expect(first.includes(Buffer.from('twilio-token'))).toBe(false);
  });

  it('detects tampering', () => {
    const ciphertext = cipher.encrypt({ token: 'x' });
    ciphertext[ciphertext.length - 1] ^= 1;
    expect(() => cipher.decrypt(ciphertext)).toThrow();
  });

  it('cannot be read with another key', () => {
    const other = new SecretsCipher(SecretsCipher.generateKey());
    expect(() => other.decrypt(cipher.encrypt({ token: 'x' }))).toThrow();
  });

  it('refuses a key of the wrong size, naming the setting', () => {
    expect(() => new SecretsCipher(Buffer.alloc(16).toString('base64'))).toThrow(
      /SWITCHBOARD_SECRETS_KEY/,
    );
  });
});
