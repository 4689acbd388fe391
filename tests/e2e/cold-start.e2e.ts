import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchProfile } from './chromium';
import { expectAccessible, expectSaved, readStored, serveBuild, TABLET, waitForOfflineReady, type AppServer } from './harness';
import { HeardApp, MeetingPage } from './page-models';

let server: AppServer;
let profile: string;
beforeAll(async () => {
  server = await serveBuild();
  profile = await mkdtemp(join(tmpdir(), 'heard-tablet-'));
});
afterAll(async () => {
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

const TABLET_OPTIONS = { viewport: TABLET, locale: 'en-GB', timezoneId: 'Europe/London' };

test('installed once, the tablet restarts with no network from its first request and runs a meeting', async () => {
  // Opened once with a connection, as a chair would at home: the service worker takes every file.
  const online = await launchProfile(profile, TABLET_OPTIONS);
  const first = online.pages()[0] ?? (await online.newPage());
  await first.goto(server.url);
  await new HeardApp(first).heading('Your meetings').waitFor();
  await waitForOfflineReady(first);
  await online.close();

  // In the hall: the browser starts again, offline from its first request, and the server is gone too.
  await server.close();
  const hall = await launchProfile(profile, { ...TABLET_OPTIONS, offline: true });
  const requests: { url: string; failed: string | null }[] = [];
  hall.on('requestfinished', (request) => requests.push({ url: request.url(), failed: null }));
  hall.on('requestfailed', (request) => requests.push({ url: request.url(), failed: request.failure()?.errorText ?? 'failed' }));
  const page = hall.pages()[0] ?? (await hall.newPage());
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  await page.goto(server.url);
  await app.heading('Your meetings').waitFor();

  await page.getByRole('button', { name: 'Try a sample group' }).click();
  await expectSaved(page);
  await page.getByRole('link', { name: /^Open Sample/ }).click();
  await app.heading(/Going home from hospital/).waitFor();
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
  await meeting.tapSpeaker('Aoife Byrne');
  await meeting.tapSpeaker('Dr Niamh Kelly');
  await expectAccessible(page, 'running screen after a cold start offline');
  await meeting.tap('End the meeting');
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();

  const turns = (await readStored<{ personId: string | null; startedAt: number }>(page, 'turns')).sort((a, b) => a.startedAt - b.startedAt);
  const people = await readStored<{ id: string; name: string }>(page, 'people');
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  expect(turns.map((turn) => nameOf.get(turn.personId ?? ''))).toEqual(['Aoife Byrne', 'Dr Niamh Kelly']);

  // Every file came from the tablet itself: nothing failed for want of a network, nothing went elsewhere.
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((r) => r.failed)).toEqual([]);
  const origin = new URL(server.url).origin;
  expect(requests.filter((r) => !r.url.startsWith(origin) && !/^(data|blob):/.test(r.url))).toEqual([]);
  await hall.close();
});
