import { DataSource } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ContactIdentityEntity } from './entities/contact-identity.entity';
import { ContactEntity } from './entities/contact.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';
import { TenantEntity } from './entities/tenant.entity';
import { InitialSchema1763856000000 } from './migrations/1763856000000-initial-schema';

export const ENTITIES = [
  TenantEntity,
  ApiKeyEntity,
  ContactEntity,
  ContactIdentityEntity,
  ConversationEntity,
  MessageEntity,
];

/** In order. Listed by class (not by glob) so a bundled build finds them. */
export const MIGRATIONS = [InitialSchema1763856000000];

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
    extra: { connectionTimeoutMillis: 5_000 },
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
