import { render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { exampleSummary } from '../../server/src/summary-schema';
import { db } from '../../src/db/connection';
import { addGroup } from '../../src/db/groups-repo';
import { writeSyncSettings } from '../../src/db/outbox-repo';
import { enqueuePrivacyRequest } from '../../src/db/privacy-outbox';
import type { PrivacyRequest } from '../../src/domain/sync-model';
import { SyncStatus } from '../../src/ui/components/SyncStatus';
import { SyncScreen } from '../../src/ui/screens/SyncScreen';
import { makeGroup, makePerson } from '../support/fixtures';
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

async function openScreen() {
  render(
    <main>
      <SyncScreen />
    </main>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Sending to the office' });
}

async function queueRequest(request: PrivacyRequest, at: number) {
  const database = db();
  await database.transaction('rw', database.outbox, () => enqueuePrivacyRequest(database, request, at, newId));
}

describe('SyncScreen', () => {
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
    render(
      <>
        <header>
          <SyncStatus />
        </header>
        <main>
          <SyncScreen />
        </main>
      </>,
    );
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
    expect((await screen.findByRole('link', { name: /waiting to send/ })).textContent).toBe('1 summary and 3 requests waiting to send · not set up');
    expect(document.body.textContent).not.toContain('Aoife');
    await expectNoAxeViolations();
  });
});
