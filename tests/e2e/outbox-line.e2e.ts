import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { exampleSummary } from '../../server/src/summary-schema';
import { waitingSummary } from '../support/outbox-entries';
import { expectAccessible, newTablet, putStored, useAppAndBrowser } from './harness';

const env = useAppAndBrowser();

const DAY = 24 * 60 * 60_000;
const ADVICE = 'Waiting more than 5 days, and sending is not set up: install Heard on this tablet and keep a backup';

/** The header's line about the outbox, found as a chair would: a link in the page's banner. */
const headerLine = (page: Page) => page.getByRole('banner').getByRole('link', { name: /waiting to send|summaries sent|set aside/ });

/** A tablet with one summary left in the outbox by a meeting that closed at `at`. */
async function tabletWithWaitingSummary(at: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newTablet(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1, name: 'Your meetings' }).waitFor();
  const id = randomUUID();
  await putStored(page, 'outbox', [waitingSummary(exampleSummary({ id, meetingId: `m-${id}`, groupId: `grp-${id}` }), at)]);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your meetings' }).waitFor();
  return { context, page };
}

/** The header has read the outbox (its count is on the page, hidden or not): only now can "not shown" be told. */
async function headerHasCounted(page: Page, waiting: number): Promise<void> {
  await page.locator(`header [data-sync-waiting="${waiting}"]`).waitFor({ state: 'attached' });
}

test('a chair who never sends: the header says nothing about the outbox until a summary has waited more than 5 days', async () => {
  const { context, page } = await tabletWithWaitingSummary(Date.now());
  await headerHasCounted(page, 1);
  await expect(headerLine(page).count()).resolves.toBe(0);
  await expect(page.getByRole('banner').innerText()).resolves.not.toContain('not set up');
  // It is still there to see on the sending screen.
  await page.getByRole('link', { name: 'Sending to the office' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sending to the office' }).waitFor();
  await page.getByRole('list', { name: 'Waiting to send' }).waitFor();
  await expectAccessible(page, 'sending screen, not set up, header quiet');

  // Six days on, with sending still not set up: the line comes, with what to do before the browser clears it.
  await context.clock.setFixedTime(Date.now() + 6 * DAY);
  await page.reload();
  await expect.poll(() => headerLine(page).innerText()).toBe(`1 summary waiting to send · ${ADVICE}`);
  await expectAccessible(page, 'header, a summary waiting 6 days, not set up');
  await context.close();
});

test('a chair who has set sending up sees what waits in the header', async () => {
  const { context, page } = await tabletWithWaitingSummary(Date.now());
  await headerHasCounted(page, 1);
  await expect(headerLine(page).count()).resolves.toBe(0);
  await page.getByRole('link', { name: 'Sending to the office' }).click();
  // A server on this machine; this build's address list does not include it, so nothing leaves the page.
  await page.getByLabel('Link from the office').fill('heard-sync:http://127.0.0.1:9/#heard_test_key');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved. Summaries will be sent from this device.').waitFor();
  await expect.poll(() => headerLine(page).innerText()).toContain('1 summary waiting to send');
  await expect(headerLine(page).innerText()).resolves.not.toContain(ADVICE);
  await expectAccessible(page, 'header, sending set up, a summary waiting');
  await context.close();
});
