import { expect, test } from 'vitest';
import { expectAccessible, expectSaved, offlineTablet, useAppAndBrowser } from './harness';
import { HeardApp } from './page-models';

const env = useAppAndBrowser();

test('a newcomer tries the sample group offline, explores it, and deletes it in one step', async () => {
  const { context, page } = await offlineTablet(env);
  const app = new HeardApp(page);

  await page.getByRole('button', { name: 'Try a sample group' }).click();
  await app.heading('Sample: Hospital discharge workstream').waitFor();
  await expectSaved(page);
  await page.getByText('This is a sample group with made-up people').waitFor();
  await expect.poll(() => page.locator('main li').filter({ hasText: 'Aoife Byrne' }).count()).toBe(1);

  await app.goHome();
  // Both the group and its meeting are marked as a sample on the home screen.
  await expect.poll(() => page.getByText('Sample', { exact: true }).count()).toBe(2);
  await page.getByRole('link', { name: /^Open Sample/ }).click();
  await app.heading(/Going home from hospital/).waitFor();

  await page.getByRole('link', { name: /^Group: Sample/ }).click();
  await page.getByRole('button', { name: 'Delete sample group' }).click();
  await app.heading('Your meetings').waitFor();
  await page.getByRole('button', { name: 'Try a sample group' }).waitFor();
  await expect(page.getByText('Sample: Hospital discharge workstream').count()).resolves.toBe(0);

  // Still gone after a reload: the delete was one committed transaction.
  await page.reload();
  await page.getByRole('button', { name: 'Try a sample group' }).waitFor();
  await expect(page.getByText(/Sample:/).count()).resolves.toBe(0);
  await context.close();
});

test('the "This device" screen says how much is stored and whether it is kept safe, offline too', async () => {
  const { context, page } = await offlineTablet(env);
  await page.reload();
  await page.getByRole('button', { name: 'Try a sample group' }).click();
  await expectSaved(page);
  await page.getByRole('link', { name: 'This device' }).click();
  await page.getByRole('heading', { level: 1, name: 'This device' }).waitFor();
  await expect.poll(() => page.getByTestId('storage-used').textContent()).toMatch(/^Heard uses (less than 1 MB|\d+ MB|\d+(\.\d)? GB); about (\d+ MB|\d+(\.\d)? GB) free$/);
  await expect.poll(() => page.getByTestId('storage-persistent').textContent()).toMatch(/^(Yes|Not yet)/);
  await page.getByText('Ready: Heard opens without a connection on this device.').waitFor();
  await expectAccessible(page, 'this device');
  await context.close();
});
