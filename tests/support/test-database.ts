import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, MIGRATIONS, runMigrations } from '../../libs/db/src';
import { TEST_POSTGRES_ADMIN_URL } from './infrastructure';

/**
 * The template's name changes whenever the migrations do (their names or their code, so an
 * unreleased migration edited in place counts), so a stale template is never used.
 */
export function templateDatabaseName(): string {
  const hash = createHash('sha256')
    .update(MIGRATIONS.map((migration) => `${migration.name}:${String(migration)}`).join(','))
    .digest('hex')
    .slice(0, 12);
  return `switchboard_template_${hash}`;
}

function urlFor(database: string): string {
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the migrated template database once (immich-style): cloning it is fast. */
export async function ensureTemplateDatabase(): Promise<string> {
  const name = templateDatabaseName();
  const exists = await withAdmin(async (admin) => {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (found.rowCount ?? 0) > 0;
  });
  if (exists) return name;
  // Templates of older migration sets are no use any more: don't let them pile up.
  await withAdmin(async (admin) => {
    const stale = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'switchboard_template_%' AND datname <> $1`,
      [name],
    );
    for (const { datname } of stale.rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
  });
  const building = `${name}_building_${randomUUID().slice(0, 8)}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${building}"`));
  const dataSource = await createDataSource({
    url: urlFor(building),
    applicationName: 'test-template',
  }).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  await withAdmin(async (admin) => {
    // Renamed only when complete, so a half-migrated template can never be cloned.
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`).catch(async (error) => {
      await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
      if (!String(error).includes('already exists')) throw error;
    });
  });
  return name;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one spec file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplateDatabase();
  const name = `switchboard_it_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: urlFor(name),
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
