import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { writeSetting, SYNC_SETTINGS_KEY } from '../../src/db/settings-repo';
import { startCheckIn } from '../../src/state/checkin-actions';
import { setClockForTests } from '../../src/state/clock';
import { routeStore, startRouter } from '../../src/ui/routes';
import { App } from '../../src/ui/App';
import { YourInformationScreen } from '../../src/ui/screens/YourInformationScreen';
import { t } from '../../src/ui/strings/all';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();
const w = t.lock.yourInformation;
let stopRouter: () => void = () => undefined;

beforeEach(() => setClockForTests(() => Date.UTC(2030, 2, 14, 11, 50)));
afterEach(() => {
  stopRouter();
  setClockForTests(null);
  history.replaceState(null, '', '#/');
});

describe('from the locked check-in', () => {
  beforeEach(async () => {
    await addGroup(makeGroup({ retentionMonths: 24 }), [makePerson()]);
    await saveMeeting(makeMeeting({ state: 'closing' }), ['person-1']);
    await startCheckIn(makeMeeting(), [], (key) => t.checkin.libraryText[key]!, '2468');
  });

  it('is one tap from the start, leads nowhere else, and goes back to the check-in without growing history', async () => {
    history.replaceState(null, '', '#/meetings/meeting-1/checkin');
    let before = history.length;
    stopRouter = startRouter();
    render(<App />);
    fireEvent.click(await screen.findByRole('link', { name: w.link }));
    await screen.findByRole('heading', { level: 1, name: w.title });
    expect(location.hash).toBe('#/your-information');
    expect(history.length).toBe(before);
    // The group's own retention, read from the check-in's group.
    await screen.findByText(/keeps meeting records for 2 years/);
    // No link at all: no header, no footer, nothing in the page.
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryByRole('navigation')).toBeNull();

    // A typed address still cannot reach a chair's screen from here.
    location.hash = '#/groups/group-1';
    await waitFor(() => expect(routeStore.getState().route).toEqual({ name: 'checkin', meetingId: 'meeting-1' }));
    await screen.findByRole('heading', { level: 1, name: t.checkin.passTitle });
    expect(screen.queryByRole('heading', { name: 'Hospital discharge workstream' })).toBeNull();
    // The typed address added its own history entry; going there and back adds none.
    before = history.length;

    fireEvent.click(screen.getByRole('link', { name: w.link }));
    const backs = await screen.findAllByRole('button', { name: w.backToCheckIn });
    fireEvent.click(backs[backs.length - 1]!);
    await screen.findByRole('heading', { level: 1, name: t.checkin.passTitle });
    expect(location.hash).toBe('#/meetings/meeting-1/checkin');
    expect(history.length).toBe(before);
  });
});

describe('what it says of the check-in', () => {
  it('says when answers are saved, who can see them, and what a check-in ended without the PIN seals', async () => {
    render(<YourInformationScreen />);
    const section = await screen.findByRole('region', { name: w.checkInTitle });
    expect(w.checkIn.map((line) => within(section).getByText(line).textContent)).toEqual(w.checkIn);
    expect(w.checkIn.join(' ')).toContain('Save my answers');
    expect(w.checkIn.join(' ')).toContain('sealed');
  });
});

describe('what it says is sent', () => {
  it('says nothing leaves the tablet when sending is not set up', async () => {
    render(<YourInformationScreen />);
    await screen.findByText(w.sendingOff);
    expect(screen.getByText(w.namesMaybe)).toBeTruthy();
    expect(screen.getByText(w.neverSent)).toBeTruthy();
    expect(screen.queryByText(w.eraseSent)).toBeNull();
    expect(screen.getByText(w.keptUntilDeleted)).toBeTruthy();
    // Opened from the chair's screens, there is no check-in to go back to.
    expect(screen.queryByRole('button', { name: w.backToCheckIn })).toBeNull();
  });

  it('says names are not sent when the office is set up without them', async () => {
    await writeSetting(SYNC_SETTINGS_KEY, { serverUrl: 'https://office.example.org/', deviceKey: 'heard_abc', names: false });
    render(<YourInformationScreen />);
    await screen.findByText(w.sendingOn);
    expect(screen.getByText(w.namesOff)).toBeTruthy();
    expect(screen.getByText(w.eraseSent)).toBeTruthy();
  });

  it('says which names are sent when the chair chose names', async () => {
    await writeSetting(SYNC_SETTINGS_KEY, { serverUrl: 'https://office.example.org/', deviceKey: 'heard_abc', names: true });
    render(<YourInformationScreen />);
    await screen.findByText(w.namesOn);
  });
});
