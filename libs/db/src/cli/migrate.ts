import { createDataSource, runMigrations } from '../data-source';
import { databaseCliConfig } from './cli-config';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const { DATABASE_URL: url } = databaseCliConfig();
  const dataSource = await createDataSource({
    url,
    applicationName: 'switchboard-migrate',
  }).initialize();
  try {
    const applied = await runMigrations(dataSource);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
