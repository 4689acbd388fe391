import { useFreshDb } from '../support/fresh-db';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setClockForTests } from '../../src/state/clock';
import { RecordScreen } from '../../src/ui/screens/RecordScreen';
import { AWKWARD, seedRecord, T0 } from '../support/record-seed';

const db = useFreshDb();
afterEach(() => setClockForTests(null));

async function open() {
  setClockForTests(() => T0 + 3 * 3600_000);
  await seedRecord(db());
  render(<RecordScreen meetingId="meeting-1" />);
  await screen.findByRole('heading', { level: 1, name: 'Minutes: Planning meeting' });
}

describe('RecordScreen', () => {
  it('shows who came and for how long, who sent apologies, with names, and the agenda planned against used', async () => {
    await open();
    const present = within(screen.getByRole('region', { name: 'Present' }));
    expect(present.getByRole('row', { name: `${AWKWARD.rtl} Carer 10:10 10:40 30 min` })).toBeTruthy();
    // Expected and did not come: under Apologies, never among those present.
    expect(present.queryByText('Sam Patel')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Apologies' })).getByRole('listitem').textContent).toBe('Sam Patel (Lived experience)');
    const agenda = within(screen.getByRole('region', { name: 'Agenda: time planned and used' }));
    expect(agenda.getByRole('row', { name: `1. # Discharge *letters*Led by ${AWKWARD.html} 20 min 25 min Discussed` })).toBeTruthy();
    expect(screen.getByText('1 request for a one-to-one with the chair.')).toBeTruthy();
  });

  it('shows people without names by default, as their perspective and a number, the same in every section', async () => {
    await open();
    const dissent = within(screen.getByRole('region', { name: 'Dissent' }));
    expect(dissent.getByText(/^Raised by Carer 2 ·/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Decisions' })).getByText('(Carer 2)')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Also show voice balance per person' }));
    const balance = within(screen.getByRole('region', { name: 'Voice balance' }));
    expect(balance.getByRole('rowheader', { name: 'Carer 2' })).toBeTruthy();
    expect(balance.getByRole('rowheader', { name: 'Carer 1' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Check-in' })).getByText('(Staff 1)')).toBeTruthy();
    // Names stay out of dissent, balance and check-in.
    for (const region of ['Dissent', 'Voice balance', 'Check-in', 'Decisions']) {
      expect(screen.getByRole('region', { name: region }).textContent).not.toContain(AWKWARD.rtl);
    }
  });

  it('lists each question\'s answers in the check-in\'s one order, the negative first', async () => {
    await open();
    // Seeded: one "yes" and one "no"; stored yes first, shown as the check-in lays them out.
    const counts = within(screen.getByRole('region', { name: 'Check-in' })).getAllByText(/^(Yes|Not sure|No):/);
    expect(counts.map((li) => li.textContent)).toEqual(['No: 1', 'Not sure: 0', 'Yes: 1']);
  });

  it('shows names when the chair chooses, and typed HTML only ever as text', async () => {
    await open();
    fireEvent.click(screen.getByRole('radio', { name: 'With names' }));
    const dissent = within(screen.getByRole('region', { name: 'Dissent' }));
    expect(await dissent.findByText(new RegExp(`^Raised by ${AWKWARD.rtl} ·`))).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Check-in' })).getByText(`(${AWKWARD.html})`)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('More <b>breaks</b>')).toBeTruthy();
  });
});
