import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SecretsCipher } from './secrets-cipher';

/** Connects a tenant to a channel account (or updates its secrets); returns its id. */
export async function registerChannelAccount(
  dataSource: DataSource,
  cipher: SecretsCipher,
  account: {
    tenantId: string;
    channel: string;
    externalId: string;
    displayName: string;
    secrets: Record<string, string>;
  },
): Promise<string> {
  const id = randomUUID();
  const [row] = await dataSource.query(
    `INSERT INTO channel_accounts (id, tenant_id, channel, external_id, display_name, secrets_ciphertext)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (channel, external_id) DO UPDATE
       SET secrets_ciphertext = EXCLUDED.secrets_ciphertext, display_name = EXCLUDED.display_name
       WHERE channel_accounts.tenant_id = EXCLUDED.tenant_id
     RETURNING id`,
    [
      id,
      account.tenantId,
      account.channel,
      account.externalId,
      account.displayName,
      cipher.encrypt(account.secrets),
    ],
  );
  if (!row)
    throw new Error(`${account.channel} account ${account.externalId} belongs to another tenant`);
  return row.id as string;
}
