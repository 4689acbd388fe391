import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createKey } from '../../server/src/keys';
import { startServer, type RunningServer } from '../../server/src/server';
import { groupCode } from '../../server/src/shared/group-code';
import { PROGRAMME_CHARTS, seedProgramme } from '../../server/test/seed-programme';
import { parseCsv } from '../support/parse-csv';
import { expectAccessible, launchChromium } from './harness';

/**
 * The programme office's reflection pages in real Chromium (issue 24), over the seeded programme
 * (4 groups × 12 monthly meetings of 2025): sign in with an office key, open a group over time and
 * the programme side by side in landscape and portrait, find each chart and its table, print the
 * programme to A4 with page numbers and the title and period on every page, download a CSV.
 */
let sync: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let dataDir = '';
let officeKey = '';
const out = 'test-results/office-reflection';
/** Where the pages' screenshots go, for a person to look at: only when asked for, as they prove nothing. */
const shots = process.env.HEARD_SHOTS;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'heard-office-reflection-'));
  sync = await startServer({ port: 0, host: '127.0.0.1', dataDir });
  const tablet = await createKey(sync.db, 'Hall tablet');
  await seedProgramme(sync.db, tablet.key.id);
  officeKey = (await createKey(sync.db, 'Programme office', 'office')).secret;
  browser = await launchChromium();
  mkdirSync(out, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await sync?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Each chart is an image with its name, and the table of the same figures follows it. */
async function expectChartsAndTables(page: Page) {
  for (const name of PROGRAMME_CHARTS) {
    const chart = page.getByRole('img', { name: `${name}: chart. The same figures are in the table below it.` });
    await chart.waitFor();
    const section = page.getByRole('region', { name: name.startsWith('Check-in') ? `${name} (share of those who answered)` : name });
    expect(await section.getByRole('img').count()).toBe(1);
    expect(await section.getByRole('table').count()).toBe(1);
  }
}

async function signIn(page: Page) {
  await page.goto(sync.url);
  await page.getByLabel('Key').fill(officeKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meeting summaries' }).waitFor();
}

describe('the office reflection pages in a browser', () => {
  for (const [label, viewport] of [
    ['landscape', { width: 1024, height: 768 }],
    ['portrait', { width: 768, height: 1024 }],
  ] as const) {
    test(`${label}: a group over time and the programme side by side, charts with their tables; axe finds nothing`, async () => {
      const context = await browser.newContext({ viewport, locale: 'en-GB', acceptDownloads: true });
      const page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      await signIn(page);

      // A group without a name, by the code its chair sees on the tablet.
      const code = groupCode('grp-b');
      await page.getByRole('link', { name: `Group ${code} (grp-b) over time, in charts` }).click();
      await page.getByRole('heading', { level: 1, name: `Group ${code} over time` }).waitFor();
      await page.getByText('Meetings 1 to 12 of 12: meetings from 2025-01-10 to 2025-12-10.').waitFor();
      await expectChartsAndTables(page);
      // Two check-in answers at each meeting: too few to show, in the table.
      const checkIn = page.getByRole('table', { name: 'Check-in: Did you feel listened to? (share of those who answered)' });
      expect(await checkIn.getByRole('cell', { name: 'too few to show' }).count()).toBe(24);
      await expectAccessible(page, `group over time (${label})`);
      if (shots) await page.screenshot({ path: `${shots}/office-${label}-group.png`, fullPage: true });

      await page.getByRole('navigation', { name: 'Office pages' }).getByRole('link', { name: 'Programme side by side' }).click();
      await page.getByRole('heading', { level: 1, name: 'Programme side by side' }).waitFor();
      await page.getByText('2025 Q4 (October to December): groups 1 to 4 of 4 that met.').waitFor();
      // The period chooser is a plain form: choose a quarter and show it.
      await page.getByLabel('Period', { exact: true }).selectOption('2025-Q2');
      await page.getByRole('button', { name: 'Show this period' }).click();
      await page.getByText('2025 Q2 (April to June): groups 1 to 4 of 4 that met.').waitFor();
      expect(new URL(page.url()).search).toBe('?period=2025-Q2');
      await page.getByText('Lived experience share rose from 12% to 24% of talk in Carers Workstream.').waitFor();
      await expectChartsAndTables(page);
      await expectAccessible(page, `programme side by side (${label})`);
      if (shots) await page.screenshot({ path: `${shots}/office-${label}-programme.png`, fullPage: true });
      // Nothing was asked of any origin but the office server's own.
      expect(asked.filter((url) => new URL(url).origin !== new URL(sync.url).origin)).toEqual([]);
      await context.close();
    });
  }

  test('prints the programme to A4 with page numbers, the title and period on every page; downloads a table as CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(new URL('office/programme?period=2025-Q2', sync.url).href);
    await page.getByRole('heading', { level: 1, name: 'Programme side by side' }).waitFor();

    const [download] = (await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download “Share of talk by perspective, against its fair share” as CSV' }).click(),
    ])) as [Download, unknown];
    expect(download.suggestedFilename()).toBe('heard-programme-2025-Q2-talk.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual(['Group', 'Perspective', 'Most present at one meeting', 'Share of talk', 'Fair share']);
    expect(rows).toContainEqual(['Carers Workstream', 'Lived experience', '3', '24%', '50%']);
    expect(rows).toContainEqual([`Group ${groupCode('grp-d')}`, 'Carer', '1', 'too few to show', '20%']);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const file = join(out, 'programme.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    // A4 is 595 × 842 points.
    expect(info).toMatch(/^Page size:.*\(A4\)/m);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let n = 1; n <= pages; n += 1) {
      const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });
      expect(text, `page ${n}`).toContain(`Page ${n} of ${pages}`);
      // pdftotext drops the space after each "·" of the margin box: compare the words.
      expect(text.replace(/\s*·\s*/g, ' · '), `page ${n}`).toContain('Heard programme office · Programme side by side · 2025 Q2 (April to June)');
    }
    await context.close();
  });
});
