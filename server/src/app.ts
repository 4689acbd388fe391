// The HTTP side: the summaries API, health, the OpenAPI document and the office page.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { authLimiter, DEFAULT_AUTH_LIMIT, type AuthLimitOptions } from './auth-limit.js';
import { coalesce } from './coalesce.js';
import { QueryError, type Database } from './db.js';
import { groupOwners, moveGroup, recentMoves } from './groups.js';
import { createSession, endSession, isKeyShaped, listKeys, SESSION_HOURS, verifyKey, verifyKeys, verifySession, type Caller, type KeyRole } from './keys.js';
import { OFFICE_CSP, OFFICE_CSS, officePage, signInPage } from './office.js';
import { registerReflectionRoutes } from './office-reflection-routes.js';
import { openApiDocument } from './openapi.js';
import { problem, ProblemError, PROBLEM_STATUS, type ProblemCode } from './problems.js';
import { carryOutRequest, PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_SCHEMAS } from './privacy-requests.js';
import {
  countMatching,
  decodeCursor,
  DEFAULT_PAGE,
  listSummaries,
  MAX_PAGE,
  storeSummaries,
  storeTogether,
  type Refusal,
  type Sent,
  type StoreOutcome,
} from './summaries.js';
import { fieldErrors, SummarySchema, type FieldError, type Summary } from './summary-schema.js';
import { badTextFields, mayHoldBadText } from './text-check.js';

export const MAX_BODY_BYTES = 256 * 1024;
/** An erasure or deletion request is a few ids. */
export const MAX_REQUEST_BYTES = 4 * 1024;
export const KEY_REFUSED = 'The server did not accept the device key.';
export const GROUP_REFUSED = 'This key may not change that group: it is another tablet’s. Ask the office.';
export const ROLE_REFUSED: Record<KeyRole, string> = {
  device: 'A tablet’s device key may only send summaries and requests; reading them needs an office key.',
  office: 'An office key cannot send summaries as a tablet; only a tablet’s device key can.',
};
const SESSION_COOKIE = 'heard_office';
/** Summaries in one batch at most, and the batch's size at most (any one summary still 256 KB at most). */
export const MAX_BATCH = 100;
export const MAX_BATCH_BYTES = 1024 * 1024;
export const DUPLICATE_IN_BATCH = 'This summary id is already earlier in this batch: only its first copy was looked at.';

/** What the single send refuses a summary with: its code and words. */
const REFUSALS: Record<Refusal, [ProblemCode, string]> = {
  forbidden: ['group-forbidden', GROUP_REFUSED],
  conflict: ['id-conflict', 'This summary id is already used by a summary of another meeting.'],
  changed: ['revision-changed', 'A different summary is already stored with this id and revision. A changed summary needs a higher revision.'],
};

/**
 * One summary's answer in a batch, in the order sent: what the single send would have answered,
 * with `httpStatus` the status it would have had when refused. `id` is null when the element had none.
 */
export type BatchResult =
  | { id: string; status: StoreOutcome; revision: number }
  | { id: string | null; status: 'refused'; httpStatus: number; code: ProblemCode; error: string; fields?: FieldError[] };

const idOf = (element: unknown): string | null => {
  const id = (element as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 100 ? id : null;
};

/** Summaries on one office page. */
export const OFFICE_PAGE = 100;

export interface AppOptions {
  db: Database;
  /** The only origin whose pages may call the API from a browser (the Heard app). */
  appOrigin: string;
  /** Mark the office cookie Secure (the server's default unless it listens on loopback only). */
  secureCookies?: boolean;
  /** Send Strict-Transport-Security on every answer (it is sent anyway on one that came over TLS). */
  hsts?: boolean;
  /**
   * The office page's own origin, e.g. https://office.example.org behind a proxy that ends TLS.
   * A form post must come from it. Unset: the origin the request was made to.
   */
  publicOrigin?: string | undefined;
  /** Failed authentications allowed per client address in a window. */
  authLimit?: AuthLimitOptions;
  /** The client's address is the last one in X-Forwarded-For (set behind a reverse proxy that adds it). */
  trustProxy?: boolean;
  /** The clock the guessing limit counts with; tests move it. */
  now?: () => number;
  /** Tests only: runs after a summary is stored, before the reply is sent. */
  afterStore?: (id: string) => Promise<void>;
}

type Env = { Variables: { caller: Caller } };

const isoDate = z.iso.date();
const ListQuerySchema = z.strictObject({
  group: z.string().min(1).max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
  cursor: z.string().min(1).max(1000).optional(),
});

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
  return problem(c, 'key-refused', KEY_REFUSED);
}

function limitBody(maxSize: number, what: string): MiddlewareHandler {
  const tooLarge = (c: Context) => {
    // The rest of the body is not read: close the connection so no client reuses it.
    c.header('Connection', 'close');
    return problem(c, 'too-large', `The ${what} is larger than the server accepts (${maxSize / 1024} KB).`);
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

const textRefused = (what: string, fields: FieldError[]) =>
  new ProblemError('bad-text', `The ${what} holds text that cannot be stored.`, { fields });

/** The request's JSON body and its text; a ProblemError says why there is none. */
async function parseJson(c: Context, what: string): Promise<{ body: unknown; text: string }> {
  if (!/^application\/json\b/i.test(header(c, 'Content-Type') ?? '')) {
    throw new ProblemError('not-json-type', `Send the ${what} as JSON (Content-Type: application/json).`);
  }
  try {
    const text = await c.req.text();
    return { body: JSON.parse(text) as unknown, text };
  } catch {
    throw new ProblemError('invalid', `The ${what} is not valid JSON.`, { fields: [{ path: '', message: 'Not valid JSON.' }] });
  }
}

/** The request's JSON body and its text, its text checked; a ProblemError says why there is none. */
async function readCheckedJson(c: Context, what: string): Promise<{ body: unknown; text: string }> {
  const read = await parseJson(c, what);
  // Before the schema: a NUL or a lone surrogate is refused wherever it is, also where the schema
  // would let the text through to the database.
  const bad = mayHoldBadText(read.text) ? badTextFields(read.body) : [];
  if (bad.length) throw textRefused(what, bad);
  return read;
}

/** The request's JSON body; a ProblemError says why there is none. */
async function readJson(c: Context, what: string): Promise<unknown> {
  return (await readCheckedJson(c, what)).body;
}

/**
 * Requests to the database that arrive together are made together (src/coalesce.ts): PGlite runs
 * one statement at a time, so one run at once; PostgreSQL a few, within its pool of 10 connections.
 */
const RUNS_AT_ONCE: Record<Database['kind'], number> = { pglite: 1, postgres: 4 };
/** Keys checked in one query at most. */
const KEYS_AT_ONCE = 200;

/** The address a request came from: the socket's, or the proxy's word for it when trusted. */
function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = header(c, 'X-Forwarded-For')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}

export function createApp(options: AppOptions): Hono<Env> {
  const { db } = options;
  const app = new Hono<Env>();
  const limiter = authLimiter(options.authLimit ?? DEFAULT_AUTH_LIMIT, options.now);
  const address = (c: Context) => clientAddress(c, options.trustProxy ?? false);
  // Each request's key is still read from the database (a revoked key is refused by the next
  // request), and each single send is still one summary with its own answer; those that wait at
  // the same moment share a query, and their summaries one statement (at most a batch's worth).
  const concurrency = RUNS_AT_ONCE[db.kind];
  const checkKey = coalesce((secrets: string[]) => verifyKeys(db, secrets), { concurrency, maxItems: KEYS_AT_ONCE });
  const store = coalesce((sent: (Sent & { bytes: number })[]) => storeTogether(db, sent), {
    concurrency,
    maxItems: MAX_BATCH,
    weight: (sent) => sent.bytes,
    maxWeight: MAX_BATCH_BYTES,
    key: (sent) => sent.summary.id.toLowerCase(),
  });

  // Headers are set before the answer is made, never on a finished one: changing a finished
  // answer's headers makes node-server build it again as a full web Response.
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if (options.hsts || c.req.url.startsWith('https:')) c.header('Strict-Transport-Security', 'max-age=31536000');
    await next();
  });

  // CORS before auth, so a preflight (which carries no key) is answered. Only the app's origin.
  app.use('/api/*', async (c, next) => {
    const allowed = header(c, 'Origin') === options.appOrigin;
    c.header('Vary', 'Origin');
    if (allowed) {
      c.header('Access-Control-Allow-Origin', options.appOrigin);
      // So the app can read how long a 429 asks it to wait.
      c.header('Access-Control-Expose-Headers', 'Retry-After');
    }
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

  /** 429 with Retry-After when this address has used up its failed authentications. */
  const tooManyFailures = (c: Context, answer: (seconds: number) => Response): Response | null => {
    const seconds = limiter.retryAfter(address(c));
    if (seconds === null) return null;
    c.header('Retry-After', String(seconds));
    return answer(seconds);
  };
  const waitWords = (seconds: number) =>
    `Too many keys that were not accepted came from this address. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;

  // The key is checked before the body is read or parsed: a caller without a valid key gets 401
  // and nothing else, whatever it sent.
  app.use('/api/*', async (c, next) => {
    const waiting = tooManyFailures(c, (seconds) => problem(c, 'too-many-failures', waitWords(seconds)));
    if (waiting) return waiting;
    const secret = bearer(c);
    const caller = secret ? await checkKey(secret) : null;
    if (!caller) {
      limiter.fail(address(c));
      return refuseKey(c);
    }
    c.set('caller', caller);
    await next();
  });

  const needsRole =
    (role: KeyRole): MiddlewareHandler<Env> =>
    async (c, next) =>
      c.get('caller').role === role ? next() : problem(c, 'wrong-role', ROLE_REFUSED[c.get('caller').role]);

  app.post('/api/summaries', needsRole('device'), limitBody(MAX_BODY_BYTES, 'summary'), async (c) => {
    const read = await readCheckedJson(c, 'summary');
    const parsed = SummarySchema.safeParse(read.body);
    if (!parsed.success) return problem(c, 'invalid', 'The summary is not valid.', { fields: fieldErrors(parsed.error) });
    const result = await store({ summary: parsed.data, keyId: c.get('caller').id, bytes: read.text.length });
    if ('error' in result) throw result.error;
    if ('stored' in result) {
      const { outcome, stored } = result;
      await options.afterStore?.(stored.id);
      return c.json({ status: outcome, id: stored.id, revision: stored.revision, stored }, outcome === 'created' ? 201 : 200);
    }
    return problem(c, ...REFUSALS[result.outcome]);
  });

  // Many summaries in one request, each judged as the single send judges it (see BatchResult).
  app.post('/api/summaries/batch', needsRole('device'), limitBody(MAX_BATCH_BYTES, 'batch'), async (c) => {
    const read = await parseJson(c, 'batch');
    if (!Array.isArray(read.body)) {
      return problem(c, 'invalid', 'The batch is not a list of summaries.', { fields: [{ path: '', message: 'Must be a JSON array of summaries.' }] });
    }
    if (read.body.length > MAX_BATCH) {
      c.header('Connection', 'close');
      return problem(c, 'too-large', `The batch holds more than ${MAX_BATCH} summaries. Send at most ${MAX_BATCH} at a time.`);
    }
    const checkText = mayHoldBadText(read.text);
    const results: (BatchResult | null)[] = [];
    const valid: Summary[] = [];
    const seen = new Set<string>();
    for (const element of read.body as unknown[]) {
      const id = idOf(element);
      const refuse = (code: ProblemCode, error: string, fields?: FieldError[]) =>
        results.push({ id, status: 'refused', httpStatus: PROBLEM_STATUS[code], code, error, ...(fields ? { fields } : {}) });
      const bad = checkText ? badTextFields(element) : [];
      if (bad.length) refuse('bad-text', 'The summary holds text that cannot be stored.', bad);
      else if (Buffer.byteLength(JSON.stringify(element) ?? '') > MAX_BODY_BYTES) refuse('too-large', `The summary is larger than the server accepts (${MAX_BODY_BYTES / 1024} KB).`);
      else {
        const parsed = SummarySchema.safeParse(element);
        if (!parsed.success) refuse('invalid', 'The summary is not valid.', fieldErrors(parsed.error));
        else if (seen.has(parsed.data.id.toLowerCase())) refuse('id-conflict', DUPLICATE_IN_BATCH);
        else {
          seen.add(parsed.data.id.toLowerCase());
          valid.push(parsed.data);
          results.push(null);
        }
      }
    }
    const stored = await storeSummaries(db, valid, c.get('caller').id);
    let next = 0;
    const answers: BatchResult[] = [];
    for (const result of results) {
      if (result) {
        answers.push(result);
        continue;
      }
      const summary = valid[next]!;
      const outcome = stored[next]!;
      next += 1;
      if ('stored' in outcome) {
        await options.afterStore?.(summary.id);
        answers.push({ id: summary.id, status: outcome.outcome, revision: outcome.stored.revision });
      } else {
        const [code, error] = REFUSALS[outcome.outcome];
        answers.push({ id: summary.id, status: 'refused', httpStatus: PROBLEM_STATUS[code], code, error });
      }
    }
    return c.json({ results: answers });
  });

  for (const kind of PRIVACY_REQUEST_KINDS) {
    app.post(`/api/requests/${kind}`, limitBody(MAX_REQUEST_BYTES, 'request'), async (c) => {
      const parsed = PRIVACY_REQUEST_SCHEMAS[kind].safeParse(await readJson(c, 'request'));
      if (!parsed.success) return problem(c, 'invalid', 'The request is not valid.', { fields: fieldErrors(parsed.error) });
      const { outcome, affected } = await carryOutRequest(options.db, kind, parsed.data, c.get('caller'));
      if (outcome === 'forbidden') return problem(c, 'group-forbidden', GROUP_REFUSED);
      if (outcome === 'conflict') return problem(c, 'id-conflict', 'This request id is already used by another request.');
      return c.json({ status: outcome, id: parsed.data.id, kind, affected }, outcome === 'done' ? 201 : 200);
    });
  }

  app.get('/api/summaries', needsRole('office'), async (c) => {
    const query = c.req.query();
    const bad = badTextFields(query);
    if (bad.length) throw textRefused('query', bad);
    const parsed = ListQuerySchema.safeParse(query);
    if (!parsed.success) return problem(c, 'invalid', 'A filter is not valid.', { fields: fieldErrors(parsed.error) });
    const { limit = DEFAULT_PAGE, cursor, ...filter } = parsed.data;
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && !after) {
      return problem(c, 'invalid', 'A filter is not valid.', { fields: [{ path: 'cursor', message: 'Not a cursor this server gave: start again without it.' }] });
    }
    return c.json(await listSummaries(db, filter, { limit, after }));
  });

  app.all('/api/*', (c) => problem(c, 'no-such-address', 'There is no such address on this server.'));

  // The office page.
  const html = (c: Context, body: string, status: 200 | 400 | 401 | 403 | 404 | 429 = 200) => {
    c.header('Content-Security-Policy', OFFICE_CSP);
    c.header('Cache-Control', 'no-store');
    c.header('X-Frame-Options', 'DENY');
    // Same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the page's
    // own form posts, and those are accepted only from this origin.
    c.header('Referrer-Policy', 'same-origin');
    return c.html(body, status);
  };

  app.get('/office.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(OFFICE_CSS);
  });

  const session = (c: Context) => {
    const token = getCookie(c, SESSION_COOKIE) ?? '';
    return token ? verifySession(db, token) : Promise.resolve(null);
  };

  app.get('/', async (c) => {
    const office = await session(c);
    if (!office) return html(c, signInPage());
    const cursor = c.req.query('after');
    const after = cursor ? decodeCursor(cursor) : null;
    const [page, counted, keys, moves] = await Promise.all([
      listSummaries(db, {}, { limit: OFFICE_PAGE, after }),
      countMatching(db, {}, after),
      listKeys(db),
      recentMoves(db),
    ]);
    const owners = await groupOwners(db, [...new Set(page.summaries.map((s) => s.summary.groupId))]);
    return html(c, officePage({ ...page, ...counted, owners, keys, moves, keyLabel: office.label }));
  });

  registerReflectionRoutes(app, { db, session, html, signIn: signInPage, now: options.now ?? Date.now });

  /**
   * A form post must come from this server's own page: its Origin (or, without one, its Referer)
   * is this origin. Another site's page cannot sign someone in, out, or move a group.
   */
  const fromOwnPage = (c: Context): boolean => {
    const own = options.publicOrigin ?? new URL(c.req.url).origin;
    const origin = header(c, 'Origin');
    if (origin !== undefined) return origin === own;
    const referer = header(c, 'Referer');
    if (!referer) return false;
    try {
      return new URL(referer).origin === own;
    } catch {
      return false;
    }
  };
  const FOREIGN = 'This form was not sent from this server’s own page, so it was not accepted. Open the office page at its own address and try again.';
  const officeForm = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => c.text('Too large', 413) });

  app.post('/office/sign-in', officeForm(4096), async (c) => {
    if (!fromOwnPage(c)) return html(c, signInPage(FOREIGN), 403);
    const waiting = tooManyFailures(c, (seconds) => html(c, signInPage(waitWords(seconds)), 429));
    if (waiting) return waiting;
    const form = await c.req.parseBody();
    const key = typeof form.key === 'string' ? form.key.trim() : '';
    const caller = key ? await verifyKey(db, key) : null;
    if (!caller) {
      limiter.fail(address(c));
      return html(c, signInPage('That key was not accepted. Check it, or ask for a new one.'), 401);
    }
    if (caller.role !== 'office') {
      return html(c, signInPage('That is a tablet’s device key: it may only send summaries. Sign in with an office key.'), 403);
    }
    setCookie(c, SESSION_COOKIE, await createSession(db, caller.id), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: options.secureCookies ?? false,
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect('/', 303);
  });

  app.post('/office/sign-out', async (c) => {
    if (!fromOwnPage(c)) return html(c, signInPage(FOREIGN), 403);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: options.secureCookies ?? false });
    return c.redirect('/', 303);
  });

  app.post('/office/groups/move', officeForm(4096), async (c) => {
    if (!fromOwnPage(c)) return html(c, signInPage(FOREIGN), 403);
    const office = await session(c);
    if (!office) return html(c, signInPage('Sign in again to move a group.'), 401);
    const form = await c.req.parseBody();
    const group = typeof form.group === 'string' ? form.group : '';
    const key = typeof form.key === 'string' ? form.key : '';
    if (!group || group.length > 100 || !key || key.length > 100 || badTextFields([group, key]).length) {
      return c.text('That is not a group and a key from this page.', 400);
    }
    const moved = await moveGroup(db, group, key, office.id);
    if (moved === 'no-such-key') return c.text('That key is not an active device key: the group was not moved.', 400);
    return c.redirect('/', 303);
  });

  // A 500 logs an error id and, for a database statement, its name: never the request's body,
  // parameters, key or key hash, which the error itself might quote.
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error.code, error.message, error.extra);
    const errorId = randomBytes(6).toString('hex');
    const where = error instanceof QueryError ? `statement ${error.statement}${error.code ? ` (SQLSTATE ${error.code})` : ''}` : error.name;
    console.error(`Sync server error ${errorId}: ${where}`);
    return problem(c, 'server-error', `The server could not do that just now. Try again later (error ${errorId}).`, { errorId });
  });

  return app;
}
