import { createDataSource } from '../data-source';
import { provisionTenant } from '../tenant-provisioning';
import { databaseCliConfig } from './cli-config';

/**
 * `node dist/libs/db/src/cli/provision-tenant.js <slug> [name]`: creates the tenant if it is
 * new and prints a fresh API key for it (shown once; only its hash is stored).
 */
async function main(): Promise<void> {
  const [slug, name] = process.argv.slice(2);
  const { DATABASE_URL: url } = databaseCliConfig();
  if (!slug || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) {
    throw new Error('usage: provision-tenant <slug: lower-case letters, digits, "-"> [name]');
  }
  const dataSource = await createDataSource({
    url,
    applicationName: 'switchboard-provision',
  }).initialize();
  try {
    const tenant = await provisionTenant(dataSource, { slug, name: name ?? slug });
    console.log(JSON.stringify(tenant));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
