import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts provider secrets at rest with AES-256-GCM under a key that lives only in the
 * environment (SWITCHBOARD_SECRETS_KEY, 32 bytes base64). Layout: version | iv | tag | data.
 */
export class SecretsCipher {
  private readonly key: Buffer;

  constructor(base64Key: string) {
    const key = Buffer.from(base64Key, 'base64');
    if (key.length !== 32) {
      throw new Error('SWITCHBOARD_SECRETS_KEY: must be 32 bytes, base64-encoded');
    }
    this.key = key;
  }

  static generateKey(): string {
    return randomBytes(32).toString('base64');
  }

  encrypt(secrets: Record<string, string>): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), data]);
  }

  decrypt(ciphertext: Buffer): Record<string, string> {
    if (ciphertext[0] !== VERSION) throw new Error('Unknown secrets format');
    const iv = ciphertext.subarray(1, 1 + IV_BYTES);
    const tag = ciphertext.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    const data = Buffer.concat([
      decipher.update(ciphertext.subarray(1 + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(data.toString('utf8')) as Record<string, string>;
  }
}
