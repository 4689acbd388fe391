import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { addAction, addDecision, addDissent, changeDissent } from '../../src/db/record-repo';
import { makeAction, makeDecision, parkDissent, resolveDissent } from '../../src/domain/record';
import { setClockForTests } from '../../src/state/clock';
import { DissentRegisterScreen } from '../../src/ui/screens/DissentRegisterScreen';
import { YouSaidWeDidScreen } from '../../src/ui/screens/YouSaidWeDidScreen';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

const db = useFreshDb();
const T = new Date(2030, 2, 14, 10, 0).getTime();
afterEach(() => setClockForTests(null));

async function recordWithThree() {
  setClockForTests(() => T + 3_600_000);
  await addGroup(makeGroup(), [makePerson({ id: 'aoife', name: 'Aoife Byrne' })]);
  await saveMeeting(makeMeeting({ state: 'running' }), ['aoife']);
  const park = (id: string, words: string, raisedById: string | null) =>
    addDissent(parkDissent({ id, groupId: 'group-1', meetingId: 'meeting-1', itemId: null, raisedById, words, at: T }));
  await park('open', 'Nobody asked carers.', null);
  await park('settled', 'The form is too long.', 'aoife');
  await park('stands', 'x'.repeat(1000), 'aoife');
  await changeDissent('settled', (e) => resolveDissent(e, 'Cut to one page', T + 1, 'meeting-1'));
  await addDecision(makeDecision({ id: 'dec', groupId: 'group-1', meetingId: 'meeting-1', itemId: null, text: 'Keep the form', how: { kind: 'chair' }, dissentIds: ['stands'], at: T + 2 }), T + 2);
}

describe('DissentRegisterScreen', () => {
  it('shows open dissent first and filters to resolved and standing', async () => {
    await recordWithThree();
    render(<DissentRegisterScreen groupId="group-1" />);
    await screen.findByRole('heading', { level: 1, name: 'Dissent register: Hospital discharge workstream' });
    expect(screen.getByText('Nobody asked carers.')).toBeTruthy();
    expect(screen.getByText('Raised anonymously', { exact: false })).toBeTruthy();
    expect(screen.queryByText('The form is too long.')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'Resolved (1)' }));
    expect(await screen.findByText('The form is too long.')).toBeTruthy();
    expect(screen.getByText('Resolved: Cut to one page')).toBeTruthy();
    expect(screen.queryByText('Nobody asked carers.')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'Standing dissent (1)' }));
    expect(await screen.findByText('Recorded as standing dissent against the decision: “Keep the form”')).toBeTruthy();
    // Long words are shown whole; the layout wraps them (overflow-wrap in record.css).
    expect(screen.getAllByText('x'.repeat(1000)).length).toBeGreaterThan(0);
    expect(screen.getByText('Decided by the chair')).toBeTruthy();
  });

  it('resolves an open entry only with words saying how', async () => {
    await recordWithThree();
    render(<DissentRegisterScreen groupId="group-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Resolve: Nobody asked carers.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record as resolved' }));
    expect(await screen.findByText('Enter how it was resolved')).toBeTruthy();
    expect((await db().dissent.get('open'))?.status).toBe('parked');
    fireEvent.input(screen.getByLabelText('How was it resolved?', { exact: false }), { target: { value: 'Carers now on the panel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record as resolved' }));
    await waitFor(async () => expect((await db().dissent.get('open'))?.status).toBe('resolved'));
    // Recorded at the meeting that is running now.
    expect((await db().dissent.get('open'))?.history.at(-1)).toMatchObject({ status: 'resolved', meetingId: 'meeting-1', note: 'Carers now on the panel' });
    expect(await screen.findByText('No dissent matches.')).toBeTruthy();
  });
});

describe('YouSaidWeDidScreen', () => {
  it('lists each action beside what came of it, and drops one only with a reason', async () => {
    await recordWithThree();
    await addAction(makeAction({ id: 'a1', groupId: 'group-1', meetingId: 'meeting-1', itemId: null, what: 'Ask for a hearing loop', owner: { kind: 'organisation', name: 'Estates' }, due: '2030-03-01', at: T }));
    render(<YouSaidWeDidScreen groupId="group-1" />);
    await screen.findByRole('heading', { level: 1, name: 'You said, we did: Hospital discharge workstream' });
    expect(screen.getByText('Ask for a hearing loop')).toBeTruthy();
    expect(screen.getByText('Owner: Estates')).toBeTruthy();
    expect(screen.getByText('Overdue: was due Fri 1 Mar 2030')).toBeTruthy();
    expect(screen.getByText('Not done yet')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Mark done: Ask for a hearing loop' }));
    expect(await screen.findByText('Done Thu 14 Mar 2030')).toBeTruthy();
    expect((await db().actions.get('a1'))?.status).toBe('done');
    fireEvent.click(screen.getByRole('button', { name: 'Reopen: Ask for a hearing loop' }));
    expect(await screen.findByText('Not done yet')).toBeTruthy();
  });
});
