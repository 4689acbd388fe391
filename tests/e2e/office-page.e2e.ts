import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createKey } from '../../server/src/keys';
import { startServer, type RunningServer } from '../../server/src/server';
import { storeSummary } from '../../server/src/summaries';
import { exampleSummary } from '../../server/src/summary-schema';
import { expectAccessible, launchChromium, newTablet } from './harness';

/**
 * The programme office's page in real Chromium (issue 18): a browser's own form posts carry the
 * page's origin, which the server now requires, so signing in, paging and moving a group work from
 * the page itself; a tablet's device key is turned away in words.
 */
let sync: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'heard-office-e2e-'));
  sync = await startServer({ port: 0, host: '127.0.0.1', dataDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sync?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the office page in a browser', () => {
  test('a device key is refused in words; an office key signs in, pages, and moves a group to another tablet', async () => {
    const hall = await createKey(sync.db, 'Hall tablet');
    const replacement = await createKey(sync.db, 'Replacement tablet');
    const office = (await createKey(sync.db, 'Programme office', 'office')).secret;
    const group = `grp-${randomUUID().slice(0, 8)}`;
    // 105 meetings: more than one page.
    for (let i = 0; i < 105; i += 1) {
      const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      const stored = await storeSummary(sync.db, exampleSummary({ id: randomUUID(), groupId: group, meetingId: `m-${i}`, date: day }), hall.key.id);
      expect(stored.outcome).toBe('created');
    }

    const context = await newTablet(browser);
    const page = await context.newPage();
    await page.goto(sync.url);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'office sign-in');

    await page.getByLabel('Key').fill(hall.secret);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('That is a tablet’s device key: it may only send summaries. Sign in with an office key.').waitFor();

    await page.getByLabel('Key').fill(office);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meeting summaries' }).waitFor();
    await page.getByText('Summaries 1 to 100 of 105.').first().waitFor();
    await expectAccessible(page, 'office page, first page');
    await page.getByRole('navigation', { name: 'Pages', exact: true }).getByRole('link', { name: 'Next page' }).click();
    await page.getByText('Summaries 101 to 105 of 105.').first().waitFor();

    await page.getByText('Sent by “Hall tablet”').waitFor();
    await page.getByLabel('Move this group to another tablet’s key').selectOption(replacement.key.id);
    await page.getByRole('button', { name: 'Move group' }).click();
    await page.getByText('Sent by “Replacement tablet”').first().waitFor();
    const log = page.getByRole('table', { name: 'Groups moved to another key (latest first)' });
    expect(await log.innerText()).toContain('“Programme office”');
    await expectAccessible(page, 'office page after a move');
    const owner = await sync.db.query<{ key_id: string }>('SELECT key_id FROM group_owners WHERE group_id = $1', [group]);
    expect(owner).toEqual([{ key_id: replacement.key.id }]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await context.close();
  });
});
