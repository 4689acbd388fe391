import { expect, test } from 'vitest';
import { expectAccessible, expectSaved, newTablet, recordRequests, useAppAndBrowser, waitForOfflineReady } from './harness';
import { HeardApp } from './page-models';

const env = useAppAndBrowser();

test('a chair sets up a group and a meeting with no network, and finds it all after closing the page', async () => {
  const context = await newTablet(env.browser);
  const requests = recordRequests(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const app = new HeardApp(page);

  // First visit, online: the service worker installs and takes control.
  await page.goto(env.server.url);
  await app.heading('Your meetings').waitFor();
  await waitForOfflineReady(page);
  await expectAccessible(page, 'home, first run');

  // From here on there is no network at all: the browser is offline and the server is gone.
  await context.setOffline(true);
  await env.server.close();
  await page.reload();
  await app.heading('Your meetings').waitFor();
  await page.getByRole('button', { name: 'Try a sample group' }).waitFor();

  // Bad input gets a clear message, not a saved group.
  await page.getByRole('link', { name: 'New group' }).click();
  await app.heading('New group').waitFor();
  await expectAccessible(page, 'new group form');
  await page.getByLabel('Group name').fill('   ');
  await page.getByRole('button', { name: 'Create group' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.textContent()).resolves.toContain('Enter group name');
  await expectAccessible(page, 'new group form with errors');
  await page.getByRole('link', { name: 'Home', exact: true }).click();

  await app.createGroup('Hospital discharge workstream');
  await expectAccessible(page, 'group screen');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.addPerson('Grace Doherty', 'Carer');
  await app.addPerson('<img src=x onerror=alert("pwned")>', 'Staff');

  // A name already in the group is warned about, then allowed on a second press.
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('  aoife   byrne ');
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByText('There is already someone called “aoife byrne” in this group').waitFor();
  await expectAccessible(page, 'duplicate name warning');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('');

  await app.createMeeting({
    title: 'Planning meeting',
    date: '2030-03-14',
    start: '10:00',
    end: '12:30',
    venue: 'St Columba’s church hall',
    chair: 'Grace Doherty',
  });
  await expectAccessible(page, 'meeting screen');
  await page.getByText('Thursday 14 March 2030, 10:00 to 12:30').waitFor();

  // A guest on the day.
  await page.getByLabel('Guest’s name').fill('Dr Sam Patel');
  await page.getByLabel('Guest’s perspective').selectOption({ label: 'Manager or commissioner' });
  await page.getByRole('button', { name: 'Add a guest' }).click();
  await page.getByText('Dr Sam Patel').waitFor();
  await expectSaved(page);

  // Close the page; open a fresh one, still offline.
  await page.close();
  const again = await context.newPage();
  again.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const reopened = new HeardApp(again);
  await again.goto(env.server.url);
  await reopened.heading('Your meetings').waitFor();
  await expectAccessible(again, 'home with a group and a meeting');
  await again.getByRole('link', { name: 'Hospital discharge workstream' }).waitFor();
  await again.getByRole('link', { name: 'Open Planning meeting' }).click();
  await reopened.heading('Planning meeting').waitFor();
  for (const name of ['Aoife Byrne', 'Grace Doherty', 'Dr Sam Patel', '<img src=x onerror=alert("pwned")>']) {
    await again.getByText(name, { exact: true }).first().waitFor();
  }
  expect(await again.locator('main img').count(), 'typed HTML must be shown as text').toBe(0);
  expect(dialogs, 'no script typed by a user may run').toEqual([]);

  const foreign = requests.filter((url) => !url.startsWith(env.server.url));
  expect(foreign, 'no request may leave for another origin').toEqual([]);
  await context.close();
});
