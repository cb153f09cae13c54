import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureTemplateDatabase } from './test-database';

/**
 * Once per run, before spec files start in parallel: the migrated template database, and the
 * build that tests running services as real processes (`node dist/…`) execute.
 */
export default async function globalSetup(): Promise<void> {
  await ensureTemplateDatabase();
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: resolve(__dirname, '../..'),
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
