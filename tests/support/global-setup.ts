import { ensureTemplateDatabase } from './test-database';

/** Builds the migrated template database once per run, before spec files clone it. */
export default async function globalSetup(): Promise<void> {
  await ensureTemplateDatabase();
}
