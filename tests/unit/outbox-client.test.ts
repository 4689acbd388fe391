import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../support/fresh-db';
import { waitingSummary } from '../support/outbox-entries';
import { exampleSummary } from '../../server/src/summary-schema';
import { PRIVACY_REQUEST_SCHEMAS } from '../../server/src/privacy-requests';
import { nextDueAt, writeSyncSettings } from '../../src/db/outbox-repo';
import { enqueuePrivacyRequest } from '../../src/db/privacy-outbox';
import { readSyncGlance } from '../../src/db/settings-repo';
import type { OutboxEntry, PrivacyRequest, SummaryOutboxEntry } from '../../src/domain/sync-model';
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

/** Answers each request with the next status in `statuses` (then 201), and records it. */
function server(statuses: number[] = []) {
  const sent: Sent[] = [];
  const fetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
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
