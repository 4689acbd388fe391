import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs module without type declarations
import { startStaticServer } from '../../scripts/static-server.mjs';
import { createKey, revokeKey } from '../../server/src/keys';
import { startServer, type RunningServer } from '../../server/src/server';
import { exampleSummary } from '../../server/src/summary-schema';
import { expectAccessible, launchChromium, newTablet, type AppServer } from './harness';

/**
 * The device half of issue 9 against the real sync server on 127.0.0.1 (PGlite
 * in a temp folder) through a small loopback proxy that can play dead, answer
 * 500, or drop the connection after the server stored a summary. Real
 * Chromium sends; the backoff's first wait is 150 ms so each fault takes seconds.
 */
type Mode = { kind: 'pass' } | { kind: 'down' } | { kind: 'fail'; times: number } | { kind: 'drop-after-store'; times: number };

let mode: Mode = { kind: 'pass' };
/** Every summary id POSTed through the proxy, in order: what the device actually sent. */
const posted: string[] = [];
let afterPass: ((id: string) => Promise<void>) | null = null;
let proxy: Server;
let proxyOrigin = '';
let sync: RunningServer;
let app: AppServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let dataDir = '';
let officeKey = '';
let appOrigin = '';

function forward(req: import('node:http').IncomingMessage, body: Buffer, onReply: (status: number, headers: import('node:http').IncomingHttpHeaders, data: Buffer) => void, onError: () => void) {
  const out = httpRequest({ host: '127.0.0.1', port: sync.port, path: req.url, method: req.method, headers: req.headers }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => onReply(res.statusCode ?? 502, res.headers, Buffer.concat(chunks)));
  });
  out.on('error', onError);
  out.end(body);
}

async function startProxy(): Promise<void> {
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (mode.kind === 'down') return void req.socket.destroy();
      const isPost = req.method === 'POST';
      const id = isPost ? (JSON.parse(body.toString('utf8')) as { id: string }).id : '';
      if (isPost) posted.push(id);
      if (isPost && mode.kind === 'fail' && mode.times > 0) {
        mode.times -= 1;
        res.writeHead(500, { 'Access-Control-Allow-Origin': appOrigin, 'Content-Type': 'application/json' }).end('{"error":"boom"}');
        return;
      }
      forward(
        req,
        body,
        (status, headers, data) => {
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
  officeKey = (await createKey(sync.db, 'Programme office')).secret;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sync?.close();
  await new Promise<void>((done) => (proxy ? proxy.close(() => done()) : done()));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function serverRows(): Promise<{ id: string; revision: number }[]> {
  const response = await fetch(new URL('api/summaries', sync.url), { headers: { Authorization: `Bearer ${officeKey}` } });
  return ((await response.json()) as { summaries: { id: string; revision: number }[] }).summaries;
}

async function tablet(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newTablet(browser);
  await context.addInitScript(() => localStorage.setItem('heard-sync-backoff-base-ms', '150'));
  const page = await context.newPage();
  await page.goto(`${app.url}#/sync`);
  await page.getByRole('heading', { level: 1, name: 'Sending to the office' }).waitFor();
  return { context, page };
}

/** Puts closed meetings' summaries in the outbox as closeMeeting would (that step has its own repo tests). */
async function queue(page: Page, count: number): Promise<string[]> {
  const at = Date.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    return {
      id,
      meetingId: `m-${id}`,
      status: 'waiting',
      revision: 1,
      summary: exampleSummary({ id, meetingId: `m-${id}` }),
      attempts: 0,
      lastError: null,
      nextAttemptAt: at,
      leaseUntil: null,
      sentAt: null,
      sentRevision: null,
      createdAt: at + i,
      updatedAt: at,
    };
  });
  await page.evaluate(
    (entries) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('heard');
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          for (const entry of entries) tx.objectStore('outbox').put(entry);
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    rows,
  );
  return rows.map((r) => r.id);
}

async function setUp(page: Page, key: string) {
  await page.getByLabel('Link from the office').fill(`heard-sync:${proxyOrigin}/#${key}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved. Summaries will be sent from this device.').waitFor();
}

const status = (page: Page) => page.locator('a.sync-status').innerText();
const waitingOnDevice = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((done) => {
        const open = indexedDB.open('heard');
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => (open.result.close(), done((req.result as { status: string }[]).filter((e) => e.status !== 'sent').length));
        };
      }),
  );

describe('sending summaries to the office', () => {
  test('server down for a while, then up: nothing lost across reloads, one row', async () => {
    const { context, page } = await tablet();
    const key = (await createKey(sync.db, 'Down tablet')).secret;
    const [id] = await queue(page, 1);
    await page.reload();
    // Not set up yet: nothing is ever sent.
    await expect.poll(() => status(page)).toContain('1 summary waiting to send · not set up');
    expect(posted).not.toContain(id);
    mode = { kind: 'down' };
    await setUp(page, key);
    await expect.poll(() => status(page), { timeout: 10_000 }).toContain('The office server could not be reached');
    expect(await page.getByTestId('sync-problem').innerText()).toContain('could not be reached');
    await expectAccessible(page, 'sync screen with a problem');
    // The key is never on screen in full once saved.
    expect(await page.locator('body').innerText()).not.toContain(key);
    await page.reload();
    expect(await waitingOnDevice(page)).toBe(1);
    mode = { kind: 'pass' };
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All summaries sent');
    expect((await serverRows()).filter((r) => r.id === id)).toHaveLength(1);
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
    mode = { kind: 'down' };
    await setUp(page, secret);
    const ids = await queue(page, 3);
    mode = { kind: 'pass' };
    afterPass = async () => {
      afterPass = null;
      await revokeKey(sync.db, stored.id);
    };
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toContain('The server did not accept the device key');
    expect(await page.getByTestId('sync-problem').innerText()).toContain('The server did not accept the device key');
    expect(await waitingOnDevice(page)).toBe(2);
    await page.reload();
    expect(await waitingOnDevice(page)).toBe(2);
    const fresh = (await createKey(sync.db, 'New key')).secret;
    await page.getByLabel('New device key').fill(fresh);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('All summaries sent');
    const rows = await serverRows();
    for (const id of ids) expect(rows.filter((r) => r.id === id)).toHaveLength(1);
    await context.close();
  });
});
