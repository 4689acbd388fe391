// The one interface the server talks to, with two implementations: PGlite (Postgres compiled to
// WASM, embedded, data in a folder) and real PostgreSQL through `pg`. The SQL the rest of the
// server sends is plain PostgreSQL that both run unchanged.
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgres';

/** A timestamp column as ISO 8601 (pg gives a Date, PGlite a Date or text). */
export const isoTime = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();

/**
 * A statement that failed, by name only. The database's own error is not kept: its message and
 * detail can quote the values sent (a summary's text, a key's hash), and this error may be logged.
 */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly statement: string,
    /** The SQLSTATE, e.g. 23505; never the values. */
    readonly code: string | undefined,
  ) {
    super(`The statement ${statement} failed${code ? ` (SQLSTATE ${code})` : ''}.`);
  }
}

/** A statement's name: its leading comment (`/* store-summary *\/ …`), else its verb and table. */
export function statementName(sql: string): string {
  const named = /^\s*\/\*\s*([\w-]+)\s*\*\//.exec(sql);
  if (named) return named[1]!;
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
  const table = /\b(?:INTO|FROM|UPDATE|TABLE)\s+([a-z_][a-z0-9_.]*)/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

async function named<T>(sql: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new QueryError(statementName(sql), typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined);
  }
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs several statements (no parameters), e.g. a migration file. */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when given, real PostgreSQL is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database (created when missing). */
  dataDir?: string | undefined;
  /** PostgreSQL only: the schema to use (created when missing), e.g. to keep test runs apart. */
  schema?: string | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  return openPglite(options.dataDir ?? defaultDataDir());
}

export function defaultDataDir(): string {
  return resolve(fileURLToPath(new URL('../.data', import.meta.url)));
}

/** Thrown when another live process has the PGlite folder open. */
export class DataDirBusyError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`Another process (pid ${pid}) has the sync server's data folder ${dataDir} open.`);
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: two processes on one folder could corrupt it. A lock file
 * holding the owner's pid keeps a second one out; a lock left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'heard-server.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (pid === process.pid) throw new DataDirBusyError(dataDir, pid);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DataDirBusyError(dataDir, pid);
      unlinkSync(path);
    }
  }
  throw new Error(`Could not lock ${dataDir}.`);
}

/**
 * The data folder holds every summary: only its owner may enter it (0700), and what is in it is
 * made readable by its owner only (a folder from before, or copied in with other modes). Files
 * are made under a umask without group and other bits; PGlite sets some files' modes itself
 * (0644), so the folder is gone over again once it is open and when it is closed. In between,
 * such a file is still out of other users' reach: they cannot enter the folder.
 */
export function keepPrivate(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const before = process.umask(0o077);
  process.umask(before | 0o077);
  tighten(dataDir);
}

function tighten(dataDir: string): void {
  const stack = [dataDir];
  // Bounded: a data folder holds a few thousand files at most; symbolic links are not followed.
  for (let seen = 0; stack.length > 0 && seen < 100_000; seen += 1) {
    const path = stack.pop()!;
    const info = lstatSync(path);
    if (info.isSymbolicLink()) continue;
    if ((info.mode & 0o077) !== 0) chmodSync(path, info.mode & 0o700);
    if (info.isDirectory()) for (const name of readdirSync(path)) stack.push(join(path, name));
  }
}

/**
 * PostgreSQL's settings for PGlite, after PGlite's own start parameters (its defaultStartParams,
 * repeated here since giving any replaces them all). PGlite's WASM memory only grows, and what it
 * touches stays in the server's RSS (issue 19, server/README.md):
 * - shared_buffers 16 MB, not 128 MB: PGlite writes the whole buffer pool at start, so each MB of
 *   it is a MB of RSS from the first second; 16 MB holds the indexes the office and the sends use
 *   (about 4 MB each at 100,000 summaries) and the recent rows, and a page outside it is one read
 *   from the OS's page cache, not from the disk.
 * - wal_buffers 4 MB, what 128 MB of shared_buffers gave: left to follow shared_buffers it would be
 *   512 kB, and writes would wait on WAL flushes far more often.
 * - default_statistics_target 20, not 100: ANALYZE holds its sample rows (300 × the target) in
 *   memory at once, 30,000 summaries of about 1.3 KB at 100. The office's queries are on the group,
 *   date and id, whose estimates need no finer histogram.
 */
export const PGLITE_START_PARAMS: readonly string[] = [
  ...['--single', '-F', '-O', '-j'],
  ...['search_path=public', 'exit_on_error=false', 'log_checkpoints=false', 'max_worker_processes=0', 'max_parallel_workers=0'].flatMap((s) => ['-c', s]),
  ...['max_parallel_workers_per_gather=0', 'io_method=sync', 'max_parallel_maintenance_workers=0'].flatMap((s) => ['-c', s]),
  ...['shared_buffers=16MB', 'wal_buffers=4MB', 'default_statistics_target=20'].flatMap((s) => ['-c', s]),
];

async function openPglite(dataDir: string): Promise<Database> {
  keepPrivate(dataDir);
  const unlock = lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir, { startParams: [...PGLITE_START_PARAMS] });
    tighten(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      return named(sql, async () => (await db.query<T>(sql, params)).rows);
    },
    async exec(sql) {
      await named(sql, () => db.exec(sql));
    },
    transaction(fn) {
      return db.transaction((tx) =>
        fn({
          async query<T>(sql: string, params: unknown[] = []) {
            return named(sql, async () => (await tx.query<T>(sql, params)).rows);
          },
        }),
      );
    },
    async close() {
      await db.close();
      tighten(dataDir);
      unlock();
    },
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function openPostgres(databaseUrl: string, schema?: string): Promise<Database> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection that the server drops must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL connection error:', error.message));
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return named(sql, async () => (await pool.query(sql, params)).rows as T[]);
    },
    async exec(sql) {
      await named(sql, () => pool.query(sql));
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<T>(sql: string, params: unknown[] = []) {
            return named(sql, async () => (await client.query(sql, params)).rows as T[]);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
