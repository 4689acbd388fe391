import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs module without type declarations
import { startStaticServer } from '../../scripts/static-server.mjs';
import { moveGroup } from '../../server/src/groups';
import { createKey, revokeKey } from '../../server/src/keys';
import { startServer, type RunningServer } from '../../server/src/server';
import { exampleSummary, type Summary } from '../../server/src/summary-schema';
import { waitingSummary } from '../support/outbox-entries';
import { expectAccessible, launchChromium, newTablet, putStored, type AppServer } from './harness';

/**
 * The device half of issue 9 against the real sync server on 127.0.0.1 (PGlite
 * in a temp folder) through a small loopback proxy that can play dead, answer
 * 500, or drop the connection after the server stored a summary. Real
 * Chromium sends; the backoff's first wait is 150 ms so each fault takes seconds.
 */
type Mode =
  | { kind: 'pass' }
  | { kind: 'down' }
  | { kind: 'fail'; times: number }
  | { kind: 'drop-after-store'; times: number }
  /** Takes the connection, stores on the server, and never answers. */
  | { kind: 'silent' }
  /** Answers `status` to a POST of one of `ids`, as a server refusing that one would; passes the rest. */
  | { kind: 'refuse'; status: number; ids: string[] }
  /** A server from before batches: 404 for the batch address, the rest passed. */
  | { kind: 'no-batches' };

let mode: Mode = { kind: 'pass' };
/** Every summary id POSTed through the proxy, in order: what the device actually sent. */
const posted: string[] = [];
/** The ids in each batch request that reached the proxy, in order. */
const batches: string[][] = [];
let afterPass: ((id: string) => Promise<void>) | null = null;
let proxy: Server;
let proxyOrigin = '';
let sync: RunningServer;
let app: AppServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let dataDir = '';
let officeKey = '';
let appOrigin = '';

function forward(req: Pick<import('node:http').IncomingMessage, 'url' | 'method' | 'headers'>, body: Buffer, onReply: (status: number, headers: import('node:http').IncomingHttpHeaders, data: Buffer) => void, onError: () => void) {
  const out = httpRequest({ host: '127.0.0.1', port: sync.port, path: req.url, method: req.method, headers: req.headers }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => onReply(res.statusCode ?? 502, res.headers, Buffer.concat(chunks)));
  });
  out.on('error', onError);
  out.end(body);
}

const json = (res: import('node:http').ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'Access-Control-Allow-Origin': appOrigin, 'Content-Type': 'application/json' }).end(JSON.stringify(body));

/**
 * A batch through the proxy: the modes as for one summary, for the whole request; 'refuse' answers
 * its ids with the refusal as the server would in a batch, and passes the rest on to the server.
 */
function batch(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: Buffer): void {
  const list = JSON.parse(body.toString('utf8')) as { id: string }[];
  if (mode.kind === 'no-batches') return void json(res, 404, { error: 'There is no such address on this server.' });
  batches.push(list.map((s) => s.id));
  posted.push(...list.map((s) => s.id));
  if (mode.kind === 'fail' && mode.times > 0) {
    mode.times -= 1;
    return void json(res, 500, { error: 'boom' });
  }
  const refused = mode.kind === 'refuse' ? mode : null;
  const passed = refused ? list.filter((s) => !refused.ids.includes(s.id)) : list;
  const out = Buffer.from(JSON.stringify(passed));
  forward(
    { url: req.url, method: 'POST', headers: { ...req.headers, 'content-length': String(out.length) } },
    out,
    (status, headers, data) => {
      if (mode.kind === 'silent') return;
      if (mode.kind === 'drop-after-store' && mode.times > 0) {
        mode.times -= 1;
        return void req.socket.destroy();
      }
      const answer = () => {
        if (status !== 200 || !refused) res.writeHead(status, headers).end(data);
        else {
          const results = (JSON.parse(data.toString('utf8')) as { results: object[] }).results;
          json(res, 200, { results: list.map((s) => (refused.ids.includes(s.id) ? { id: s.id, status: 'refused', httpStatus: refused.status, error: 'refused' } : results.shift())) });
        }
      };
      // What happens after a stored batch (a key revoked) is done before the tablet hears back:
      // its next batch must not race it to the server.
      if (status === 200 && afterPass) void afterPass(list[0]!.id).then(answer, answer);
      else answer();
    },
    () => req.socket.destroy(),
  );
}

async function startProxy(): Promise<void> {
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (mode.kind === 'down') return void req.socket.destroy();
      const isPost = req.method === 'POST';
      if (isPost && req.url?.endsWith('/batch')) return batch(req, res, body);
      const id = isPost ? (JSON.parse(body.toString('utf8')) as { id: string }).id : '';
      if (isPost) posted.push(id);
      if (isPost && mode.kind === 'refuse' && mode.ids.includes(id)) {
        res.writeHead(mode.status, { 'Access-Control-Allow-Origin': appOrigin, 'Content-Type': 'application/json' }).end('{"error":"refused"}');
        return;
      }
      if (isPost && mode.kind === 'fail' && mode.times > 0) {
        mode.times -= 1;
        res.writeHead(500, { 'Access-Control-Allow-Origin': appOrigin, 'Content-Type': 'application/json' }).end('{"error":"boom"}');
        return;
      }
      forward(
        req,
        body,
        (status, headers, data) => {
          // Held until the tablet gives up and closes the connection.
          if (isPost && mode.kind === 'silent') return;
          if (isPost && mode.kind === 'drop-after-store' && mode.times > 0) {
            // The server has stored it; the reply never reaches the tablet.
            mode.times -= 1;
            return void req.socket.destroy();
          }
          res.writeHead(status, headers).end(data);
          if (isPost && status < 300 && afterPass) void afterPass(id);
        },
        () => req.socket.destroy(),
      );
    });
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const address = proxy.address() as { port: number };
  proxyOrigin = `http://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  await startProxy();
  app = await startStaticServer({ root: 'dist', connectSrc: [proxyOrigin] });
  appOrigin = new URL(app.url).origin;
  dataDir = mkdtempSync(join(tmpdir(), 'heard-sync-e2e-'));
  sync = await startServer({ port: 0, host: '127.0.0.1', appOrigin, dataDir });
  officeKey = (await createKey(sync.db, 'Programme office', 'office')).secret;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sync?.close();
  proxy?.closeAllConnections();
  await new Promise<void>((done) => (proxy ? proxy.close(() => done()) : done()));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Every summary the office can read, page after page. */
async function serverRows(): Promise<{ id: string; revision: number; summary: Summary }[]> {
  const rows: { id: string; revision: number; summary: Summary }[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const url = new URL('api/summaries?limit=500', sync.url);
    if (cursor) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, { headers: { Authorization: `Bearer ${officeKey}` } });
    const body = (await response.json()) as { summaries: { id: string; revision: number; summary: Summary }[]; next: string | null };
    rows.push(...body.summaries);
    cursor = body.next;
    if (!cursor) break;
  }
  return rows;
}

async function tablet(timeoutMs = 20_000): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newTablet(browser);
  await context.addInitScript((timeout) => {
    localStorage.setItem('heard-sync-backoff-base-ms', '150');
    localStorage.setItem('heard-sync-timeout-ms', String(timeout));
  }, timeoutMs);
  const page = await context.newPage();
  await page.goto(`${app.url}#/sync`);
  await page.getByRole('heading', { level: 1, name: 'Sending to the office' }).waitFor();
  return { context, page };
}

/**
 * Puts closed meetings' summaries in the outbox as closeMeeting would, or
 * erasure and deletion requests as the privacy screens would (those steps
 * have their own repo tests). Each call's summaries are of one new group
 * unless told which: a group belongs to the tablet key that sent it first.
 */
async function queue(page: Page, count: number, overrides: Partial<Summary> = {}): Promise<string[]> {
  const at = Date.now();
  const groupId = `grp-${randomUUID()}`;
  const rows = Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    return { ...waitingSummary(exampleSummary({ id, meetingId: `m-${id}`, groupId, ...overrides }), at), createdAt: at + i };
  });
  await putInOutbox(page, rows);
  return rows.map((r) => r.id);
}

async function queueRequest(page: Page, request: Record<string, string>): Promise<string> {
  const at = Date.now() + 1000;
  const id = randomUUID();
  const entry = { kind: 'request', id, request, status: 'waiting', revision: 1, attempts: 0, lastError: null, nextAttemptAt: at, leaseUntil: null, sentAt: null, sentRevision: null, createdAt: at, updatedAt: at };
  await putInOutbox(page, [entry]);
  return id;
}

async function putInOutbox(page: Page, rows: object[]): Promise<void> {
  await putStored(page, 'outbox', rows);
}

async function setUp(page: Page, key: string, { names = false, origin = proxyOrigin } = {}) {
  await page.getByLabel('Link from the office').fill(`heard-sync:${origin}/#${key}`);
  if (names) await page.getByLabel('Include names in summaries').check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved. Summaries will be sent from this device.').waitFor();
}

/**
 * A new summary queued and sent through "Sync now", waited for until the
 * server holds it: proof that a whole sending pass ran after what came
 * before, so a check that something else was NOT sent again can follow it.
 */
async function aLaterPassSends(page: Page): Promise<void> {
  const [probe] = await queue(page, 1);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => (await serverRows()).filter((r) => r.id === probe).length, { timeout: 15_000 }).toBe(1);
  await expect.poll(() => status(page), { timeout: 10_000 }).not.toContain('waiting');
}

const status = (page: Page) => page.locator('a.sync-status').innerText();
const onDevice = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; status: string; lastError: string | null }[]>((done) => {
        const open = indexedDB.open('heard');
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => (open.result.close(), done(req.result as { id: string; status: string; lastError: string | null }[]));
        };
      }),
  );
const waitingOnDevice = async (page: Page) => (await onDevice(page)).filter((e) => e.status !== 'sent').length;
const statusOnDevice = async (page: Page, id: string) => (await onDevice(page)).find((e) => e.id === id)?.status;

describe('sending summaries to the office', () => {
  test('server down for a while, then up: nothing lost across reloads, one row; an erasure request goes after it', async () => {
    const { context, page } = await tablet();
    const key = (await createKey(sync.db, 'Down tablet')).secret;
    const group = `grp-${randomUUID()}`;
    const [id] = await queue(page, 1, {
      groupId: group,
      names: true,
      decisions: [{ text: 'We will pilot the letter', how: 'consensus' }],
      actions: [{ text: 'Draft the letter', due: '2025-04-09', status: 'open', owner: 'Will', ownerId: 'p-will' }],
    });
    const erasure = await queueRequest(page, { kind: 'erase-person', groupId: group, personId: 'p-will', pseudonym: 'Former member 3' });
    await page.reload();
    // Not set up yet: nothing is ever sent, and the header does not nag about it (outbox-line.e2e.ts).
    await page.getByText('A request to erase Former member 3 from the office’s records').waitFor();
    expect(posted).not.toContain(id);
    mode = { kind: 'down' };
    await setUp(page, key, { names: true });
    await expect.poll(() => status(page), { timeout: 10_000 }).toContain('The office server could not be reached');
    expect(await page.getByTestId('sync-problem').innerText()).toContain('could not be reached');
    await expectAccessible(page, 'sync screen with a problem');
    // The key is never on screen in full once saved.
    expect(await page.locator('body').innerText()).not.toContain(key);
    await page.reload();
    expect(await waitingOnDevice(page)).toBe(2);
    mode = { kind: 'pass' };
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All summaries sent');
    expect((await serverRows()).filter((r) => r.id === id)).toHaveLength(1);
    // The request went after the summary it is about; the office's copy names the owner by the pseudonym
    // and leaves the words alone: "We will pilot" is not "We Former member 3 pilot".
    expect(posted.filter((p) => p === id || p === erasure)).toEqual([id, erasure]);
    const stored = JSON.stringify((await serverRows()).find((r) => r.id === id));
    expect(stored).toContain('"owner":"Former member 3"');
    expect(stored).toContain('We will pilot the letter');
    expect(stored).not.toContain('Will');
    await context.close();
  });

  test('500s, then a reply lost after the server stored it: retried, still one row each', async () => {
    const { context, page } = await tablet();
    const key = (await createKey(sync.db, '500 tablet')).secret;
    mode = { kind: 'fail', times: 3 };
    const [first] = await queue(page, 1);
    await setUp(page, key);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All summaries sent');
    expect(posted.filter((p) => p === first)).toHaveLength(4);
    mode = { kind: 'drop-after-store', times: 1 };
    const [second] = await queue(page, 1);
    await page.reload();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All summaries sent');
    // Sent twice (the first reply was lost), stored once.
    expect(posted.filter((p) => p === second)).toHaveLength(2);
    const rows = await serverRows();
    expect(rows.filter((r) => r.id === first)).toHaveLength(1);
    expect(rows.filter((r) => r.id === second)).toHaveLength(1);
    await context.close();
  });

  test('two tabs draining the same outbox at once send each summary once', async () => {
    mode = { kind: 'pass' };
    const { context, page } = await tablet();
    const key = (await createKey(sync.db, 'Two tabs')).secret;
    // Set up with the server down so nothing goes before both tabs are open.
    mode = { kind: 'down' };
    await setUp(page, key);
    const ids = await queue(page, 6);
    const other = await context.newPage();
    await other.goto(`${app.url}#/sync`);
    await page.reload();
    mode = { kind: 'pass' };
    await Promise.all([page, other].map((p) => p.getByRole('button', { name: 'Sync now' }).click()));
    await expect.poll(() => status(other), { timeout: 15_000 }).toBe('All summaries sent');
    const rows = await serverRows();
    for (const id of ids) {
      expect(rows.filter((r) => r.id === id)).toHaveLength(1);
      // Never sent by both tabs: the device avoids the duplicate, not only the server.
      expect(posted.filter((p) => p === id)).toHaveLength(1);
    }
    await context.close();
  });

  test('a device key revoked mid-queue: the words on screen, nothing lost, resumes with a new key', async () => {
    mode = { kind: 'pass' };
    const { context, page } = await tablet();
    const { key: stored, secret } = await createKey(sync.db, 'Revoked tablet');
    const group = `grp-${randomUUID()}`;
    // More than one batch holds (50), queued before the tablet is set up.
    const first = await queue(page, 60, { groupId: group });
    let revoked = false;
    afterPass = async () => {
      afterPass = null;
      await revokeKey(sync.db, stored.id);
      revoked = true;
    };
    await setUp(page, secret);
    // However the sixty were split into batches, the key goes once the first of them is stored;
    // summaries queued after that meet a key the server no longer accepts.
    await expect.poll(() => revoked, { timeout: 10_000 }).toBe(true);
    const ids = [...first, ...(await queue(page, 3, { groupId: group }))];
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toContain('The server did not accept the device key');
    expect(await page.getByTestId('sync-problem').innerText()).toContain('The server did not accept the device key');
    // Nothing is leased as sending at this moment; a later pass may still be on its way with the
    // revoked key when the page reloads or the new key is saved, and either way nothing may wait
    // ten minutes behind the new key (outbox-client.test.ts makes that race happen every time).
    await expect.poll(async () => (await onDevice(page)).filter((e) => e.status === 'sending').length, { timeout: 10_000 }).toBe(0);
    // Nothing lost: each summary is at the server or still waiting on the tablet, across a reload.
    const sent = (await serverRows()).filter((r) => ids.includes(r.id)).length;
    expect(sent).toBeGreaterThan(0);
    expect(await waitingOnDevice(page)).toBe(ids.length - sent);
    await page.reload();
    expect(await waitingOnDevice(page)).toBe(ids.length - sent);
    const { key: freshKey, secret: fresh } = await createKey(sync.db, 'New key');
    // The group was the revoked key's: the office gives it to the new one.
    expect(await moveGroup(sync.db, group, freshKey.id, 'test')).toBe('moved');
    await page.getByLabel('New device key').fill(fresh);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('All summaries sent');
    const rows = await serverRows();
    for (const id of ids) expect(rows.filter((r) => r.id === id)).toHaveLength(1);
    await context.close();
  });

  test('a group moved to another tablet’s key: the 403 in words, the outbox kept across a reload, sent once the office gives the group back', async () => {
    mode = { kind: 'pass' };
    const { context, page } = await tablet();
    const { key: mine, secret } = await createKey(sync.db, 'Hall tablet');
    const { key: other } = await createKey(sync.db, 'Replacement tablet');
    const group = `grp-${randomUUID()}`;
    await setUp(page, secret);
    const [first] = await queue(page, 1, { groupId: group });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All summaries sent');
    expect((await serverRows()).filter((r) => r.id === first)).toHaveLength(1);

    // The office gives the group to another tablet (say, after a restore there).
    expect(await moveGroup(sync.db, group, other.id, 'test')).toBe('moved');
    const [second] = await queue(page, 1, { groupId: group });
    await page.getByRole('button', { name: 'Sync now' }).click();
    const words = 'This tablet’s key may not change that group; ask the office';
    await expect.poll(() => status(page), { timeout: 10_000 }).toContain(words);
    expect(await page.getByTestId('sync-problem').innerText()).toContain(words);
    expect(await page.getByRole('list', { name: 'Waiting to send' }).innerText()).toContain(words);
    await expectAccessible(page, 'sync screen with a group another tablet’s key owns');
    expect(posted).toContain(second);
    expect((await serverRows()).filter((r) => r.id === second)).toHaveLength(0);

    // Kept on the tablet, with its reason, after a reload.
    await page.reload();
    expect(await statusOnDevice(page, second!)).toBe('waiting');
    expect((await onDevice(page)).find((e) => e.id === second)).toMatchObject({ lastError: 'forbidden' });
    await page.getByRole('list', { name: 'Waiting to send' }).getByText(words).waitFor();

    // The office gives the group back: sent, once.
    expect(await moveGroup(sync.db, group, mine.id, 'test')).toBe('moved');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('All summaries sent');
    expect((await serverRows()).filter((r) => r.id === second)).toHaveLength(1);
    await context.close();
  });

  test('a server the page’s policy does not allow: said in words, nothing sent; the allowed address then works', async () => {
    mode = { kind: 'pass' };
    const { context, page } = await tablet();
    const key = (await createKey(sync.db, 'Blocked tablet')).secret;
    const [id] = await queue(page, 1);
    // The sync server itself, not the proxy the app's Content Security Policy names.
    await setUp(page, key, { origin: new URL(sync.url).origin });
    await expect.poll(() => status(page), { timeout: 10_000 }).toContain('This page is not allowed to reach the office server');
    expect(await page.getByTestId('sync-problem').innerText()).toContain('Ask whoever set up Heard to allow this server.');
    expect((await serverRows()).filter((r) => r.id === id)).toHaveLength(0);
    await page.getByLabel('Server address').fill(proxyOrigin);
    // A new address is given its key again: the saved one only goes where it was saved for.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('link', { name: /^Enter the device key for the new address/ }).waitFor();
    await page.getByLabel('New device key').fill(key);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('All summaries sent');
    expect((await serverRows()).filter((r) => r.id === id)).toHaveLength(1);
    await context.close();
  });

  test('a server that never answers: the tablet gives up in time and says so; the outbox survives a reload waiting, sending and sent', async () => {
    mode = { kind: 'down' };
    const { context, page } = await tablet(1_500);
    const key = (await createKey(sync.db, 'Silent tablet')).secret;
    await setUp(page, key);
    const [id] = await queue(page, 1);
    // Waiting.
    await page.reload();
    await expect.poll(() => statusOnDevice(page, id!)).toBe('waiting');
    // Sending: the server stores it and never answers; the tablet is reloaded mid-send.
    mode = { kind: 'silent' };
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => statusOnDevice(page, id!), { interval: 25 }).toBe('sending');
    await page.reload();
    expect(await statusOnDevice(page, id!)).not.toBe('sent');
    // The new page takes the send over, meets the silence again, and gives up after its timeout.
    await expect.poll(() => status(page), { timeout: 10_000 }).toContain('The office server did not answer in time');
    expect(await page.getByTestId('sync-problem').innerText()).toContain('nothing is lost meanwhile');
    // Kept, and tried again by itself after the backoff.
    expect(['waiting', 'sending']).toContain(await statusOnDevice(page, id!));
    // Later the server answers: sent, and one row however many times it arrived.
    mode = { kind: 'pass' };
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All summaries sent');
    expect(posted.filter((p) => p === id).length).toBeGreaterThanOrEqual(3);
    expect((await serverRows()).filter((r) => r.id === id)).toHaveLength(1);
    // Sent: still sent after a reload, and not sent again.
    const before = posted.filter((p) => p === id).length;
    await page.reload();
    await aLaterPassSends(page);
    expect(await statusOnDevice(page, id!)).toBe('sent');
    expect(posted.filter((p) => p === id).length).toBe(before);
    await context.close();
  });

  test.each([400, 409])('a summary the server refuses with %d is set aside, kept and said in words; the summary and request after it still go', async (code) => {
    mode = { kind: 'down' };
    const { context, page } = await tablet();
    const key = (await createKey(sync.db, `Refused ${code}`)).secret;
    await setUp(page, key);
    const group = `grp-${randomUUID()}`;
    const [refused, later] = await queue(page, 2, { groupId: group });
    const request = await queueRequest(page, { kind: 'delete-group', groupId: `${group}-gone` });
    mode = { kind: 'refuse', status: code, ids: [refused!] };
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('1 set aside');
    // The one after it and the request went, in one pass, without waiting for the refused one.
    const rows = await serverRows();
    expect(rows.filter((r) => r.id === later)).toHaveLength(1);
    expect(rows.filter((r) => r.id === refused)).toHaveLength(0);
    expect(posted.indexOf(request)).toBeGreaterThan(posted.indexOf(refused!));
    expect(await statusOnDevice(page, request)).toBe('sent');
    // Kept on the device, set aside, not tried again by itself.
    expect(await statusOnDevice(page, refused!)).toBe('set-aside');
    const setAside = page.getByRole('list', { name: 'Set aside' });
    await setAside.getByText(`The office server refused it (${code}:`, { exact: false }).waitFor();
    await expectAccessible(page, `sync screen with a summary set aside (${code})`);
    const tries = posted.filter((p) => p === refused).length;
    await page.reload();
    await page.getByRole('list', { name: 'Set aside' }).waitFor();
    await aLaterPassSends(page);
    expect(posted.filter((p) => p === refused).length).toBe(tries);
    // Once the server takes it, saving the settings again tries what was set aside, and the list empties.
    // (A 409's "Try again" makes the summary afresh from the meeting's records, which this planted one has not.)
    mode = { kind: 'pass' };
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All summaries sent');
    expect((await serverRows()).filter((r) => r.id === refused)).toHaveLength(1);
    await context.close();
  });
  test('several waiting summaries go in one batch request; the one the server refuses is set aside and the rest arrive', async () => {
    mode = { kind: 'down' };
    const { context, page } = await tablet();
    const key = (await createKey(sync.db, 'Batch tablet')).secret;
    await setUp(page, key);
    const group = `grp-${randomUUID()}`;
    // The server already holds this id for another meeting: a real 409 from the server, not the proxy.
    const taken = exampleSummary({ id: randomUUID(), meetingId: 'm-elsewhere', groupId: group });
    const first = await fetch(new URL('api/summaries', sync.url), { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` }, body: JSON.stringify(taken) });
    expect(first.status).toBe(201);
    // Two, the one whose id the server holds, two more: put in the outbox at once, so no drain that
    // meets the server down can catch some of them and leave the rest fresh to go ahead on their own.
    const at = Date.now();
    const five = [randomUUID(), randomUUID(), taken.id, randomUUID(), randomUUID()].map((id, i) => ({
      ...waitingSummary(exampleSummary({ id, meetingId: `m-${randomUUID()}`, groupId: group }), at),
      createdAt: at + i,
    }));
    await putInOutbox(page, five);
    const [before, [clash], after] = [five.slice(0, 2).map((r) => r.id), five.slice(2, 3).map((r) => r.id), five.slice(3).map((r) => r.id)];
    const [batchesBefore, postedBefore] = [batches.length, posted.length];
    mode = { kind: 'pass' };
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('1 set aside');
    // One request carried all five, oldest first, each once.
    expect(batches.slice(batchesBefore)).toEqual([[...before, clash, ...after]]);
    expect(posted.length - postedBefore).toBe(5);
    const rows = await serverRows();
    for (const id of [...before, ...after]) expect(rows.filter((r) => r.id === id)).toHaveLength(1);
    // The stored one with that id is untouched: still the other meeting's.
    expect(rows.find((r) => r.id === clash)?.summary.meetingId).toBe('m-elsewhere');
    expect(await statusOnDevice(page, clash!)).toBe('set-aside');
    for (const id of [...before, ...after]) expect(await statusOnDevice(page, id)).toBe('sent');
    await page.getByRole('list', { name: 'Set aside' }).getByText('The office server refused it (409:', { exact: false }).waitFor();
    await expectAccessible(page, 'sync screen after a batch with one summary set aside');
    await context.close();
  });

  test('a server from before batches (404 for the batch address): the summaries go one at a time, each once', async () => {
    mode = { kind: 'down' };
    const { context, page } = await tablet();
    const key = (await createKey(sync.db, 'Older server tablet')).secret;
    await setUp(page, key);
    const ids = await queue(page, 3);
    const [batchesBefore, postedBefore] = [batches.length, posted.length];
    mode = { kind: 'no-batches' };
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All summaries sent');
    expect(batches.length).toBe(batchesBefore);
    expect(posted.slice(postedBefore)).toEqual(ids);
    const rows = await serverRows();
    for (const id of ids) expect(rows.filter((r) => r.id === id)).toHaveLength(1);
    await context.close();
  });
});
