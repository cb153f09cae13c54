import { generateApiKey, provisionTenant, SecretsCipher } from '@switchboard/db';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/**
 * Seeds the demo tenant. Its API key is generated once and kept in the data directory
 * (mode 0600), so every start prints the same working key and no key ships in the code.
 */
export async function seedDemoTenant(
  dataSource: DataSource,
  dataDir: string,
): Promise<{ tenantId: string; apiKey: string }> {
  const keyFile = join(dataDir, 'demo-api-key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, generateApiKey().key, { mode: 0o600 });
  const apiKey = readFileSync(keyFile, 'utf8').trim();
  const tenant = await provisionTenant(dataSource, { slug: 'demo', name: 'Demo', apiKey });
  return { tenantId: tenant.tenantId, apiKey };
}

/**
 * The key that encrypts channel secrets: SWITCHBOARD_SECRETS_KEY when set, else one generated
 * once into the data directory (mode 0600), like the demo API key.
 */
export function secretsKeyIn(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const keyFile = join(dataDir, 'secrets-key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, SecretsCipher.generateKey(), { mode: 0o600 });
  return readFileSync(keyFile, 'utf8').trim();
}
