import { DataSource } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ChannelAccountEntity } from './entities/channel-account.entity';
import { ContactIdentityEntity } from './entities/contact-identity.entity';
import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { TenantEntity } from './entities/tenant.entity';
import { InitialSchema1763856000000 } from './migrations/1763856000000-initial-schema';
import { Channels1763942400000 } from './migrations/1763942400000-channels';
import { ThreadingLookupIndexes1763949600000 } from './migrations/1763949600000-threading-lookup-indexes';
import { ContactTier1764028800000 } from './migrations/1764028800000-contact-tier';
import { Routing1764115200000 } from './migrations/1764115200000-routing';
import { Sla1764201600000 } from './migrations/1764201600000-sla';
import { ConversationSnooze1764201600001 } from './migrations/1764201600001-conversation-snooze';

export const ENTITIES = [
  TenantEntity,
  ApiKeyEntity,
  ChannelAccountEntity,
  ContactEntity,
  ContactIdentityEntity,
  ConversationEntity,
  MessageEntity,
];

/** In order. Listed by class (not by glob) so a bundled build finds them. */
export const MIGRATIONS = [
  InitialSchema1763856000000,
  Channels1763942400000,
  ThreadingLookupIndexes1763949600000,
  ContactTier1764028800000,
  Routing1764115200000,
  Sla1764201600000,
  ConversationSnooze1764201600001,
];

export interface DataSourceOptions {
  url: string;
  applicationName: string;
  poolSize?: number;
}

/** Explicit migrations only: the schema is never synchronized from entities. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: options.poolSize ?? 10,
    // A stuck query or a half-open connection must fail (and be retried), not hang a
    // consumer past its session timeout or a shutdown past its grace period.
    extra: {
      connectionTimeoutMillis: 5_000,
      statement_timeout: 15_000,
      lock_timeout: 10_000,
      idle_in_transaction_session_timeout: 30_000,
      query_timeout: 20_000,
      keepAlive: true,
    },
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
