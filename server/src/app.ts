// The HTTP side: the summaries API, health, the OpenAPI document and the office page.
import type { IncomingMessage } from 'node:http';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Database } from './db.js';
import { createSession, endSession, hashSecret, isKeyShaped, listKeys, SESSION_HOURS, verifyKey, verifySession } from './keys.js';
import { OFFICE_CSP, OFFICE_CSS, officePage, signInPage } from './office.js';
import { openApiDocument } from './openapi.js';
import { carryOutRequest, PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_SCHEMAS } from './privacy-requests.js';
import { listSummaries, storeSummary } from './summaries.js';
import { fieldErrors, SummarySchema } from './summary-schema.js';

export const MAX_BODY_BYTES = 256 * 1024;
/** An erasure or deletion request is a few ids. */
export const MAX_REQUEST_BYTES = 4 * 1024;
export const KEY_REFUSED = 'The server did not accept the device key.';
const SESSION_COOKIE = 'heard_office';

export interface AppOptions {
  db: Database;
  /** The only origin whose pages may call the API from a browser (the Heard app). */
  appOrigin: string;
  /** Mark the office cookie Secure (set when the server is reached over HTTPS). */
  secureCookies?: boolean;
  /** Tests only: runs after a summary is stored, before the reply is sent. */
  afterStore?: (id: string) => Promise<void>;
}

type Env = { Variables: { keyId: string } };

const isoDate = z.iso.date();
const FilterSchema = z.strictObject({
  group: z.string().min(1).max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const jsonError = (c: Context, status: 400 | 401 | 404 | 409 | 413 | 415 | 500, error: string, extra: object = {}) =>
  c.json({ error, ...extra }, status);

/**
 * A request header. On Node, read from the incoming message node-server passes along: asking
 * Hono for it builds a web Headers object of every header first, on every request.
 */
function header(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The device key in `Authorization: Bearer <key>`, when there is one of the right shape. */
function bearer(c: Context): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(c, 'Authorization') ?? '');
  return match && isKeyShaped(match[1]!) ? match[1]! : null;
}

function refuseKey(c: Context): Response {
  c.header('WWW-Authenticate', 'Bearer realm="heard"');
  return jsonError(c, 401, KEY_REFUSED);
}

/** `refusal` for a caller with a valid key; 401 for anyone else, so nothing is answered to them. */
type KeyFirst = (c: Context, refusal: () => Response) => Promise<Response>;
const asIs: KeyFirst = async (_c, refusal) => refusal();

function limitBody(maxSize: number, what: string, keyFirst: KeyFirst = asIs): MiddlewareHandler {
  const tooLarge = (c: Context) => {
    // The rest of the body is not read: close the connection so no client reuses it.
    c.header('Connection', 'close');
    return keyFirst(c, () => jsonError(c, 413, `The ${what} is larger than the server accepts (${maxSize / 1024} KB).`));
  };
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    // With a Content-Length (every browser's fetch of a string), Node reads exactly that many bytes:
    // checking the header is enough, and leaves the body to node-server's fast read. Hono's
    // bodyLimit would turn the request into a web stream first, which costs more than the insert.
    const length = header(c, 'Content-Length');
    if (length !== undefined && /^\d+$/.test(length) && !header(c, 'Transfer-Encoding')) {
      return Number(length) > maxSize ? tooLarge(c) : next();
    }
    return streamed(c, next);
  };
}

/** The request's JSON body, or the answer that says why there is none. */
async function readJson(c: Context, what: string): Promise<{ body: unknown } | { refusal: Response }> {
  if (!/^application\/json\b/i.test(header(c, 'Content-Type') ?? '')) {
    return { refusal: jsonError(c, 415, `Send the ${what} as JSON (Content-Type: application/json).`) };
  }
  try {
    return { body: JSON.parse(await c.req.text()) };
  } catch {
    return { refusal: jsonError(c, 400, `The ${what} is not valid JSON.`, { fields: [{ path: '', message: 'Not valid JSON.' }] }) };
  }
}

export function createApp(options: AppOptions): Hono<Env> {
  const { db } = options;
  const app = new Hono<Env>();

  // Headers are set before the answer is made, never on a finished one: changing a finished
  // answer's headers makes node-server build it again as a full web Response.
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    await next();
  });

  // CORS before auth, so a preflight (which carries no key) is answered. Only the app's origin.
  app.use('/api/*', async (c, next) => {
    const allowed = header(c, 'Origin') === options.appOrigin;
    c.header('Vary', 'Origin');
    if (allowed) c.header('Access-Control-Allow-Origin', options.appOrigin);
    if (c.req.method !== 'OPTIONS') return next();
    if (allowed) {
      c.header('Access-Control-Allow-Methods', 'GET,POST,OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Authorization,Content-Type');
      c.header('Access-Control-Max-Age', '600');
    }
    return c.body(null, 204);
  });

  app.get('/api/health', (c) => c.json({ ok: true, database: db.kind }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));

  const isSummaryPost = (c: Context) => c.req.method === 'POST' && c.req.path === '/api/summaries';

  app.use('/api/*', async (c, next) => {
    const secret = bearer(c);
    if (!secret) return refuseKey(c);
    // A summary's key is checked in the statement that stores it: one round trip to the database.
    if (isSummaryPost(c)) return next();
    const keyId = await verifyKey(db, secret);
    if (!keyId) return refuseKey(c);
    c.set('keyId', keyId);
    await next();
  });

  // Before a summary is stored its key is unchecked: a refusal is answered only to a valid key.
  const summaryKeyFirst: KeyFirst = async (c, refusal) => ((await verifyKey(db, bearer(c)!)) ? refusal() : refuseKey(c));

  app.post('/api/summaries', limitBody(MAX_BODY_BYTES, 'summary', summaryKeyFirst), async (c) => {
    const read = await readJson(c, 'summary');
    if ('refusal' in read) return summaryKeyFirst(c, () => read.refusal);
    const parsed = SummarySchema.safeParse(read.body);
    if (!parsed.success) {
      return summaryKeyFirst(c, () => jsonError(c, 400, 'The summary is not valid.', { fields: fieldErrors(parsed.error) }));
    }
    const result = await storeSummary(db, parsed.data, hashSecret(bearer(c)!));
    if (result.outcome === 'key-refused') return refuseKey(c);
    if (result.outcome === 'conflict') {
      return jsonError(c, 409, 'This summary id is already used by a summary of another meeting.');
    }
    const { outcome, stored } = result;
    await options.afterStore?.(stored.id);
    return c.json({ status: outcome, id: stored.id, revision: stored.revision, stored }, outcome === 'created' ? 201 : 200);
  });

  for (const kind of PRIVACY_REQUEST_KINDS) {
    app.post(`/api/requests/${kind}`, limitBody(MAX_REQUEST_BYTES, 'request'), async (c) => {
      const read = await readJson(c, 'request');
      if ('refusal' in read) return read.refusal;
      const parsed = PRIVACY_REQUEST_SCHEMAS[kind].safeParse(read.body);
      if (!parsed.success) return jsonError(c, 400, 'The request is not valid.', { fields: fieldErrors(parsed.error) });
      const { outcome, affected } = await carryOutRequest(options.db, kind, parsed.data, c.get('keyId'));
      if (outcome === 'conflict') return jsonError(c, 409, 'This request id is already used by another request.');
      return c.json({ status: outcome, id: parsed.data.id, kind, affected }, outcome === 'done' ? 201 : 200);
    });
  }

  app.get('/api/summaries', async (c) => {
    const parsed = FilterSchema.safeParse(c.req.query());
    if (!parsed.success) return jsonError(c, 400, 'A filter is not valid.', { fields: fieldErrors(parsed.error) });
    return c.json({ summaries: await listSummaries(db, parsed.data) });
  });

  app.all('/api/*', (c) => jsonError(c, 404, 'There is no such address on this server.'));

  // The office page.
  const html = (c: Context, body: string, status: 200 | 401 = 200) => {
    c.header('Content-Security-Policy', OFFICE_CSP);
    c.header('Cache-Control', 'no-store');
    c.header('X-Frame-Options', 'DENY');
    return c.html(body, status);
  };

  app.get('/office.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(OFFICE_CSS);
  });

  app.get('/', async (c) => {
    const token = getCookie(c, SESSION_COOKIE) ?? '';
    const keyId = token ? await verifySession(db, token) : null;
    if (!keyId) return html(c, signInPage());
    const label = (await listKeys(db)).find((k) => k.id === keyId)?.label ?? keyId;
    return html(c, officePage(await listSummaries(db, { limit: 5000 }), label));
  });

  app.post('/office/sign-in', bodyLimit({ maxSize: 4096, onError: (c) => c.text('Too large', 413) }), async (c) => {
    const form = await c.req.parseBody();
    const key = typeof form.key === 'string' ? form.key.trim() : '';
    const keyId = key ? await verifyKey(db, key) : null;
    if (!keyId) return html(c, signInPage('That key was not accepted. Check it, or ask for a new one.'), 401);
    setCookie(c, SESSION_COOKIE, await createSession(db, keyId), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: options.secureCookies ?? false,
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect('/', 303);
  });

  app.post('/office/sign-out', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  });

  app.onError((error, c) => {
    console.error('Sync server error:', error);
    return jsonError(c, 500, 'The server could not do that just now. Try again later.');
  });

  return app;
}
