import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { SummarySchema, exampleSummary } from '../../server/src/summary-schema';
import { db } from '../../src/db/connection';
import { addGroup } from '../../src/db/groups-repo';
import { readSyncSettings, writeSyncSettings } from '../../src/db/outbox-repo';
import { withoutNames } from '../../src/domain/sync-rules';
import { enqueuePrivacyRequest } from '../../src/db/privacy-outbox';
import type { PrivacyRequest } from '../../src/domain/sync-model';
import { SyncStatus } from '../../src/ui/components/SyncStatus';
import { SyncScreen } from '../../src/ui/screens/SyncScreen';
import { makeGroup, makePerson } from '../support/fixtures';
import { GROUP_CODES } from '../support/group-code-vectors';
import { useFreshDb } from '../support/fresh-db';
import { waitingSummary } from '../support/outbox-entries';

useFreshDb();

const AT = Date.UTC(2030, 2, 14, 12, 0);
let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

async function expectNoAxeViolations() {
  // jsdom lays nothing out, so colour contrast is axe's one rule it cannot judge (the e2e tests do, in Chromium).
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  expect(result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The Sync screen, with the header's sync status beside it when a test compares the two. */
async function openScreen({ withStatus = false } = {}) {
  render(
    <>
      {withStatus ? (
        <header>
          <SyncStatus />
        </header>
      ) : null}
      <main>
        <SyncScreen />
      </main>
    </>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Sending to the office' });
}

async function queueRequest(request: PrivacyRequest, at: number) {
  const database = db();
  await database.transaction('rw', database.outbox, () => enqueuePrivacyRequest(database, request, at, newId));
}

describe('SyncScreen', () => {
  it('lists each group with the code the office knows it by when names are off', async () => {
    await addGroup(makeGroup({ id: 'group-1', name: 'Hospital discharge workstream' }));
    await addGroup(makeGroup({ id: 'grp-b', name: 'Carers workstream' }));
    await openScreen();
    const section = await screen.findByRole('region', { name: 'How the office knows your groups' });
    // The same codes the office page shows for these ids (server/test/reflection.test.ts reads them there).
    const pairs = within(section).getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]);
    expect(pairs).toEqual([
      ['Carers workstream', GROUP_CODES.find(([id]) => id === 'grp-b')![1]],
      ['Hospital discharge workstream', GROUP_CODES.find(([id]) => id === 'group-1')![1]],
    ]);
    await expectNoAxeViolations();
  });

  it('not set up: says nothing is sent, offers no "Sync now", shows the settings form; axe finds nothing', async () => {
    await openScreen();
    expect(screen.getByText('Not set up: nothing is sent from this device. Summaries wait here until you add the office’s server.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(screen.getByText('Nothing waiting.')).toBeTruthy();
    expect(screen.getByText('Nothing sent yet.')).toBeTruthy();
    expect(screen.getByText('Nothing has been sent from this device yet.')).toBeTruthy();
    expect(screen.getByLabelText('Device key')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stop sending from this device' })).toBeNull();
    await expectNoAxeViolations();
  });

  it('set up with nothing to send: "Sync now", the saved key masked, no warning; axe finds nothing', async () => {
    await writeSyncSettings({ serverUrl: 'https://office.example.org/', deviceKey: 'heard_secret-key-1234', names: false });
    await openScreen();
    expect(await screen.findByRole('button', { name: 'Sync now' })).toBeTruthy();
    expect(screen.queryByText(/Not set up/)).toBeNull();
    expect(screen.getByText('Nothing waiting.')).toBeTruthy();
    expect(screen.getByLabelText('New device key')).toBeTruthy();
    expect(document.body.textContent).toContain('••••1234');
    expect(document.body.textContent).not.toContain('heard_secret-key');
    await expectNoAxeViolations();
  });

  it('lists waiting erasure and deletion requests in words, after the summaries, with no one’s name; the status counts them', async () => {
    await addGroup(makeGroup(), [makePerson({ name: 'Aoife Byrne' })]);
    const id = newId();
    const summary = exampleSummary({ id, meetingId: 'm-1', date: '2030-03-12' });
    await db().outbox.put(waitingSummary(summary, AT));
    await queueRequest({ kind: 'erase-person', groupId: 'group-1', personId: 'person-1', pseudonym: 'Former member 3' }, AT + 1);
    await queueRequest({ kind: 'delete-meeting', groupId: 'group-1', meetingId: 'm-2', summaryId: newId() }, AT + 2);
    await queueRequest({ kind: 'delete-group', groupId: 'group-gone' }, AT + 3);
    await openScreen({ withStatus: true });
    const waiting = await screen.findByRole('list', { name: 'Waiting to send' });
    const titles = within(waiting)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.list-row__title')?.textContent);
    expect(titles).toEqual([
      'Meeting · 2030-03-12',
      'A request to erase Former member 3 from the office’s records',
      'A request to delete a meeting of Hospital discharge workstream from the office’s records',
      'A request to delete all of a group’s summaries from the office’s records',
    ]);
    // Not set up and nothing older than 5 days: the header says nothing about it (the count has loaded).
    await waitFor(() => expect(document.querySelector('header [data-sync-waiting="4"]')).not.toBeNull());
    expect(screen.queryByRole('link', { name: /waiting to send/ })).toBeNull();
    expect(document.body.textContent).not.toContain('Aoife');
    await expectNoAxeViolations();
  });

  it('shows, for each waiting summary, exactly what will go: with names off, not the owner’s name it was built with', async () => {
    await writeSyncSettings({ serverUrl: 'https://office.example.org/', deviceKey: 'heard_secret-key-1234', names: false });
    const summary = exampleSummary({
      id: newId(),
      meetingId: 'm-1',
      names: true,
      groupName: 'Riverside group',
      actions: [{ text: 'Draft the letter', due: '2030-04-01', status: 'open', owner: 'Ann Smith', ownerId: 'p-ann' }],
    });
    await db().outbox.put(waitingSummary(summary, AT));
    await openScreen();
    (await screen.findByLabelText('See what is sent: Meeting · 2025-03-12', { selector: 'summary' })).click();
    const shown = await screen.findByLabelText('What is sent: Meeting · 2025-03-12', { selector: 'pre' });
    // What the screen shows is the very body the sender posts: the server's schema, names taken out.
    expect(JSON.parse(shown.textContent!)).toEqual(withoutNames(summary));
    expect(shown.textContent).toContain('Draft the letter');
    expect(shown.textContent).not.toContain('Ann Smith');
    expect(shown.textContent).not.toContain('Riverside group');
    expect(SummarySchema.safeParse(JSON.parse(shown.textContent!)).success).toBe(true);
    await expectNoAxeViolations();
  });

  it('lists what the server refused under "Set aside", with the status in words and "Try again"; the header says so; axe finds nothing', async () => {
    // "Try again" sends at once: to nothing that listens on this machine, never to the internet.
    await writeSyncSettings({ serverUrl: 'http://127.0.0.1:9/', deviceKey: 'heard_secret-key-1234', names: false });
    const summary = exampleSummary({ id: newId(), meetingId: 'm-1', date: '2030-03-12' });
    await db().outbox.put({ ...waitingSummary(summary, AT), status: 'set-aside', lastError: 'refused', lastStatus: 409, attempts: 1 });
    await queueRequest({ kind: 'delete-group', groupId: 'group-gone' }, AT + 1);
    await db().outbox.update((await db().outbox.toArray()).find((e) => e.kind === 'request')!.id, { status: 'set-aside', lastStatus: 403, attempts: 1 });
    await openScreen({ withStatus: true });
    const list = await screen.findByRole('list', { name: 'Set aside' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('The office server refused it (409: it already has a different copy of this version).');
    expect(rows[1]!.textContent).toContain('The office server refused it (403: this device key may not change that group).');
    expect(within(list).getByRole('button', { name: 'Try again: Meeting · 2030-03-12' })).toBeTruthy();
    expect(screen.getByText('Nothing waiting.')).toBeTruthy();
    expect((await screen.findByRole('link', { name: /set aside/ })).textContent).toBe('2 set aside');
    await expectNoAxeViolations();
    // "Try again" on the request puts it back in line as it was (and the send it starts finds nobody there: still in line).
    const request = (await db().outbox.toArray()).find((e) => e.kind === 'request')!;
    fireEvent.click(within(list).getByRole('button', { name: /^Try again: A request to delete/ }));
    await waitFor(async () => expect(['waiting', 'sending']).toContain((await db().outbox.get(request.id))!.status));
    expect((await db().outbox.get(request.id))!).toMatchObject({ id: request.id, kind: 'request', request: request.request });
  });

  it.each([
    ['http://office.example.org/', 'The address must start with https://, so the device key and summaries cannot be read on the way. http:// is only for a server on this tablet (localhost or 127.0.0.1).'],
    ['https://new-office.example.org/', 'Enter the device key for the new address: the saved key is only sent to the server it was saved for'],
  ])('will not save %s over the saved server without what it needs, and says why', async (address, message) => {
    const saved = { serverUrl: 'https://office.example.org/', deviceKey: 'heard_secret-key-1234', names: false };
    await writeSyncSettings(saved);
    await openScreen();
    const field = (await screen.findByLabelText('Server address')) as HTMLInputElement;
    fireEvent.input(field, { target: { value: address } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('link', { name: message })).toBeTruthy();
    // Nothing saved: the old server and its key stay as they were.
    expect(await readSyncSettings()).toEqual(saved);
  });
});
