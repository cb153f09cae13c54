import { Injectable } from '@nestjs/common';
import { ApiKeyEntity, hashApiKey } from '@switchboard/db';
import { DataSource, IsNull } from 'typeorm';

/**
 * API keys, looked up by their hash. The one lookup not scoped to a tenant: it is how the
 * tenant is found.
 */
@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The tenant a live (not revoked) key belongs to, or null. */
  async findTenantIdByKey(key: string): Promise<string | null> {
    const found = await this.dataSource.getRepository(ApiKeyEntity).findOne({
      select: { tenantId: true },
      where: { keyHash: hashApiKey(key), revokedAt: IsNull() },
    });
    return found?.tenantId ?? null;
  }
}
