#!/usr/bin/env node
// `npm run server -- <command>` at the repository root:
//   serve                 run the sync server (the default)
//     --retention-months N  delete summaries of meetings older than N months (at start, then daily)
//   key create "<label>"  make a device key and print it once
//   key list              list keys (never the keys themselves)
//   key revoke <id>       revoke a key; it stops working at once
//   migrate               apply the migrations and stop
// Settings come from the environment: see server/README.md.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { adminSocketPath, runAdminCommand, sendAdminCommand, startAdminSocket, type AdminCommand } from './admin.js';
import { DataDirBusyError, defaultDataDir, openDatabase } from './db.js';
import type { DeviceKey } from './keys.js';
import { migrate } from './migrations.js';
import { parseRetentionMonths } from './retention.js';
import { DEFAULT_APP_ORIGIN, DEFAULT_PORT, startServer } from './server.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

const USAGE = `Usage: npm run server -- <command>
  serve                 run the sync server (default)
    --retention-months N  delete summaries of meetings older than N months (at start, then daily)
  key create "<label>"  make a device key, printed once
  key list              list device keys
  key revoke <id>       revoke a key at once
  migrate               apply database migrations and stop`;

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATABASE_URL ? undefined : env.HEARD_DATA_DIR ? resolve(env.HEARD_DATA_DIR) : defaultDataDir(),
    port: env.HEARD_SYNC_PORT ? Number(env.HEARD_SYNC_PORT) : DEFAULT_PORT,
    host: env.HEARD_SYNC_HOST ?? '127.0.0.1',
    appOrigin: env.HEARD_APP_ORIGIN ?? DEFAULT_APP_ORIGIN,
    secureCookies: env.HEARD_SECURE_COOKIES === '1',
    retentionMonths: parseRetentionMonths(env.HEARD_RETENTION_MONTHS, 'HEARD_RETENTION_MONTHS'),
  };
}

/** `serve`'s flags: `--retention-months 24` or `--retention-months=24` (it wins over HEARD_RETENTION_MONTHS); null for anything else. */
function serveFlags(args: string[]): { retentionMonths?: number } | null {
  const flags: { retentionMonths?: number } = {};
  for (let i = 0; i < args.length; i += 1) {
    const [name, inline] = args[i]!.split(/=(.*)/s);
    if (name !== '--retention-months') return null;
    const value = inline ?? args[++i];
    flags.retentionMonths = parseRetentionMonths(value ?? '', '--retention-months');
  }
  return flags;
}

async function keyCommand(command: AdminCommand, env: NodeJS.ProcessEnv): Promise<unknown> {
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
      const label = rest.join(' ').trim();
      if (!label) {
        io.err('Give the key a label: npm run server -- key create "Community hall tablet"');
        return 2;
      }
      const { key, secret } = (await keyCommand({ op: 'create', label }, env)) as { key: DeviceKey; secret: string };
      io.out(`Device key for “${key.label}” (id ${key.id}):`);
      io.out('');
      io.out(`  ${secret}`);
      io.out('');
      io.out('This is the only time it is shown: enter it in Heard (Settings → Sync) on the tablet now,');
      io.out(`or keep it somewhere safe. To stop it working: npm run server -- key revoke ${key.id}`);
      return 0;
    }
    if (sub === 'list') {
      const keys = (await keyCommand({ op: 'list' }, env)) as DeviceKey[];
      if (keys.length === 0) io.out('No device keys yet. Make one with: npm run server -- key create "<label>"');
      for (const key of keys) {
        io.out(`${key.id}  ${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}  created ${key.createdAt}  ${key.label}`);
      }
      return 0;
    }
    if (sub === 'revoke' && rest[0]) {
      const { revoked } = (await keyCommand({ op: 'revoke', id: rest[0] }, env)) as { revoked: boolean };
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
    const flags = serveFlags(sub === undefined ? [] : [sub, ...rest]);
    if (!flags) {
      io.err(USAGE);
      return 2;
    }
    const running = await startSyncServer(env, flags);
    io.out(`Sync server (programme office) at ${running.url} on ${running.db.kind === 'pglite' ? `PGlite in ${running.dataDir}` : 'PostgreSQL'}`);
    io.out(`Office page: ${running.url}  ·  API: ${running.url}api/openapi.json`);
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
export async function startSyncServer(env: NodeJS.ProcessEnv = process.env, overrides: { port?: number; retentionMonths?: number } = {}) {
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
