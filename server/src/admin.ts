// Key commands while the server runs on PGlite. PGlite is one process's database: a second
// process opening the same folder could corrupt it. So a server on PGlite also listens on a Unix
// socket in its data folder (mode 0600: only this user), and `npm run server -- key …` sends the
// command there when the server is up, or opens the folder itself when it is not.
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import type { Database } from './db.js';
import { MOVED_FROM_COMMAND_LINE, moveGroup } from './groups.js';
import { createKey, listKeys, revokeKey, type KeyRole } from './keys.js';

export const adminSocketPath = (dataDir: string): string => join(dataDir, 'admin.sock');

export type AdminCommand =
  | { op: 'create'; label: string; role?: KeyRole }
  | { op: 'list' }
  | { op: 'revoke'; id: string }
  | { op: 'move-group'; groupId: string; keyId: string };

export async function runAdminCommand(db: Database, command: AdminCommand): Promise<unknown> {
  switch (command.op) {
    case 'create':
      return createKey(db, command.label, command.role);
    case 'list':
      return listKeys(db);
    case 'revoke':
      return { revoked: await revokeKey(db, command.id) };
    case 'move-group':
      return { outcome: await moveGroup(db, command.groupId, command.keyId, MOVED_FROM_COMMAND_LINE) };
  }
}

export async function startAdminSocket(db: Database, dataDir: string): Promise<{ close(): Promise<void> }> {
  const path = adminSocketPath(dataDir);
  if (existsSync(path)) {
    // Another server already answers there: two servers must not share one PGlite folder.
    if (await socketAnswers(path)) throw new Error(`Another sync server is already using ${dataDir}.`);
    unlinkSync(path);
  }
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) req.destroy();
    });
    req.on('end', async () => {
      try {
        const result = await runAdminCommand(db, JSON.parse(body) as AdminCommand);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result));
      } catch (error) {
        res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: (error as Error).message }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: path, method: 'POST', path: '/', timeout: 2000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end(JSON.stringify({ op: 'list' }));
  });
}

/** Sends a command to a running server; undefined when no server answers on that folder. */
export function sendAdminCommand(dataDir: string, command: AdminCommand): Promise<unknown> {
  const path = adminSocketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: path, method: 'POST', path: '/' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const parsed = JSON.parse(body) as { error?: string };
        if (res.statusCode !== 200) reject(new Error(parsed.error ?? 'The running server refused the command.'));
        else resolve(parsed);
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A socket left behind by a server that stopped without cleaning up.
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') resolve(undefined);
      else reject(error);
    });
    req.end(JSON.stringify(command));
  });
}
