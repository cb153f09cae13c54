import { Injectable } from '@nestjs/common';
import { ChannelAccountEntity } from '@switchboard/db';
import { DataSource, IsNull } from 'typeorm';

export interface ChannelAccountRecord {
  id: string;
  tenantId: string;
  secretsCiphertext: Buffer;
}

/** Channel accounts by the provider's id for them (looked up before any tenant is known). */
@Injectable()
export class ChannelAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findActive(channel: string, externalId: string): Promise<ChannelAccountRecord | null> {
    const found = await this.dataSource.getRepository(ChannelAccountEntity).findOne({
      select: { id: true, tenantId: true, secretsCiphertext: true },
      where: { channel, externalId, disabledAt: IsNull() },
    });
    return found ?? null;
  }
}
