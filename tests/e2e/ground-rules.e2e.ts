import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectSaved, newTablet, recordRequests, useAppAndBrowser, waitForOfflineReady } from './harness';
import { HeardApp } from './page-models';

const env = useAppAndBrowser();

const EVERYONE = 'Everyone gets a chance to speak, and nobody speaks over anyone else.';
const PLAIN = 'We say things in plain words, and explain any initials or jargon.';
const OWN = 'We start and finish on time.';

function rulesList(page: Page) {
  return page.getByRole('region', { name: 'This group’s rules' }).getByRole('listitem');
}

/** Each rule as "words | status", top to bottom. */
async function shownRules(page: Page): Promise<string[]> {
  const rows = await rulesList(page).all();
  return Promise.all(
    rows.map(async (row) => {
      const words = await row.getByRole('paragraph').first().textContent();
      const status = await row.getByRole('paragraph').nth(1).textContent();
      return `${words} | ${status?.replace(/^[✓○–]/, '')}`;
    }),
  );
}

test('a chair writes, agrees and orders ground rules with no network, and finds them after a reload', async () => {
  const context = await newTablet(env.browser);
  const requests = recordRequests(context);
  const page = await context.newPage();
  const app = new HeardApp(page);

  // First visit online, so the service worker can take over; then no network at all.
  await page.goto(env.server.url);
  await app.heading('Your meetings').waitFor();
  await waitForOfflineReady(page);
  await context.setOffline(true);

  await app.createGroup('Carers’ forum');
  // From the group screen's link where it has one, else by the address, as a chair's bookmark would.
  const link = page.getByRole('link', { name: /^Ground rules/ });
  if ((await link.count()) > 0) {
    await link.click();
  } else {
    const groupId = /#\/groups\/([^/]+)$/.exec(page.url())?.[1];
    expect(groupId, 'the group screen’s address names the group').toBeTruthy();
    await page.goto(`${env.server.url}#/groups/${groupId}/rules`);
  }
  await app.heading('Ground rules').waitFor();
  await page.getByRole('link', { name: 'Group: Carers’ forum' }).waitFor();
  await page.getByText('No rules yet. Add one from the templates or write your own.').waitFor();
  await expect(page.getByRole('region', { name: 'Questions to talk about first' }).getByRole('listitem').count()).resolves.toBe(5);
  await expectAccessible(page, 'ground rules, empty');

  // An empty rule is not saved; the summary says why.
  await page.getByRole('button', { name: 'Add rule' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.textContent()).resolves.toContain('Enter the rule');
  await expectAccessible(page, 'ground rules, with an error summary');

  // Two templates and one rule of the group's own.
  await page.getByRole('button', { name: `Add: ${EVERYONE}` }).click();
  await rulesList(page).filter({ hasText: EVERYONE }).waitFor();
  await page.getByRole('button', { name: `Add: ${PLAIN}` }).click();
  await rulesList(page).filter({ hasText: PLAIN }).waitFor();
  await expect(page.getByRole('button', { name: `Add: ${PLAIN}` }).count(), 'a used template leaves the list').resolves.toBe(0);
  await page.getByRole('textbox', { name: 'Rule', exact: true }).fill(OWN);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await rulesList(page).filter({ hasText: OWN }).waitFor();
  await expectSaved(page);
  await expect(summary.count(), 'the error summary goes once the rule is good').resolves.toBe(0);

  // Agree the first and the third, outside a meeting (the group has none yet).
  for (const n of [1, 3]) {
    await page.getByRole('button', { name: `Mark as agreed: rule ${n}` }).click();
    const at = page.getByRole('combobox', { name: 'Agreed at' });
    await expect(at.inputValue()).resolves.toBe('');
    if (n === 1) await expectAccessible(page, 'ground rules, agreeing a rule');
    await page.getByRole('button', { name: `Record as agreed: rule ${n}` }).click();
    await expect.poll(() => rulesList(page).nth(n - 1).textContent()).toMatch(/Agreed \w{3} \d{1,2} \w{3} \d{4}/);
  }
  await page.getByText('2 rules agreed.').waitFor();

  // Reorder with the buttons: the own rule to the top.
  await page.getByRole('button', { name: 'Move up: rule 3' }).click();
  await expect.poll(() => rulesList(page).nth(1).textContent()).toContain(OWN);
  await page.getByRole('button', { name: 'Move up: rule 2' }).click();
  await expect.poll(() => rulesList(page).first().textContent()).toContain(OWN);
  await expectSaved(page);
  await expectAccessible(page, 'ground rules, with rules');

  const before = await shownRules(page);
  expect(before.map((r) => r.replace(/Agreed .*/, 'Agreed'))).toEqual([
    `${OWN} | Agreed`,
    `${EVERYONE} | Agreed`,
    `${PLAIN} | Not yet agreed`,
  ]);

  // Still offline: reload, and everything is as it was.
  await page.reload();
  await app.heading('Ground rules').waitFor();
  await rulesList(page).first().waitFor();
  await expect(shownRules(page)).resolves.toEqual(before);
  await expect(page.getByRole('button', { name: `Add: ${EVERYONE}` }).count()).resolves.toBe(0);

  const foreign = requests.filter((url) => !url.startsWith(env.server.url));
  expect(foreign, 'no request may leave for another origin').toEqual([]);
  await context.close();
});
