import { expect, test } from 'vitest';
import { AreInPage } from './arein-page';
import { expectAccessible, expectSaved, newTablet, recordRequests, useAppAndBrowser, waitForOfflineReady } from './harness';
import { HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

const GROUP = 'Discharge co-production group';
const NO_AUTHORITY = 'Nobody in the group brings Authority. Who should be invited?';
const FOR_DECISION = '“New discharge letter” is for decision, and nobody here today can act on it.';

test('a chair maps who is at the table, sees who is missing at a meeting, and records a group review, all with no network', async () => {
  const context = await newTablet(env.browser);
  const requests = recordRequests(context);
  const page = await context.newPage();
  const app = new HeardApp(page);
  const arein = new AreInPage(page);

  // First visit online, so the service worker can take over; then no network at all.
  await page.goto(env.server.url);
  await app.heading('Your meetings').waitFor();
  await waitForOfflineReady(page);
  await context.setOffline(true);

  // A group without Authority: the warning says so, in plain words.
  await app.createGroup(GROUP);
  await arein.addPerson('Aoife Byrne', 'Lived experience');
  await arein.addPerson('Tom Reilly', 'Staff');
  await arein.addPerson('Deirdre Kelly', 'Manager or commissioner');
  await arein.mark('Aoife Byrne', ['Need']);
  await arein.mark('Tom Reilly', ['Need', 'Expertise', 'Information']);
  await arein.mark('Deirdre Kelly', ['Resources']);
  const warning = arein.coverage().getByText(NO_AUTHORITY);
  await warning.waitFor();
  await arein.coverage().getByText('Only two people bring Need (Aoife Byrne and Tom Reilly)', { exact: false }).waitFor();
  await expectAccessible(page, 'group screen, coverage with a role missing');

  // Deirdre can act on what the group decides: the warning clears.
  await arein.mark('Deirdre Kelly', ['Authority']);
  await warning.waitFor({ state: 'detached' });
  await expect(arein.coverage().getByText('Nobody in the group', { exact: false }).count()).resolves.toBe(0);
  await expect(arein.brings('Deirdre Kelly').getByRole('checkbox', { name: 'Authority' }).isChecked()).resolves.toBe(true);
  await expectAccessible(page, 'group screen, every role covered');

  // A meeting Deirdre is not expected at, with an item for decision.
  await page.getByRole('link', { name: 'New meeting' }).first().click();
  await app.heading('New meeting').waitFor();
  await page.getByLabel('Meeting title').fill('Discharge letters');
  await page.getByLabel('Date').fill('2030-03-14');
  await page.getByLabel('Start time').fill('10:00');
  await page.getByLabel('End time').fill('12:00');
  await page.getByLabel('Chair').selectOption({ label: 'Tom Reilly' });
  await page.getByRole('group', { name: 'Who is expected' }).getByRole('checkbox', { name: 'Deirdre Kelly' }).uncheck();
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await app.heading('Discharge letters').waitFor();
  await expectSaved(page);
  await new MeetingPage(page).addItem({ title: 'New discharge letter', purpose: 'For decision', minutes: 20 });
  await arein.today().getByText(FOR_DECISION, { exact: false }).waitFor();
  await arein.today().getByText('Nobody here today brings Resources.').waitFor();
  await expectAccessible(page, 'meeting screen, nobody with Authority today');

  // At the start of the running meeting, beside the ground rules, the chair sees it again.
  await page.getByRole('button', { name: 'Start meeting' }).click();
  await page.getByRole('heading', { name: 'Before we start: our ground rules' }).waitFor();
  await arein.today().getByText(FOR_DECISION, { exact: false }).waitFor();
  await expectAccessible(page, 'running meeting, ground rules step, nobody with Authority today');
  await page.goBack();
  await app.heading('Discharge letters').waitFor();

  // The group's own review: an empty one is refused, a real one is kept.
  await page.getByRole('link', { name: `Group: ${GROUP}` }).click();
  await app.heading(GROUP).waitFor();
  await page.getByRole('link', { name: 'Review how co-production is going' }).click();
  await app.heading('Review how co-production is going').waitFor();
  await page.getByText('No reviews yet.').waitFor();
  await expectAccessible(page, 'group review, none yet');

  await page.getByRole('button', { name: 'Save review' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.textContent()).resolves.toContain('Answer at least one question');
  await expectAccessible(page, 'group review, with an error summary');

  await page.getByLabel('Date of the review').fill('2030-03-14');
  await page.getByRole('textbox', { name: 'How much did we do?' }).fill('Four meetings; nine people took part.');
  await page.getByRole('textbox', { name: 'How well did we do it?' }).fill('Everyone had a say, but papers came late.');
  await page.getByRole('textbox', { name: 'Is anyone better off?' }).fill('Carers now get the discharge letter on the day.');
  await arein.rating('Valuing people', 'Well').check();
  await arein.rating('Reciprocal recognition', 'A little').check();
  await page.getByRole('textbox', { name: 'Comment on reciprocal recognition' }).fill('Expenses take weeks to come through.');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expectSaved(page);
  const past = page.getByRole('region', { name: 'Past reviews' });
  await past.getByRole('heading', { name: 'Review of Thu 14 Mar 2030' }).waitFor();
  await expect(summary.count(), 'the error summary goes once the review is good').resolves.toBe(0);
  await past.getByText('Expenses take weeks to come through.', { exact: false }).waitFor();
  await expectAccessible(page, 'group review, one saved');

  // Editable afterwards, and kept on the device through a reload with no network.
  await past.getByRole('button', { name: 'Edit the review of Thu 14 Mar 2030' }).click();
  await page.getByRole('heading', { name: 'Change the review of Thu 14 Mar 2030' }).waitFor();
  await expectAccessible(page, 'group review, editing');
  await page.getByRole('textbox', { name: 'How well did we do it?' }).fill('Everyone had a say; papers now go out a week ahead.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expectSaved(page);
  await past.getByText('Everyone had a say; papers now go out a week ahead.').waitFor();

  await page.reload();
  await app.heading('Review how co-production is going').waitFor();
  await past.getByText('Everyone had a say; papers now go out a week ahead.').waitFor();
  await past.getByText('Carers now get the discharge letter on the day.').waitFor();
  await expect(past.getByRole('listitem').count(), 'changing a review does not add a second').resolves.toBe(1);

  const origin = new URL(env.server.url).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  await context.close();
});
