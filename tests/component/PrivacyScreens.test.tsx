import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { db as appDb } from '../../src/db/connection';
import { setClockForTests } from '../../src/state/clock';
import { DeleteGroupScreen } from '../../src/ui/screens/DeleteGroupScreen';
import { DeleteMeetingScreen } from '../../src/ui/screens/DeleteMeetingScreen';
import { PersonScreen } from '../../src/ui/screens/PersonScreen';
import { t } from '../../src/ui/strings/all';
import { RetentionScreen } from '../../src/ui/screens/RetentionScreen';
import { useFreshDb } from '../support/fresh-db';
import { makePerson } from '../support/fixtures';
import { NAME, PRIYA, seedHoldings, T0, tracesOf } from '../support/privacy-holdings';

const db = useFreshDb();

async function everyTable(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of appDb().tables) out[table.name] = await table.toArray();
  return out;
}

const typeInto = (label: string, value: string) => fireEvent.input(screen.getByRole('textbox', { name: label }), { target: { value } });

describe('deleting a meeting', () => {
  it('a mismatched title gets a clear error and deletes nothing; the right title deletes it', async () => {
    await seedHoldings(db());
    render(<DeleteMeetingScreen meetingId="meeting-1" />);
    await screen.findByRole('heading', { level: 1, name: 'Delete this meeting' });
    // What goes is said before anything is typed: two dissent entries, the open action.
    screen.getByText('2 dissent entries raised at it');
    screen.getByText('2 actions agreed at it, 1 still open');
    screen.getByText('Its summary has been sent to the programme office: Heard sends the office a request to delete it.');

    const before = await everyTable();
    typeInto('Type the meeting’s title to confirm', 'April meeting');
    fireEvent.click(screen.getByRole('button', { name: 'Delete this meeting' }));
    const message = 'The title you typed is not this meeting’s title. Type “Meeting at PRIYA SHAH’s” to delete it.';
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Type the meeting’s title to confirm' }).getAttribute('aria-invalid')).toBe('true');
    expect(await everyTable()).toEqual(before);

    typeInto('Type the meeting’s title to confirm', 'meeting at priya shah’s');
    fireEvent.click(screen.getByRole('button', { name: 'Delete this meeting' }));
    await waitFor(async () => expect(await db().meetings.get('meeting-1')).toBeUndefined());
    expect(await db().turns.count()).toBe(0);
    expect(location.hash).toBe('#/groups/group-1');
  });

  it('an empty title asks for it, and deletes nothing', async () => {
    await seedHoldings(db());
    render(<DeleteMeetingScreen meetingId="meeting-2" />);
    await screen.findByRole('heading', { level: 1, name: 'Delete this meeting' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete this meeting' }));
    expect(await screen.findByRole('link', { name: 'Type the meeting’s title to delete it' })).toBeTruthy();
    expect(await db().meetings.get('meeting-2')).toBeDefined();
  });

  it('a running meeting cannot be deleted, and the screen says why', async () => {
    await seedHoldings(db());
    await db().meetings.update('meeting-1', { state: 'running' });
    render(<DeleteMeetingScreen meetingId="meeting-1" />);
    await screen.findByText('This meeting is running. A meeting cannot be deleted while it is running or being closed: end and close it first.');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete this meeting' })).toBeNull();
  });
});

describe('deleting a group', () => {
  it('a mismatched name deletes nothing; the right name deletes everything of the group', async () => {
    await seedHoldings(db());
    render(<DeleteGroupScreen groupId="group-1" />);
    await screen.findByRole('heading', { level: 1, name: 'Delete this group' });
    const before = await everyTable();
    typeInto('Type the group’s name to confirm', 'Carers circle');
    fireEvent.click(screen.getByRole('button', { name: 'Delete this group' }));
    await screen.findByRole('link', { name: 'The name you typed is not this group’s name. Type “Carers’ circle” to delete it.' });
    expect(await everyTable()).toEqual(before);

    typeInto('Type the group’s name to confirm', 'Carers’ circle');
    fireEvent.click(screen.getByRole('button', { name: 'Delete this group' }));
    await waitFor(async () => expect(await db().groups.count()).toBe(0));
    expect(await db().people.count()).toBe(0);
    expect(location.hash).toBe('#/');
  });
});

describe('the person screen', () => {
  it('lists what Heard holds, says what erasing will do, and erases with the words kept by default', async () => {
    await seedHoldings(db());
    render(<PersonScreen groupId="group-1" personId={PRIYA} />);
    await screen.findByRole('heading', { level: 1, name: NAME });
    screen.getByRole('heading', { level: 2, name: `What Heard holds about ${NAME}` });
    screen.getByRole('rowheader', { name: 'Meeting at PRIYA SHAH’s' });
    screen.getByText('“As Priya Shah, a carer, I say the letter is for the ward”');
    screen.getByText('Priya Shah, 07700 900123');
    screen.getByText('Their name is replaced by “Former member 1” on the roster and in every record on this tablet.');
    const keep = screen.getByRole('radio', { name: 'Keep the words, without their name' }) as HTMLInputElement;
    expect(keep.checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: `Erase ${NAME}` }));
    await screen.findByText('Erased. They are now “Former member 1” on the roster and in every record.');
    await screen.findByRole('heading', { level: 1, name: 'Former member 1' });
    for (const [table, rows] of Object.entries(await everyTable())) expect(tracesOf(rows, NAME), table).toEqual([]);
    expect((await db().dissent.get('d1'))!.words).toBe('As Former member 1, a carer, I say the letter is for the ward');
    // Erased: nothing left to erase.
    expect(screen.queryByRole('button', { name: /^Erase/ })).toBeNull();
  });

  it('says, part by part, how many records it holds, and "none" where it holds nothing', async () => {
    await seedHoldings(db());
    await db().people.add(makePerson({ id: 'p-new', name: 'Ana Silva', perspectiveId: 'staff' }));
    render(<PersonScreen groupId="group-1" personId="p-new" />);
    await screen.findByRole('heading', { level: 1, name: 'Ana Silva' });
    const part = (name: string) => screen.getByRole('region', { name });
    expect(within(part('Meetings (0)')).getByText('Not at any meeting.')).toBeTruthy();
    expect(within(part('Other records that mention them by name (0)')).getByText('None.')).toBeTruthy();
    expect(within(part('Actions they own (0)')).getByText('None.')).toBeTruthy();
    expect(within(part('Actions they own (0)')).queryByRole('list')).toBeNull();
  });

  it('deletes their words when the chair chooses', async () => {
    await seedHoldings(db());
    render(<PersonScreen groupId="group-1" personId={PRIYA} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Delete their words' }));
    fireEvent.click(screen.getByRole('button', { name: `Erase ${NAME}` }));
    await screen.findByRole('heading', { level: 1, name: 'Former member 1' });
    expect((await db().dissent.get('d1'))!.words).toBe('Words deleted when the person was erased');
  });

  it('will not erase while a check-in of the group is sealed: its words could name them, and nobody may read them', async () => {
    await seedHoldings(db());
    await db().sealedCheckIns.put({
      meetingId: 'meeting-2',
      groupId: 'group-1',
      sealedAt: T0,
      wrongPinAt: [],
      keys: { chair: null, device: null },
      counts: { written: 0, named: 0, oneToOnes: 1, glossary: 0 },
      words: { answers: [], oneToOnes: [{ id: 'sealed-o', meetingId: 'meeting-2', contact: NAME, checkInStartedAt: T0 }], glossary: [] },
    });
    render(<PersonScreen groupId="group-1" personId={PRIYA} />);
    await screen.findByText(t.privacy.person.checkInSealed);
    expect(screen.queryByRole('button', { name: `Erase ${NAME}` })).toBeNull();
  });

  it('will not erase while a meeting of the group is running', async () => {
    await seedHoldings(db());
    await db().meetings.update('meeting-2', { state: 'running' });
    render(<PersonScreen groupId="group-1" personId={PRIYA} />);
    await screen.findByText('A meeting of this group is running. Close it before erasing anyone: it is still recording what people say.');
    expect(screen.queryByRole('button', { name: `Erase ${NAME}` })).toBeNull();
  });
});

describe('the retention screen', () => {
  it('saves the period, lists older meetings, and deletes them all only after its own confirmation', async () => {
    await seedHoldings(db());
    await db().outbox.clear();
    // Two and a half years after the March 2030 meeting.
    setClockForTests(() => T0 + 913 * 86_400_000);
    try {
      render(<RetentionScreen groupId="group-1" />);
      await screen.findByRole('heading', { level: 1, name: 'How long records are kept' });
      screen.getByText('Records are kept until you delete them, so no meeting is listed.');
      fireEvent.click(screen.getByRole('radio', { name: '24 months' }));
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      await screen.findByRole('heading', { level: 2, name: 'Meetings past the period (2)' });
      expect((await db().groups.get('group-1'))!.retentionMonths).toBe(24);
      screen.getByRole('link', { name: 'Delete Meeting at PRIYA SHAH’s' });

      fireEvent.click(screen.getByRole('button', { name: 'Delete all 2 listed' }));
      await screen.findByText(/^Delete 2 meetings and everything recorded at them from this tablet\?/);
      // Asking is not deleting.
      expect(await db().meetings.count()).toBe(2);
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(await db().meetings.count()).toBe(2);

      fireEvent.click(screen.getByRole('button', { name: 'Delete all 2 listed' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Yes, delete 2 meetings' }));
      await screen.findByText('2 meetings deleted.');
      expect(await db().meetings.count()).toBe(0);
    } finally {
      setClockForTests(null);
    }
  });
});
