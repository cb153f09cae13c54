import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateApiKey, hashApiKey } from './api-key-hash';
import { ApiKeyEntity } from './entities/api-key.entity';
import { TenantEntity } from './entities/tenant.entity';

export interface ProvisionedTenant {
  tenantId: string;
  slug: string;
  apiKey: string;
}

/**
 * Creates the tenant if it is new and registers an API key for it: the given one (the
 * embedded demo keeps its key across restarts) or a freshly generated one.
 */
export async function provisionTenant(
  dataSource: DataSource,
  input: { slug: string; name: string; apiKey?: string },
): Promise<ProvisionedTenant> {
  return dataSource.transaction(async (manager) => {
    const existing = await manager.findOne(TenantEntity, { where: { slug: input.slug } });
    const tenantId = existing?.id ?? randomUUID();
    if (!existing) {
      await manager.insert(TenantEntity, { id: tenantId, slug: input.slug, name: input.name });
    }
    const apiKey = input.apiKey ?? generateApiKey().key;
    const keyHash = hashApiKey(apiKey);
    const known = await manager.findOne(ApiKeyEntity, { where: { keyHash } });
    if (known && known.tenantId !== tenantId) {
      throw new Error('That API key already belongs to another tenant');
    }
    if (!known) {
      await manager.insert(ApiKeyEntity, {
        id: randomUUID(),
        tenantId,
        name: input.apiKey ? 'provided' : 'generated',
        keyHash,
        keyPrefix: apiKey.slice(0, 10),
        revokedAt: null,
      });
    }
    return { tenantId, slug: input.slug, apiKey };
  });
}
