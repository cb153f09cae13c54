import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'sb_';

/** A new API key: shown once to its owner; only the hash is stored. */
export function generateApiKey(): { key: string; hash: string; prefix: string } {
  const key = `${PREFIX}${randomBytes(24).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 10) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
