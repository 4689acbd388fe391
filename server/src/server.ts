// Starts the sync server: opens the database (PGlite in a folder, or PostgreSQL when
// DATABASE_URL is set), runs the migrations, and listens.
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';
import { openDatabase, type Database, type DatabaseOptions } from './db.js';
import { migrate } from './migrations.js';
import { startHousekeeping, startRetention } from './retention.js';

export const DEFAULT_PORT = 8787;
export const DEFAULT_APP_ORIGIN = 'http://127.0.0.1:4173';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;
/** Only this machine can reach an address like this. */
export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

export interface ServerOptions extends DatabaseOptions, Pick<AppOptions, 'hsts' | 'publicOrigin' | 'authLimit' | 'trustProxy' | 'now' | 'afterStore'> {
  port?: number;
  host?: string;
  appOrigin?: string;
  /** Unset: Secure unless the server listens on loopback only. */
  secureCookies?: boolean;
  /** Tests only: how often expired sessions and old request rows are purged (an hour otherwise). */
  housekeepingEveryMs?: number;
  /** Delete summaries of meetings older than this many months, at start and then daily. Unset: keep them. */
  retentionMonths?: number | undefined;
  /** Tests only: how often retention runs after the start (a day otherwise). */
  retentionEveryMs?: number;
  /** Use this open database instead of opening one (it is not closed by close()). */
  db?: Database;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const owned = !options.db;
  const db = options.db ?? (await openDatabase(options));
  let retention: ReturnType<typeof startRetention> | undefined;
  try {
    await migrate(db);
    // Old summaries go before the first request is answered.
    if (options.retentionMonths) {
      retention = startRetention(db, options.retentionMonths, options.retentionEveryMs);
      await retention.first;
    }
  } catch (error) {
    retention?.stop();
    if (owned) await db.close();
    throw error;
  }
  const host = options.host ?? '127.0.0.1';
  const app = createApp({
    db,
    appOrigin: options.appOrigin ?? DEFAULT_APP_ORIGIN,
    secureCookies: options.secureCookies ?? !isLoopback(host),
    hsts: options.hsts ?? false,
    publicOrigin: options.publicOrigin,
    ...(options.authLimit ? { authLimit: options.authLimit } : {}),
    trustProxy: options.trustProxy ?? false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.afterStore ? { afterStore: options.afterStore } : {}),
  });
  const housekeeping = startHousekeeping(db, options.housekeepingEveryMs);
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, (info) => resolve(info.port));
    server.once('error', reject);
  }).catch(async (error) => {
    retention?.stop();
    housekeeping?.stop();
    if (owned) await db.close();
    throw error;
  });
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    db,
    async close() {
      retention?.stop();
      housekeeping?.stop();
      await new Promise<void>((resolve) => {
        const s = server as (ServerType & { closeAllConnections?: () => void }) | undefined;
        if (!s) return resolve();
        s.close(() => resolve());
        s.closeAllConnections?.();
      });
      if (owned) await db.close();
    },
  };
}
