import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { putAgendaItems } from '../../src/db/agenda-repo';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { getRunData } from '../../src/db/run-repo';
import { deriveRun } from '../../src/domain/meeting-clock';
import { setClockForTests } from '../../src/state/clock';
import { RecordPanel } from '../../src/ui/run/RecordPanel';
import { makeGroup, makeItem, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

const db = useFreshDb();
const T = new Date(2030, 2, 14, 10, 5).getTime();
afterEach(() => setClockForTests(null));

async function openPanel() {
  setClockForTests(() => T);
  await addGroup(makeGroup(), [makePerson({ id: 'aoife', name: 'Aoife Byrne' }), makePerson({ id: 'grace', name: 'Grace Doherty' })]);
  await saveMeeting(makeMeeting({ state: 'running' }), ['aoife', 'grace']);
  await putAgendaItems([makeItem({ id: 'item-1', title: 'Discharge letters' })]);
  await db().clockEvents.add({ id: 'e1', meetingId: 'meeting-1', seq: 1, at: T - 60_000, kind: 'start', itemId: 'item-1' });
  const data = (await getRunData('meeting-1'))!;
  render(<RecordPanel data={data} currentItemId={deriveRun(data.events, data.items, T).currentItemId} />);
  await screen.findByRole('button', { name: 'Park dissent' });
}

const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('RecordPanel', () => {
  it('parks dissent in the person’s own words against the current item, in two taps', async () => {
    await openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Park dissent' }));
    // The words field takes focus at once: the second tap is "Park it".
    await waitFor(() => expect(document.activeElement?.id).toBe('dissent-words'));
    expect(screen.getByText('Against the item “Discharge letters”.')).toBeTruthy();
    type(/What they disagree with/, 'Carers were not asked.');
    fireEvent.change(screen.getByLabelText('Who raised it'), { target: { value: 'grace' } });
    fireEvent.click(screen.getByRole('button', { name: 'Park it' }));
    expect(await screen.findByText('Dissent parked.')).toBeTruthy();
    const [entry] = await db().dissent.toArray();
    expect(entry).toMatchObject({ words: 'Carers were not asked.', raisedById: 'grace', itemId: 'item-1', status: 'parked', createdAt: T });
    expect(await screen.findByText('Carers were not asked.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dissent register (1 open)' })).toBeTruthy();
  });

  it('refuses empty words with a clear message and saves nothing', async () => {
    await openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Park dissent' }));
    type(/What they disagree with/, '   ');
    fireEvent.click(screen.getByRole('button', { name: 'Park it' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter what they disagree with' })).toBeTruthy();
    expect(await db().dissent.count()).toBe(0);
  });

  it('accepts words up to the limit and refuses one character more', async () => {
    await openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Park dissent' }));
    type(/What they disagree with/, 'x'.repeat(1001));
    fireEvent.click(screen.getByRole('button', { name: 'Park it' }));
    expect(await screen.findByRole('link', { name: 'What they disagree with must be 1,000 characters or fewer' })).toBeTruthy();
    type(/What they disagree with/, 'x'.repeat(1000));
    fireEvent.click(screen.getByRole('button', { name: 'Park it' }));
    await screen.findByText('Dissent parked.');
    expect((await db().dissent.toArray())[0]?.words).toHaveLength(1000);
  });

  it('asks the chair to check a vote that counts more people than are here, saves it once checked, and links the dissent as standing', async () => {
    await openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Park dissent' }));
    type(/What they disagree with/, 'The letter is for the ward.');
    fireEvent.click(screen.getByRole('button', { name: 'Park it' }));
    await screen.findByText('Dissent parked.');
    await screen.findByText('The letter is for the ward.');

    fireEvent.click(screen.getByRole('button', { name: 'Record a decision' }));
    type('What was decided', 'Use the short letter.');
    fireEvent.click(screen.getByRole('radio', { name: 'By a vote' }));
    type('For', '2');
    type('Against', '1');
    expect(screen.getByText(/^3 votes counted, but only 2 people are here\. Check the count before saving\. Some groups let members who are away vote by proxy/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /The letter is for the ward/ }));
    // Not saved until the chair has checked the count.
    fireEvent.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByRole('link', { name: /^More votes than people here: check the count/ })).toBeTruthy();
    expect(await db().decisions.count()).toBe(0);
    fireEvent.click(screen.getByRole('checkbox', { name: 'The count is right (it includes proxy votes)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByText('Decision recorded.')).toBeTruthy();
    const [decision] = await db().decisions.toArray();
    expect(decision).toMatchObject({ text: 'Use the short letter.', how: { kind: 'vote', for: 2, against: 1, abstain: 0 }, itemId: 'item-1' });
    expect((await db().dissent.toArray())[0]).toMatchObject({ status: 'standing', decisionId: decision!.id });
    expect(await screen.findByText('By a vote: 2 for, 1 against, 0 abstained')).toBeTruthy();
  });

  it('requires who decided elsewhere', async () => {
    await openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Record a decision' }));
    type('What was decided', 'Visiting hours stay as they are.');
    fireEvent.click(screen.getByRole('radio', { name: 'Decided elsewhere' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByRole('link', { name: 'Enter who made the decision' })).toBeTruthy();
    type('Decided by whom', 'Trust board');
    fireEvent.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByText('Decided elsewhere, by Trust board')).toBeTruthy();
  });

  it('adds an action with a past due date after a warning, not a refusal', async () => {
    await openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
    type('What will be done', 'Send the letter to the panel');
    fireEvent.click(screen.getByRole('button', { name: 'Save action' }));
    expect(await screen.findByRole('link', { name: 'Choose who will do it' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Enter the date it is due by' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Person who will do it'), { target: { value: 'aoife' } });
    type('Due by', '2030-03-01');
    expect(screen.getByText('Fri 1 Mar 2030 is in the past. Check the date; you can still save it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save action' }));
    expect(await screen.findByText('Action added.')).toBeTruthy();
    expect((await db().actions.toArray())[0]).toMatchObject({ what: 'Send the letter to the panel', owner: { kind: 'person', personId: 'aoife' }, due: '2030-03-01', status: 'open' });
  });
});
