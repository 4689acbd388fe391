import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLock, readPin } from '../../src/db/checkin-repo';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { getRunData } from '../../src/db/run-repo';
import { setPinIterationsForTests } from '../../src/state/chair-pin';
import { startCheckIn } from '../../src/state/checkin-actions';
import { setClockForTests } from '../../src/state/clock';
import { routeStore, startRouter } from '../../src/ui/routes';
import { App } from '../../src/ui/App';
import { CheckInLauncher } from '../../src/ui/run/CheckInLauncher';
import { t } from '../../src/ui/strings/all';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';
import { useQuickPinHashes } from '../support/quick-pins';

useFreshDb();
useQuickPinHashes();
const START = new Date(2030, 2, 14, 11, 50).getTime();
let stopRouter: () => void = () => undefined;

beforeEach(async () => {
  setClockForTests(() => START);
  await addGroup(makeGroup(), [makePerson()]);
  await saveMeeting(makeMeeting({ state: 'closing' }), ['person-1']);
});
afterEach(() => {
  stopRouter();
  setClockForTests(null);
  history.replaceState(null, '', '#/');
});

describe('the lock on the whole app', () => {
  it('shows only the check-in, whatever the address, with no header or footer links', async () => {
    await startCheckIn(makeMeeting(), [], (key) => t.checkin.libraryText[key]!, '2468');
    history.replaceState(null, '', '#/groups/group-1');
    const before = history.length;
    stopRouter = startRouter();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: t.checkin.passTitle });
    expect(location.hash).toBe('#/meetings/meeting-1/checkin');
    expect(history.length).toBe(before);
    // The one link is the participants' "Your information", which leads nowhere else (YourInformation.test.tsx).
    expect(screen.queryAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#/your-information']);
    expect(screen.queryByRole('navigation')).toBeNull();
    // A typed address does not leave the check-in either.
    location.hash = '#/device';
    await waitFor(() => expect(routeStore.getState().route).toEqual({ name: 'checkin', meetingId: 'meeting-1' }));
    expect(screen.getByRole('heading', { level: 1, name: t.checkin.passTitle })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'This device' })).toBeNull();
  });

  it('shows the chair’s screens and links when nothing is locked', async () => {
    stopRouter = startRouter();
    render(<App />);
    await screen.findByRole('navigation');
    expect(screen.getByRole('link', { name: t.nav.device })).toBeTruthy();
  });
});

describe('starting the check-in', () => {
  async function openLauncher() {
    const data = await getRunData('meeting-1');
    render(<CheckInLauncher data={data!} />);
    fireEvent.click(await screen.findByRole('button', { name: t.checkin.start }));
  }
  const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

  it('refuses a PIN that is not 4 to 6 digits, too easy to guess, or not typed the same twice', async () => {
    await openLauncher();
    // The device PIN's rule, word for word: 1111 and 1234 are the first codes a participant would try.
    for (const easy of ['1111', '1234']) {
      fill(t.checkin.pin, easy);
      fill(t.checkin.pinAgain, easy);
      fireEvent.click(screen.getByRole('button', { name: t.checkin.lockAndStart }));
      expect(await screen.findByRole('link', { name: t.checkin.pinProblems['too-easy'] })).toBeTruthy();
      expect(t.checkin.pinProblems['too-easy']).toBe(t.lock.appLock.problems['too-easy']);
    }
    fill(t.checkin.pin, '12a4');
    fill(t.checkin.pinAgain, '12a4');
    fireEvent.click(screen.getByRole('button', { name: t.checkin.lockAndStart }));
    expect(await screen.findByRole('link', { name: t.checkin.pinProblems.format })).toBeTruthy();
    fill(t.checkin.pin, '2468');
    fill(t.checkin.pinAgain, '2486');
    fireEvent.click(screen.getByRole('button', { name: t.checkin.lockAndStart }));
    expect(await screen.findByRole('link', { name: t.checkin.pinProblems.mismatch })).toBeTruthy();
    expect(await readLock()).toBeNull();
  });

  // The one real, slow hash in this file (a quarter of a second idle, many times that on a busy machine).
  it('locks with a new PIN, stored only as a slow hash', { timeout: 30_000 }, async () => {
    setPinIterationsForTests(null);
    await openLauncher();
    fill(t.checkin.pin, '246810');
    fill(t.checkin.pinAgain, '246810');
    fireEvent.click(screen.getByRole('button', { name: t.checkin.lockAndStart }));
    await waitFor(async () => expect(await readLock()).not.toBeNull(), { timeout: 25_000 });
    const pin = await readPin();
    expect(JSON.stringify(pin)).not.toContain('246810');
    expect(pin!.iterations).toBeGreaterThanOrEqual(600_000);
  });

  it('asks for the existing PIN next time, and refuses a wrong one', async () => {
    await startCheckIn(makeMeeting(), [], (key) => t.checkin.libraryText[key]!, '2468');
    const { unlockWithPin } = await import('../../src/state/checkin-actions');
    await unlockWithPin('2468');
    await openLauncher();
    expect(screen.getByRole('heading', { name: t.checkin.enterPinTitle })).toBeTruthy();
    fill(t.checkin.pin, '1357');
    fireEvent.click(screen.getByRole('button', { name: t.checkin.lockAndStart }));
    expect(await screen.findByRole('link', { name: t.checkin.pinProblems.wrong })).toBeTruthy();
    fill(t.checkin.pin, '2468');
    fireEvent.click(screen.getByRole('button', { name: t.checkin.lockAndStart }));
    await waitFor(async () => expect(await readLock()).not.toBeNull());
  });
});
