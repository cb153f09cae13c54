import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { waitFor } from '../../libs/bus/src/testing/wait-for';

// The repository root, whether this runs from tests/support (Jest) or dist/tests/support (benches).
const root = resolve(__dirname, __dirname.includes(`${sep}dist${sep}`) ? '../../..' : '../..');

/** A service started exactly as deployed: `node dist/apps/<service>/src/main.js`. */
export interface ServiceProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code, after SIGTERM (graceful) or SIGKILL (crash). */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

export function spawnService(service: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, [join(root, `dist/apps/${service}/src/main.js`)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    stop: (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve(child.exitCode);
      }
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      child.kill(signal);
      return exited;
    },
  };
}

export async function waitUntilReady(url: string, service: ServiceProcess): Promise<void> {
  await waitFor(
    async () => {
      if (service.child.exitCode !== null) {
        throw new Error(`service exited early:\n${service.output()}`);
      }
      try {
        return (await fetch(`${url}/health/ready`)).status === 200;
      } catch {
        return false;
      }
    },
    `${url} to be ready`,
    60_000,
  );
}

/**
 * A port nothing listens on now, chosen by the OS (listen on port 0, read it, close). A random
 * number could be a port another test, or an outgoing connection, already holds.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
