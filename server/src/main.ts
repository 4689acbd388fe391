#!/usr/bin/env node
// `npm run server -- <command>` at the repository root:
//   serve                 run the sync server (the default)
//     --retention-months N  delete summaries of meetings older than N months (at start, then daily)
//   key create "<label>"  make a device key (a tablet's: it only sends) and print it once
//     --role office         an office key instead: reads summaries, signs in to the office page
//   key list              list keys and their roles (never the keys themselves)
//   key revoke <id>       revoke a key; it stops working at once
//   group move <group id> <key id>  give a group to another tablet's device key (logged)
//   migrate               apply the migrations and stop
// Settings come from the environment: see server/README.md.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { adminSocketPath, runAdminCommand, sendAdminCommand, startAdminSocket, type AdminCommand } from './admin.js';
import { DataDirBusyError, defaultDataDir, openDatabase } from './db.js';
import { parseAuthLimit, type AuthLimitOptions } from './auth-limit.js';
import type { MoveOutcome } from './groups.js';
import { keyAdvice } from './key-advice.js';
import { KEY_ROLES, type DeviceKey, type KeyRole } from './keys.js';
import { migrate } from './migrations.js';
import { parseRetentionMonths } from './retention.js';
import { DEFAULT_APP_ORIGIN, DEFAULT_PORT, isLoopback, startServer } from './server.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

const USAGE = `Usage: npm run server -- <command>
  serve                 run the sync server (default)
    --retention-months N  delete summaries of meetings older than N months (at start, then daily)
    --auth-failures N     failed authentications allowed per client address in a window (10)
    --auth-window-seconds S  that window, in seconds (60)
  key create "<label>"  make a tablet's device key (it may only send), printed once
    --role office         make an office key instead (reads summaries, signs in to the office page)
  key list              list keys and their roles
  key revoke <id>       revoke a key at once
  group move <group id> <key id>  give a group to another tablet's device key
  migrate               apply database migrations and stop`;


const AUTH_ENV = { failures: 'HEARD_AUTH_FAILURES', seconds: 'HEARD_AUTH_WINDOW_SECONDS' };
const AUTH_FLAGS = { failures: '--auth-failures', seconds: '--auth-window-seconds' };

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const host = env.HEARD_SYNC_HOST ?? '127.0.0.1';
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATABASE_URL ? undefined : env.HEARD_DATA_DIR ? resolve(env.HEARD_DATA_DIR) : defaultDataDir(),
    port: env.HEARD_SYNC_PORT ? Number(env.HEARD_SYNC_PORT) : DEFAULT_PORT,
    host,
    appOrigin: env.HEARD_APP_ORIGIN ?? DEFAULT_APP_ORIGIN,
    publicOrigin: env.HEARD_PUBLIC_ORIGIN || undefined,
    // Secure unless the server listens on loopback only (plain http://127.0.0.1 on this machine);
    // HEARD_SECURE_COOKIES=1 or 0 says so outright.
    secureCookies: env.HEARD_SECURE_COOKIES === '1' || (env.HEARD_SECURE_COOKIES !== '0' && !isLoopback(host)),
    hsts: env.HEARD_SECURE_COOKIES === '1',
    trustProxy: env.HEARD_TRUST_PROXY === '1',
    authLimit: parseAuthLimit(env.HEARD_AUTH_FAILURES, env.HEARD_AUTH_WINDOW_SECONDS, AUTH_ENV),
    retentionMonths: parseRetentionMonths(env.HEARD_RETENTION_MONTHS, 'HEARD_RETENTION_MONTHS'),
  };
}

interface ServeFlags {
  retentionMonths?: number;
  authLimit?: AuthLimitOptions;
}

/**
 * `serve`'s flags, as `--name value` or `--name=value`; each wins over its environment variable.
 * Null for anything else.
 */
function serveFlags(args: string[], env: NodeJS.ProcessEnv): ServeFlags | null {
  const flags: ServeFlags = {};
  const auth: { failures?: string; seconds?: string } = {};
  for (let i = 0; i < args.length; i += 1) {
    const [name, inline] = args[i]!.split(/=(.*)/s);
    const value = inline ?? args[++i] ?? '';
    if (name === '--retention-months') flags.retentionMonths = parseRetentionMonths(value, '--retention-months');
    else if (name === AUTH_FLAGS.failures) auth.failures = value;
    else if (name === AUTH_FLAGS.seconds) auth.seconds = value;
    else return null;
  }
  if (auth.failures !== undefined || auth.seconds !== undefined) {
    flags.authLimit = parseAuthLimit(auth.failures ?? env.HEARD_AUTH_FAILURES, auth.seconds ?? env.HEARD_AUTH_WINDOW_SECONDS, {
      failures: auth.failures !== undefined ? AUTH_FLAGS.failures : AUTH_ENV.failures,
      seconds: auth.seconds !== undefined ? AUTH_FLAGS.seconds : AUTH_ENV.seconds,
    });
  }
  return flags;
}

/** `key create`'s words and its `--role office` (or `--role=office`), wherever it is among them. */
function createArgs(args: string[]): { label: string; role: KeyRole } | { problem: string } {
  const words: string[] = [];
  let role: string = 'device';
  for (let i = 0; i < args.length; i += 1) {
    const [name, inline] = args[i]!.split(/=(.*)/s);
    if (name === '--role') role = inline ?? args[++i] ?? '';
    else words.push(args[i]!);
  }
  if (!(KEY_ROLES as readonly string[]).includes(role)) return { problem: `A key's role is device or office, not "${role}".` };
  return { label: words.join(' ').trim(), role: role as KeyRole };
}

async function adminCommand(command: AdminCommand, env: NodeJS.ProcessEnv): Promise<unknown> {
  const settings = settingsFromEnv(env);
  let db;
  for (const started = Date.now(); ; ) {
    if (!settings.databaseUrl) {
      const viaServer = await sendAdminCommand(settings.dataDir!, command);
      if (viaServer !== undefined) return viaServer;
    }
    try {
      db = await openDatabase(settings);
      break;
    } catch (error) {
      // A server is starting on this folder and will answer on its socket in a moment.
      if (!(error instanceof DataDirBusyError) || Date.now() - started > 60_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await migrate(db);
    return await runAdminCommand(db, command);
  } finally {
    await db.close();
  }
}

export async function runCli(args: string[], io: Io = consoleIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command = 'serve', sub, ...rest] = args;
  if (command === 'key') {
    if (sub === 'create') {
      const parsed = createArgs(rest);
      if ('problem' in parsed) {
        io.err(parsed.problem);
        return 2;
      }
      if (!parsed.label) {
        io.err('Give the key a label: npm run server -- key create "Community hall tablet" (add --role office for the office)');
        return 2;
      }
      const { key, secret } = (await adminCommand({ op: 'create', ...parsed }, env)) as { key: DeviceKey; secret: string };
      io.out(`${key.role === 'office' ? 'Office key' : 'Device key'} for “${key.label}” (id ${key.id}):`);
      io.out('');
      io.out(`  ${secret}`);
      io.out('');
      for (const line of keyAdvice(key.role === 'office' ? 'office' : 'device')) io.out(line);
      io.out(`To stop it working: npm run server -- key revoke ${key.id}`);
      return 0;
    }
    if (sub === 'list') {
      const keys = (await adminCommand({ op: 'list' }, env)) as DeviceKey[];
      if (keys.length === 0) io.out('No keys yet. Make one with: npm run server -- key create "<label>" [--role office]');
      for (const key of keys) {
        io.out(`${key.id}  ${key.role.padEnd(6)}  ${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}  created ${key.createdAt}  ${key.label}`);
      }
      return 0;
    }
    if (sub === 'revoke' && rest[0]) {
      const { revoked } = (await adminCommand({ op: 'revoke', id: rest[0] }, env)) as { revoked: boolean };
      if (!revoked) {
        io.err(`There is no key with id ${rest[0]}. See: npm run server -- key list`);
        return 1;
      }
      io.out(`Key ${rest[0]} is revoked: it stopped working now.`);
      return 0;
    }
    io.err(USAGE);
    return 2;
  }
  if (command === 'group') {
    const [groupId, keyId, ...extra] = rest;
    if (sub !== 'move' || !groupId || !keyId || extra.length > 0) {
      io.err(USAGE);
      return 2;
    }
    const { outcome } = (await adminCommand({ op: 'move-group', groupId, keyId }, env)) as { outcome: MoveOutcome };
    if (outcome === 'no-such-key') {
      io.err(`There is no active device key with id ${keyId}: the group was not moved. See: npm run server -- key list`);
      return 1;
    }
    io.out(outcome === 'moved' ? `Group ${groupId} now belongs to key ${keyId}. The move is logged.` : `Group ${groupId} already belongs to key ${keyId}.`);
    return 0;
  }
  if (command === 'migrate') {
    const db = await openDatabase(settingsFromEnv(env));
    try {
      const applied = await migrate(db);
      io.out(applied.length ? `Applied migrations ${applied.join(', ')}.` : 'The database is up to date.');
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'serve') {
    const flags = serveFlags(sub === undefined ? [] : [sub, ...rest], env);
    if (!flags) {
      io.err(USAGE);
      return 2;
    }
    const running = await startSyncServer(env, flags);
    io.out(`Sync server (programme office) at ${running.url} on ${running.db.kind === 'pglite' ? `PGlite in ${running.dataDir}` : 'PostgreSQL'}`);
    io.out(`Office page: ${running.url} (sign in with an office key: key create "Programme office" --role office)  ·  API: ${running.url}api/openapi.json`);
    const months = flags.retentionMonths ?? settingsFromEnv(env).retentionMonths;
    io.out(months ? `Retention: summaries of meetings more than ${months} months ago are deleted at start and daily.` : 'Retention: off (summaries are kept until a device asks for them to be deleted).');
    const stop = () => void running.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1; // keeps running
  }
  io.err(USAGE);
  return 2;
}

/** The server with the settings from the environment, plus the key socket on PGlite. */
export async function startSyncServer(env: NodeJS.ProcessEnv = process.env, overrides: { port?: number } & ServeFlags = {}) {
  const settings = settingsFromEnv(env);
  const server = await startServer({ ...settings, ...overrides });
  const admin = settings.databaseUrl ? undefined : await startAdminSocket(server.db, settings.dataDir!).catch(async (error) => {
    await server.close();
    throw error;
  });
  return {
    ...server,
    dataDir: settings.dataDir,
    adminSocket: settings.dataDir ? adminSocketPath(settings.dataDir) : undefined,
    async close() {
      await admin?.close();
      await server.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
