import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { putAgendaItems } from '../../src/db/agenda-repo';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { getRunData } from '../../src/db/run-repo';
import { setClockForTests } from '../../src/state/clock';
import { VoiceBalancePanel } from '../../src/ui/run/VoiceBalancePanel';
import { makeGroup, makeItem, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';
import { settleTurns } from '../../src/domain/speaking';

/** How many turns are running, as the app reads its stored turns back. */
const runningTurns = async () => settleTurns(await db().turns.toArray()).filter((t) => t.endedAt === null).length;

const db = useFreshDb();
const T = new Date(2030, 2, 14, 10, 0).getTime();
const MINUTE = 60_000;
let clock = T;
// The screen's clocks run on intervals: these tests move them on with the clock, as time passing would.
beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
afterEach(() => {
  vi.useRealTimers();
  setClockForTests(null);
});

/** `ms` pass: the clock moves on and the screen's clocks tick. */
function passTime(ms: number) {
  clock += ms;
  act(() => void vi.advanceTimersByTime(ms));
}

const people = [
  makePerson({ id: 'aoife', name: 'Aoife Byrne', perspectiveId: 'lived' }),
  makePerson({ id: 'grace', name: 'Grace Doherty', perspectiveId: 'carer' }),
  makePerson({ id: 'sam', name: 'Dr Sam Patel', perspectiveId: 'staff' }),
];

/** The panel as the running screen shows it: re-rendered with fresh data, as the live query would. */
async function showPanel() {
  const data = (await getRunData('meeting-1'))!;
  const view = <VoiceBalancePanel data={data} itemId="item-1" />;
  return view;
}

async function openMeeting() {
  clock = T;
  setClockForTests(() => clock);
  await addGroup(makeGroup(), people);
  await saveMeeting(makeMeeting({ state: 'running' }), people.map((p) => p.id));
  await putAgendaItems([makeItem({ id: 'item-1', title: 'Respite breaks' })]);
  await db().clockEvents.add({ id: 'e1', meetingId: 'meeting-1', seq: 1, at: T, kind: 'start', itemId: 'item-1' });
  const result = render(await showPanel());
  await screen.findByRole('heading', { name: 'Who is speaking' });
  return async () => result.rerender(await showPanel());
}

/** A paragraph whose whole text, across its bold and plain parts, is `text`. */
const paragraph = (text: string) => screen.findByText((_, el) => el?.tagName === 'P' && el.textContent === text);

const tile = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}`) });

describe('VoiceBalancePanel', () => {
  it('groups the tiles by perspective, with every name in text', async () => {
    await openMeeting();
    for (const [group, name] of [
      ['Lived experience', 'Aoife Byrne'],
      ['Carer', 'Grace Doherty'],
      ['Staff', 'Dr Sam Patel'],
    ]) {
      const region = screen.getByRole('region', { name: new RegExp(`^${group}`) });
      expect(within(region).getByRole('button', { name: new RegExp(`^${name}`) })).toBeTruthy();
    }
  });

  it('stores a tap at once and shows who is speaking; tapping another hands over; "Nobody speaking" stops', async () => {
    const refresh = await openMeeting();
    fireEvent.click(tile('Dr Sam Patel'));
    await waitFor(async () => expect(await db().turns.count()).toBe(1));
    passTime(3 * MINUTE);
    await refresh();
    await waitFor(() => expect(tile('Dr Sam Patel').getAttribute('aria-pressed')).toBe('true'));
    expect(tile('Dr Sam Patel').textContent).toContain('Speaking · 3:00');

    fireEvent.click(tile('Aoife Byrne'));
    await waitFor(async () => expect(await runningTurns()).toBe(1));
    await refresh();
    await waitFor(() => expect(tile('Aoife Byrne').getAttribute('aria-pressed')).toBe('true'));
    expect(tile('Dr Sam Patel').getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: 'Nobody speaking' }));
    await waitFor(async () => expect(await runningTurns()).toBe(0));
  });

  it('moves the speaker’s time every second and the figures every five, with no tap; undo goes when its time is up', async () => {
    await openMeeting();
    fireEvent.click(tile('Dr Sam Patel'));
    await waitFor(() => expect(tile('Dr Sam Patel').getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByRole('button', { name: 'Undo last tap' })).toBeTruthy();
    passTime(65_000);
    expect(tile('Dr Sam Patel').textContent).toContain('Speaking · 1:05');
    // Three people here share 65 seconds: a fair share is 21⅔ seconds, written as the clocks count, 21 s.
    expect(screen.getByText('1 min 5 s in 1 turn; a fair share is 21 s')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo last tap' })).toBeNull();
    passTime(3_000);
    expect(tile('Dr Sam Patel').textContent).toContain('Speaking · 1:08');
    expect(screen.getByText('1 min 5 s in 1 turn; a fair share is 21 s')).toBeTruthy();
    passTime(2_000);
    expect(screen.getByText('1 min 10 s in 1 turn; a fair share is 23 s')).toBeTruthy();
  });

  it('shows the balance in words and numbers, flags the over-talking group, and lists who has not been heard', async () => {
    const refresh = await openMeeting();
    fireEvent.click(tile('Dr Sam Patel'));
    await waitFor(async () => expect(await db().turns.count()).toBe(1));
    passTime(3 * MINUTE);
    fireEvent.click(screen.getByRole('button', { name: 'Nobody speaking' }));
    await waitFor(async () => expect(await runningTurns()).toBe(0));
    await refresh();
    // One measure, in words, with the detail behind it: no percentages of two kinds side by side.
    expect(await paragraph('Staff — Well over their share')).toBeTruthy();
    expect(await paragraph('Carer — Well under their share')).toBeTruthy();
    expect(screen.getByText('3 min in 1 turn; a fair share is 1 min')).toBeTruthy();
    expect(screen.getByText('Staff: well over their share (3 min of talk; a fair share is 1 min).')).toBeTruthy();
    expect(screen.getByText('Carer: well under their share (0 s of talk; a fair share is 1 min).')).toBeTruthy();
    expect(screen.queryByText(/%/)).toBeNull();
    const table = screen.getByRole('table', { name: 'Each person' });
    expect(within(table).getByRole('row', { name: /^Dr Sam Patel/ }).textContent).toContain('Well over their share');
    const notHeard = within(screen.getByRole('region', { name: 'Not yet heard' })).getAllByRole('listitem');
    expect(notHeard.map((li) => li.textContent)).toEqual(['Aoife Byrne', 'Grace Doherty']);
    expect(screen.getByText('Here now and under 30 s so far (this item).')).toBeTruthy();
  });

  it('queues people who ask to speak and gives the floor to the top of the queue', async () => {
    const refresh = await openMeeting();
    fireEvent.click(screen.getByRole('button', { name: 'Ask to speak: Grace Doherty' }));
    await waitFor(async () => expect(await db().queue.count()).toBe(1));
    await refresh();
    fireEvent.click(await screen.findByRole('button', { name: 'Next speaker: Grace Doherty' }));
    await waitFor(async () => expect((await db().turns.toArray()).map((t) => t.personId)).toEqual(['grace']));
    expect((await db().queue.toArray())[0]?.doneAt).toBe(T);
  });

  it('shows the room only the groups, never a person’s own figures', async () => {
    const refresh = await openMeeting();
    fireEvent.click(tile('Aoife Byrne'));
    await waitFor(async () => expect(await db().turns.count()).toBe(1));
    passTime(MINUTE);
    await refresh();
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Show the room' }));
    expect(await screen.findByRole('heading', { name: 'How the talking is shared' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    // One person from each perspective: none is shown on its own, only the three together.
    expect(await paragraph('Other perspectives — Too early to say')).toBeTruthy();
    for (const group of ['Lived experience', 'Carer', 'Staff']) expect(screen.queryByText(group, { exact: false })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Aoife Byrne/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the chair’s view' }));
    expect(await screen.findByRole('heading', { name: 'Who is speaking' })).toBeTruthy();
  });

  it('never lists the speaker as not yet heard, and lists everyone here at an item’s first moment, numbered from 1', async () => {
    const refresh = await openMeeting();
    // The item's first moment: nobody has spoken, so everyone here is not yet heard, and nothing says otherwise.
    const region = () => screen.getByRole('region', { name: 'Not yet heard' });
    await waitFor(() => expect(within(region()).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Aoife Byrne', 'Dr Sam Patel', 'Grace Doherty']));
    expect(within(region()).getByRole('list').tagName).toBe('OL');
    expect(within(region()).getByRole('list').getAttribute('start')).toBeNull();
    expect(screen.queryByText(/Everyone here has/)).toBeNull();
    fireEvent.click(tile('Grace Doherty'));
    await waitFor(async () => expect(await runningTurns()).toBe(1));
    await refresh();
    // Speaking for a second is being heard now: Grace leaves the list at once.
    await waitFor(() => expect(within(region()).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Aoife Byrne', 'Dr Sam Patel']));
  });

  it('takes whoever starts speaking off the queue, in the stored queue', async () => {
    const refresh = await openMeeting();
    fireEvent.click(screen.getByRole('button', { name: 'Ask to speak: Dr Sam Patel' }));
    await waitFor(async () => expect(await db().queue.count()).toBe(1));
    await refresh();
    await screen.findByRole('button', { name: 'Next speaker: Dr Sam Patel' });
    fireEvent.click(tile('Dr Sam Patel'));
    await waitFor(async () => expect((await db().queue.toArray())[0]?.doneAt).toBe(T));
    await refresh();
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Next speaker/ })).toBeNull());
    expect(screen.queryByRole('button', { name: /^In the queue/ })).toBeNull();
    expect(screen.getByText('Nobody is waiting to speak.')).toBeTruthy();
  });

  it('never shows the speaker waiting for the floor, even where the stored queue still holds them (a tablet from before that rule)', async () => {
    const refresh = await openMeeting();
    fireEvent.click(tile('Dr Sam Patel'));
    await waitFor(async () => expect(await runningTurns()).toBe(1));
    await db().queue.bulkAdd([
      { id: 'q-sam', meetingId: 'meeting-1', personId: 'sam', askedAt: T - 1000, position: null, doneAt: null },
      { id: 'q-grace', meetingId: 'meeting-1', personId: 'grace', askedAt: T, position: null, doneAt: null },
    ]);
    await refresh();
    expect(await screen.findByRole('button', { name: 'Next speaker: Grace Doherty' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'In the queue: 1: Grace Doherty' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^In the queue.*Dr Sam Patel/ })).toBeNull();
    expect(tile('Dr Sam Patel').textContent).toContain('Speaking');
  });

  it('ends the turn when the meeting pauses, and says so', async () => {
    const refresh = await openMeeting();
    fireEvent.click(tile('Dr Sam Patel'));
    await waitFor(async () => expect(await runningTurns()).toBe(1));
    passTime(5_000);
    await db().clockEvents.add({ id: 'e2', meetingId: 'meeting-1', seq: 2, at: clock, kind: 'pause' });
    passTime(12_000);
    await refresh();
    expect(await screen.findByText('Dr Sam Patel’s turn ended for the break.', { exact: false })).toBeTruthy();
    expect(screen.getByText('Nobody’s talk counts on a break.', { exact: false })).toBeTruthy();
    expect(tile('Dr Sam Patel').getAttribute('aria-pressed')).toBe('false');
    // 5 seconds of talk, not 17: the break is nobody's.
    expect(tile('Dr Sam Patel').textContent).toContain('5 s on this item');
    // A tap on a break writes nothing.
    fireEvent.click(tile('Aoife Byrne'));
    passTime(1_000);
    expect(await db().turns.count()).toBe(1);
  });
});
