import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseOptions } from '../src/db.js';
import { createKey, type KeyRole } from '../src/keys.js';
import { startServer, type RunningServer, type ServerOptions } from '../src/server.js';
import { exampleSummary, type Summary } from '../src/summary-schema.js';

export const APP_ORIGIN = 'http://127.0.0.1:4173';
/** Set by the global setup: DATABASE_URL, or an embedded PostgreSQL started for this run. */
export const DATABASE_URL = inject('databaseUrl') ?? undefined;

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database: a temp folder for PGlite, a new schema on PostgreSQL. */
  fresh(): DatabaseOptions;
  /** Removes every database `fresh` made. */
  cleanup(): Promise<void>;
}

export function pgliteBackend(): Backend {
  const dirs: string[] = [];
  return {
    name: 'pglite',
    fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'heard-server-test-'));
      dirs.push(dir);
      return { dataDir: dir };
    },
    async cleanup() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(url: string): Backend {
  const schemas: string[] = [];
  return {
    name: 'postgres',
    fresh() {
      const schema = `heard_test_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      return { databaseUrl: url, schema };
    },
    async cleanup() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export function backends(): Backend[] {
  if (!DATABASE_URL) {
    // Only HEARD_TEST_POSTGRES=off gets here; the global setup said so once.
    return [pgliteBackend()];
  }
  return [pgliteBackend(), postgresBackend(DATABASE_URL)];
}

/**
 * A server on loopback. Its guessing limit is far above what the tests' refused keys add up to
 * (they all come from 127.0.0.1); the limit's own tests set theirs.
 */
export async function start(options: ServerOptions): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', appOrigin: APP_ORIGIN, authLimit: { max: 10_000, windowMs: 60_000 }, ...options });
}

export async function newKey(server: RunningServer, label = 'Test tablet', role: KeyRole = 'device'): Promise<string> {
  return (await createKey(server.db, label, role)).secret;
}

export function summary(overrides: Partial<Summary> = {}): Summary {
  return exampleSummary({ id: randomUUID(), ...overrides });
}

export function post(server: RunningServer, key: string | undefined, body: unknown, headers: Record<string, string> = {}, path = 'api/summaries') {
  return fetch(new URL(path, server.url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** POST /api/summaries/batch: `body` is usually a list of summaries. */
export function postBatch(server: RunningServer, key: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  return post(server, key, body, headers, 'api/summaries/batch');
}

export function get(server: RunningServer, path: string, key?: string, headers: Record<string, string> = {}) {
  return fetch(new URL(path, server.url), {
    headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...headers },
    redirect: 'manual',
  });
}

export function postRequest(server: RunningServer, key: string | undefined, kind: string, body: unknown) {
  return fetch(new URL(`api/requests/${kind}`, server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Every row of every table of the server's database, as text: where a name must not be found. */
export async function everyRowAsText(server: RunningServer): Promise<string> {
  const tables = await server.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  if (tables.length < 4) throw new Error(`Expected the server's tables, found ${tables.map((t) => t.table_name).join(', ')}`);
  const texts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await server.db.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
    texts.push(`${table_name}:`, ...rows.map((r) => r.row));
  }
  return texts.join('\n');
}

/** True when `name` is in `text` in any case or spacing (JSON escapes included). */
export function holdsName(text: string, name: string): boolean {
  const squash = (s: string) => s.replace(/\s+|\\[nrt]/g, '').toLowerCase();
  return squash(text).includes(squash(name));
}

/** Posts the office sign-in form as the server's own page would (its Origin), unless told another. */
export function signIn(server: RunningServer, key: string, headers: Record<string, string> = { Origin: new URL(server.url).origin }) {
  return fetch(new URL('office/sign-in', server.url), {
    method: 'POST',
    headers,
    body: new URLSearchParams({ key }),
    redirect: 'manual',
  });
}
