import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../support/fresh-db';
import { waitingSummary } from '../support/outbox-entries';
import { exampleSummary } from '../../server/src/summary-schema';
import { PRIVACY_REQUEST_SCHEMAS } from '../../server/src/privacy-requests';
import { nextDueAt, writeSyncSettings } from '../../src/db/outbox-repo';
import { enqueuePrivacyRequest } from '../../src/db/privacy-outbox';
import { readSyncGlance } from '../../src/db/settings-repo';
import type { OutboxEntry, PrivacyRequest, SummaryOutboxEntry } from '../../src/domain/sync-model';
import { withoutNames } from '../../src/domain/sync-rules';
import { drainOutbox, type DrainDeps } from '../../src/sync/outbox-client';

/**
 * The device's sending of erasure and deletion requests, through drainOutbox
 * with a stand-in for fetch that records what would have left the device.
 */
const db = useFreshDb();
const T = Date.UTC(2030, 2, 14, 12, 0);
const SERVER = 'https://office.example.org/heard/';
let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

interface Sent {
  url: string;
  body: Record<string, unknown>;
  auth: string | null;
}

/**
 * Answers each request with the next status in `statuses` (then 201), and records it. A server
 * from before batches: the batch address is 404 (not recorded), so several summaries go one at a time.
 */
function server(statuses: number[] = []) {
  const sent: Sent[] = [];
  const fetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
    if (String(input).endsWith('/batch')) return new Response('{}', { status: 404 });
    sent.push({
      url: String(input),
      body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      auth: new Headers(init?.headers).get('Authorization'),
    });
    return new Response('{}', { status: statuses.shift() ?? 201 });
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

const deps = (fetch: typeof globalThis.fetch, at = T): DrainDeps => ({ fetch, now: () => at, random: () => 0, baseMs: 2_000, timeoutMs: 1_000 });

async function queueSummary(at: number, names = false): Promise<SummaryOutboxEntry> {
  const id = newId();
  const summary = exampleSummary({
    id,
    meetingId: `m-${id}`,
    names,
    ...(names ? { actions: [{ text: 'Draft the letter', due: '2030-04-01', status: 'open' as const, owner: 'Ann Smith', ownerId: 'p-ann' }] } : {}),
  });
  const entry = waitingSummary(summary, at);
  await db().outbox.put(entry);
  return entry;
}

async function queueRequest(request: PrivacyRequest, at: number) {
  const database = db();
  return database.transaction('rw', database.outbox, () => enqueuePrivacyRequest(database, request, at, newId));
}

const erase: PrivacyRequest = { kind: 'erase-person', groupId: 'g-1', personId: 'p-ann', pseudonym: 'Former member 3' };

async function setUp(names = false) {
  await writeSyncSettings({ serverUrl: SERVER, deviceKey: 'heard_tablet-key', names });
}

const stored = async (id: string) => (await db().outbox.get(id)) as OutboxEntry;

describe('sending erasure and deletion requests', () => {
  it('sends each kind after the summaries waiting before it, to its own address, with ids and a pseudonym only', async () => {
    await setUp(true);
    const summary = await queueSummary(T - 3000, true);
    const requests = [
      await queueRequest(erase, T - 2000),
      await queueRequest({ kind: 'delete-meeting', groupId: 'g-1', meetingId: 'm-9', summaryId: newId() }, T - 1000),
      await queueRequest({ kind: 'delete-group', groupId: 'g-2' }, T),
    ];
    const { sent, fetch } = server();
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: 4, problem: null });

    expect(sent.map((s) => s.url)).toEqual([
      `${SERVER}api/summaries`,
      `${SERVER}api/requests/erase-person`,
      `${SERVER}api/requests/delete-meeting`,
      `${SERVER}api/requests/delete-group`,
    ]);
    expect(sent.every((s) => s.auth === 'Bearer heard_tablet-key')).toBe(true);
    expect(sent[1]!.body).toEqual({ id: requests[0]!.id, groupId: 'g-1', personId: 'p-ann', pseudonym: 'Former member 3' });
    expect(sent[3]!.body).toEqual({ id: requests[2]!.id, groupId: 'g-2' });
    // Each body is exactly what the server's strict schema accepts.
    for (const [i, kind] of (['erase-person', 'delete-meeting', 'delete-group'] as const).entries()) {
      expect(PRIVACY_REQUEST_SCHEMAS[kind].safeParse(sent[i + 1]!.body).success).toBe(true);
    }
    expect(JSON.stringify(sent.slice(1))).not.toContain('Ann');
    for (const entry of [summary, ...requests]) expect(await stored(entry.id)).toMatchObject({ status: 'sent', sentAt: T, lastError: null });
    expect(await readSyncGlance()).toMatchObject({ waiting: 0, requests: 0, lastSentAt: T });
  });

  it('holds a request back while a summary from before it waits to be tried again, and says when to try', async () => {
    await setUp();
    const summary = await queueSummary(T - 1000);
    const request = await queueRequest(erase, T);
    expect(await readSyncGlance()).toMatchObject({ waiting: 2, requests: 1 });
    const down = server([503]);
    expect(await drainOutbox(deps(down.fetch))).toEqual({ kind: 'done', sent: 0, problem: 'server' });
    expect(down.sent.map((s) => s.url)).toEqual([`${SERVER}api/summaries`]);
    const retryAt = (await stored(summary.id)).nextAttemptAt;
    expect(retryAt).toBeGreaterThan(T);
    // Before the summary's retry, the request is due by its own time but must not overtake it.
    const early = server();
    expect(await drainOutbox(deps(early.fetch, T + 1))).toEqual({ kind: 'done', sent: 0, problem: null });
    expect(early.sent).toEqual([]);
    expect(await nextDueAt()).toBe(retryAt);
    // At the retry: the summary, then the request.
    const up = server();
    expect(await drainOutbox(deps(up.fetch, retryAt))).toMatchObject({ sent: 2 });
    expect(up.sent.map((s) => s.url)).toEqual([`${SERVER}api/summaries`, `${SERVER}api/requests/erase-person`]);
    expect(await stored(request.id)).toMatchObject({ status: 'sent' });
  });

  it.each([400, 404, 409, 413, 422])('is not held back by a summary the server refused with %d: that one is set aside, kept, with its status', async (status) => {
    await setUp();
    const summary = await queueSummary(T - 1000);
    const later = await queueSummary(T - 500);
    const request = await queueRequest(erase, T);
    const { sent, fetch } = server([status]);
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: 2, problem: null });
    // The refused one went first; the summary after it and the request still went, in one drain.
    expect(sent.map((s) => s.url)).toEqual([`${SERVER}api/summaries`, `${SERVER}api/summaries`, `${SERVER}api/requests/erase-person`]);
    expect(await stored(summary.id)).toMatchObject({ status: 'set-aside', lastError: 'refused', lastStatus: status, summary: summary.summary });
    expect(await stored(later.id)).toMatchObject({ status: 'sent' });
    expect(await stored(request.id)).toMatchObject({ status: 'sent' });
    expect(await readSyncGlance()).toMatchObject({ waiting: 0, setAside: 1 });
    // Set aside, it is not tried again by itself: nothing is due.
    expect(await nextDueAt()).toBeNull();
  });

  it('sets aside a summary the server fails on again and again, and the request behind it then goes', async () => {
    await setUp();
    const summary = await queueSummary(T - 1000);
    const request = await queueRequest(erase, T);
    const failing = server([500, 500, 500, 500, 500]);
    const outcomes = [];
    // Each drain an hour later, past the backoff: the same summary fails each time and holds the request back…
    for (let i = 0; i < 4; i += 1) outcomes.push(await drainOutbox(deps(failing.fetch, T + i * 3_600_000)));
    expect(failing.sent.map((s) => s.url)).toEqual(Array(4).fill(`${SERVER}api/summaries`));
    expect(await stored(request.id)).toMatchObject({ status: 'waiting' });
    // …until the fifth failure sets it aside, and the request goes in the same drain.
    expect(await drainOutbox(deps(failing.fetch, T + 4 * 3_600_000))).toEqual({ kind: 'done', sent: 1, problem: null });
    expect(failing.sent.at(-1)!.url).toBe(`${SERVER}api/requests/erase-person`);
    expect(await stored(summary.id)).toMatchObject({ status: 'set-aside', lastError: 'server', lastStatus: 500, attempts: 5 });
    expect(await stored(request.id)).toMatchObject({ status: 'sent' });
  });

  it('a request the server refuses is set aside too and holds nothing', async () => {
    await setUp();
    const first = await queueRequest(erase, T - 1);
    const second = await queueRequest({ kind: 'delete-group', groupId: 'g-1' }, T);
    const { sent, fetch } = server([400]);
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: 1, problem: null });
    expect(sent).toHaveLength(2);
    expect(await stored(first.id)).toMatchObject({ status: 'set-aside', lastStatus: 400 });
    expect(await stored(second.id)).toMatchObject({ status: 'sent' });
  });

  it('keeps a request the server refused the key for, with the problem, and sends it on the next try', async () => {
    await setUp();
    const request = await queueRequest({ kind: 'delete-group', groupId: 'g-1' }, T);
    const refused = server([401]);
    expect(await drainOutbox(deps(refused.fetch))).toEqual({ kind: 'done', sent: 0, problem: 'key' });
    expect(await stored(request.id)).toMatchObject({ status: 'waiting', lastError: 'key', attempts: 1 });
    expect(await readSyncGlance()).toMatchObject({ waiting: 1, requests: 1, lastError: 'key' });
    const later = (await stored(request.id)).nextAttemptAt;
    const ok = server();
    expect(await drainOutbox(deps(ok.fetch, later))).toMatchObject({ sent: 1, problem: null });
    expect(ok.sent[0]!.body).toEqual({ id: request.id, groupId: 'g-1' });
  });

  it('keeps a summary whose group is another tablet’s (403) with that problem, and still sends the next one', async () => {
    await setUp();
    const refused = await queueSummary(T - 2000);
    const next = await queueSummary(T - 1000);
    const { sent, fetch } = server([403]);
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: 1, problem: null });
    expect(sent).toHaveLength(2);
    // Kept, never deleted: it goes once the office has moved the group to this tablet's key.
    expect(await stored(refused.id)).toMatchObject({ status: 'waiting', lastError: 'forbidden', attempts: 1 });
    expect(await stored(next.id)).toMatchObject({ status: 'sent' });
    const later = (await stored(refused.id)).nextAttemptAt;
    const moved = server();
    expect(await drainOutbox(deps(moved.fetch, later))).toMatchObject({ sent: 1, problem: null });
    expect(await stored(refused.id)).toMatchObject({ status: 'sent' });
  });

  it('sends nothing at all until the chair has set up a server', async () => {
    await queueRequest(erase, T);
    const { sent, fetch } = server();
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'not-set-up' });
    expect(sent).toEqual([]);
  });

  it('gives up on a server that takes the connection and never answers, says so, and sends on a later try', async () => {
    await setUp();
    const request = await queueRequest(erase, T);
    let asked = 0;
    // Never answers: only the device's own timeout ends the wait.
    const silent = ((_input: URL | RequestInfo, init?: RequestInit) => {
      asked += 1;
      return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    }) as typeof globalThis.fetch;
    const started = Date.now();
    expect(await drainOutbox({ ...deps(silent), timeoutMs: 50 })).toEqual({ kind: 'done', sent: 0, problem: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(asked).toBe(1);
    const waiting = await stored(request.id);
    expect(waiting).toMatchObject({ status: 'waiting', lastError: 'timeout', attempts: 1 });
    // An ordinary backoff, not the long wait for a refused key.
    expect(waiting.nextAttemptAt).toBe(T + 1_500);
    const { sent, fetch } = server();
    expect(await drainOutbox(deps(fetch, waiting.nextAttemptAt))).toMatchObject({ sent: 1, problem: null });
    expect(sent).toHaveLength(1);
  });
});

interface BatchSent {
  url: string;
  ids: string[];
  bodies: Record<string, unknown>[];
}

/**
 * A server with the batch address: `judge` gives each summary's result as the single send's status
 * (201 stored, 403, 409…); `whole` answers the whole batch request itself instead, when it returns a Response.
 */
function batchServer(judge: (id: string) => number = () => 201, whole: (call: number) => Response | null = () => null) {
  const sent: BatchSent[] = [];
  const fetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown> | Record<string, unknown>[];
    const list = Array.isArray(body) ? body : [body];
    sent.push({ url: String(input), ids: list.map((b) => String(b.id)), bodies: list });
    if (!Array.isArray(body)) return new Response('{}', { status: judge(String(body.id)) });
    const answer = whole(sent.length);
    if (answer) return answer;
    const results = list.map((b) => {
      const status = judge(String(b.id));
      return status < 300 ? { id: b.id, status: 'created', revision: 1 } : { id: b.id, status: 'refused', httpStatus: status, error: 'No.' };
    });
    return Response.json({ results });
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

const BATCH_URL = `${SERVER}api/summaries/batch`;

describe('sending summaries in batches', () => {
  it('sends the summaries waiting together in one request, as each would go alone (names off), then a request', async () => {
    await setUp(false);
    const summaries = [await queueSummary(T - 3000, true), await queueSummary(T - 2000), await queueSummary(T - 1000)];
    const request = await queueRequest(erase, T);
    const { sent, fetch } = batchServer();
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: 4, problem: null });
    expect(sent.map((s) => s.url)).toEqual([BATCH_URL, `${SERVER}api/requests/erase-person`]);
    // Oldest first, and each body exactly the single send's: with names off, no name leaves the device.
    expect(sent[0]!.ids).toEqual(summaries.map((s) => s.id));
    expect(sent[0]!.bodies[0]).toEqual(withoutNames(summaries[0]!.summary));
    expect(JSON.stringify(sent[0]!.bodies)).not.toContain('Ann');
    for (const entry of [...summaries, request]) expect(await stored(entry.id)).toMatchObject({ status: 'sent', sentAt: T, lastError: null });
  });

  it('handles each summary’s result as a single send’s: a refused one set aside with its status, another tablet’s group kept, the rest sent', async () => {
    await setUp();
    const [refused, forbidden, fine] = [await queueSummary(T - 3000), await queueSummary(T - 2000), await queueSummary(T - 1000)];
    const request = await queueRequest(erase, T);
    const statuses: Record<string, number> = { [refused.id]: 409, [forbidden.id]: 403 };
    const { sent, fetch } = batchServer((id) => statuses[id] ?? 201);
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: 2, problem: null });
    expect(sent.map((s) => s.url)).toEqual([BATCH_URL, `${SERVER}api/requests/erase-person`]);
    expect(await stored(refused.id)).toMatchObject({ status: 'set-aside', lastError: 'refused', lastStatus: 409 });
    expect(await stored(forbidden.id)).toMatchObject({ status: 'waiting', lastError: 'forbidden', lastStatus: 403, attempts: 1 });
    expect(await stored(fine.id)).toMatchObject({ status: 'sent' });
    // Neither held the request behind them back.
    expect(await stored(request.id)).toMatchObject({ status: 'sent' });
  });

  it.each([
    ['50 summaries at most', 120, undefined, [50, 50, 20]],
    ['512 KB of bodies at most', 5, 200, [2, 2, 1]],
  ])('keeps each batch within %s', async (_what, count, kilobytes, sizes) => {
    await setUp();
    for (let i = 0; i < count; i += 1) {
      const entry = await queueSummary(T - 10_000 + i);
      if (kilobytes) entry.summary.glossaryTerms = Array.from({ length: kilobytes }, (_, n) => `${n}`.padEnd(1000, 'x'));
      await db().outbox.put(entry);
    }
    const { sent, fetch } = batchServer();
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: count, problem: null });
    expect(sent.map((s) => s.ids.length)).toEqual(sizes);
    // One left over goes alone, to the single address.
    expect(sent.map((s) => s.url)).toEqual(sizes.map((n) => (n > 1 ? BATCH_URL : `${SERVER}api/summaries`)));
    for (const s of sent) expect(new Blob([JSON.stringify(s.bodies)]).size).toBeLessThanOrEqual(512 * 1024 + s.ids.length);
  });

  it('sends one at a time to a server without the batch address (404), and the refused one is still set aside', async () => {
    await setUp();
    const [first, second, third] = [await queueSummary(T - 3000), await queueSummary(T - 2000), await queueSummary(T - 1000)];
    const older = batchServer(
      (id) => (id === second.id ? 400 : 201),
      () => new Response(JSON.stringify({ error: 'There is no such address on this server.' }), { status: 404 }),
    );
    expect(await drainOutbox(deps(older.fetch))).toEqual({ kind: 'done', sent: 2, problem: null });
    // One try at the batch address, then each alone; not the batch address again in this drain.
    expect(older.sent.map((s) => s.url)).toEqual([BATCH_URL, ...Array(3).fill(`${SERVER}api/summaries`)]);
    expect(older.sent.slice(1).map((s) => s.ids[0])).toEqual([first.id, second.id, third.id]);
    expect(await stored(second.id)).toMatchObject({ status: 'set-aside', lastStatus: 400 });
    for (const entry of [first, third]) expect(await stored(entry.id)).toMatchObject({ status: 'sent' });
  });

  it.each([
    ['the server failed on the batch (500)', () => new Response('{}', { status: 500 })],
    ['an answer it cannot read', () => new Response('not json', { status: 200 })],
    ['results for other ids', () => Response.json({ results: [{ id: 'x', status: 'created' }, { id: 'y', status: 'created' }] })],
    ['too few results', () => Response.json({ results: [] })],
  ])('after %s, sends the batch’s summaries one at a time', async (_what, answer) => {
    await setUp();
    const entries = [await queueSummary(T - 2000), await queueSummary(T - 1000)];
    const { sent, fetch } = batchServer(() => 201, (call) => (call === 1 ? answer() : null));
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: 2, problem: null });
    expect(sent.map((s) => s.url)).toEqual([BATCH_URL, `${SERVER}api/summaries`, `${SERVER}api/summaries`]);
    for (const entry of entries) expect(await stored(entry.id)).toMatchObject({ status: 'sent' });
  });

  it.each([
    [401, 'key'],
    [429, 'server'],
  ] as const)('a batch answered %i: every summary in it waits with that problem, a try counted for each, and the drain stops', async (status, problem) => {
    await setUp();
    const [first, second] = [await queueSummary(T - 2000), await queueSummary(T - 1000)];
    const { sent, fetch } = batchServer(() => 201, () => new Response('{}', { status }));
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: 0, problem });
    expect(sent).toHaveLength(1);
    expect(await stored(first.id)).toMatchObject({ status: 'waiting', lastError: problem, attempts: 1 });
    // Each was sent, so each backs off: a long outage is not tried every few seconds by the later ones.
    expect(await stored(second.id)).toMatchObject({ status: 'waiting', lastError: problem, attempts: 1 });
    expect((await stored(second.id)).nextAttemptAt).toBeGreaterThan(T);
  });

  it('a batch lost to a dead network: each waits, nothing sent, one request made', async () => {
    await setUp();
    const entries = [await queueSummary(T - 2000), await queueSummary(T - 1000)];
    let asked = 0;
    const offline = (async () => {
      asked += 1;
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    expect(await drainOutbox(deps(offline))).toEqual({ kind: 'done', sent: 0, problem: 'network' });
    expect(asked).toBe(1);
    for (const entry of entries) expect(await stored(entry.id)).toMatchObject({ status: 'waiting', lastError: 'network', attempts: 1 });
  });

  it.each([
    ['in one batch', 3],
    ['alone', 1],
  ])('a new key saved while the old one’s refusal is on its way: sent with the new key in the same drain, no try counted (%s)', async (_how, count) => {
    await setUp();
    const entries = [];
    for (let i = 0; i < count; i += 1) entries.push(await queueSummary(T - 3000 + i));
    const auths: string[] = [];
    const inner = batchServer();
    // The server refuses the old key; the chair saves a new one before the tablet hears that.
    const fetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('Authorization') ?? '';
      auths.push(auth);
      if (auth.endsWith('heard_tablet-key')) {
        await writeSyncSettings({ serverUrl: SERVER, deviceKey: 'heard_new-key', names: false });
        return new Response('{}', { status: 401 });
      }
      return inner.fetch(input, init);
    }) as typeof globalThis.fetch;
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: count, problem: null });
    expect(auths).toEqual(['Bearer heard_tablet-key', 'Bearer heard_new-key']);
    for (const entry of entries) expect(await stored(entry.id)).toMatchObject({ status: 'sent', attempts: 0, lastError: null });
  });

  it('a key refused while the same key is still saved waits the longest, as before', async () => {
    await setUp();
    const entry = await queueSummary(T - 1000);
    const { fetch } = batchServer(() => 201, () => new Response('{}', { status: 401 }));
    await queueSummary(T - 500);
    expect(await drainOutbox(deps(fetch))).toEqual({ kind: 'done', sent: 0, problem: 'key' });
    expect(await stored(entry.id)).toMatchObject({ status: 'waiting', lastError: 'key', attempts: 1 });
    expect((await stored(entry.id)).nextAttemptAt).toBe(T + 10 * 60_000);
  });
});
