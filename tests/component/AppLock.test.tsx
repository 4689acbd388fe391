import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAppLockState, writeAppLockConfig } from '../../src/db/app-lock-repo';
import { readLock } from '../../src/db/checkin-repo';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { readAppLockOn } from '../../src/db/settings-repo';
import { appLockSession } from '../../src/state/app-lock-session';
import { hashPin } from '../../src/state/chair-pin';
import { startCheckIn } from '../../src/state/checkin-actions';
import { setClockForTests } from '../../src/state/clock';
import { routeStore, startRouter } from '../../src/ui/routes';
import { App } from '../../src/ui/App';
import { AppLockScreen } from '../../src/ui/screens/AppLockScreen';
import { t } from '../../src/ui/strings/all';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';
import { useQuickPinHashes } from '../support/quick-pins';

useFreshDb();
useQuickPinHashes();
const START = Date.UTC(2030, 2, 14, 10, 0);
const MINUTE = 60_000;
let clock = START;
let stopRouter: () => void = () => undefined;
const p = t.lock.prompt;
const w = t.lock.appLock;

beforeEach(async () => {
  clock = START;
  setClockForTests(() => clock);
  appLockSession.setState({ open: false, openedAt: 0 });
  await addGroup(makeGroup(), [makePerson()]);
});
afterEach(() => {
  stopRouter();
  setClockForTests(null);
  history.replaceState(null, '', '#/');
});

/** The lock as the settings screen leaves it, with a quick hash (the slow one is proved in the unit tests). */
async function lockWith(pin: string, idleMinutes: 2 | 5 = 5) {
  await writeAppLockConfig({ pin: await hashPin(pin), idleMinutes }, clock);
}

function openApp(hash = '#/') {
  history.replaceState(null, '', hash);
  stopRouter = startRouter();
  return render(<App />);
}

/** What a reload does: the page starts again, unlocked in nothing, from what is stored. */
function reload() {
  cleanup();
  stopRouter();
  appLockSession.setState({ open: false, openedAt: 0 });
  return openApp(location.hash);
}

/**
 * The idle check, run now as its one-second interval or the tab shown again
 * would run it, and a lock it called for drawn: after this, "still open" is
 * an answer, not a moment too soon to tell.
 */
async function idleCheckRuns() {
  await act(async () => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

async function typePin(pin: string) {
  fill(p.pin, pin);
  fireEvent.click(screen.getByRole('button', { name: p.unlock }));
}

describe('the lock prompt', () => {
  it('covers every screen when Heard opens, and the right PIN shows the screen that was asked for', async () => {
    await lockWith('2468');
    openApp('#/device');
    await screen.findByRole('heading', { level: 1, name: p.title });
    // Nothing of the chair's screens can be reached: no links, no navigation, no skip link.
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryByRole('heading', { name: 'This device' })).toBeNull();

    await typePin('2468');
    await screen.findByRole('heading', { level: 1, name: 'This device' });
    expect(screen.getByRole('navigation')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: p.title })).toBeNull();
  });

  it('says a wrong PIN plainly, then how long to wait after the fifth, and a reload does not clear the wait', async () => {
    await lockWith('2468');
    openApp();
    await screen.findByRole('heading', { level: 1, name: p.title });
    await typePin('1357');
    expect(await screen.findByRole('link', { name: p.wrong })).toBeTruthy();
    await screen.findByText(p.wrongTries(1));
    for (let i = 2; i <= 5; i++) {
      clock += 1000;
      await typePin('1357');
      if (i < 5) await screen.findByText(p.wrongTries(i));
    }
    await screen.findByText('Too many wrong tries. Wait 30 seconds, then try again.');
    expect((screen.getByRole('button', { name: p.unlock }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText(p.pin) as HTMLInputElement).disabled).toBe(true);

    clock += 10_000;
    reload();
    await screen.findByText('Too many wrong tries. Wait 20 seconds, then try again.');

    clock += 20_000;
    await waitFor(() => expect((screen.getByRole('button', { name: p.unlock }) as HTMLButtonElement).disabled).toBe(false), { timeout: 3000 });
    await typePin('1357');
    await screen.findByText('Too many wrong tries. Wait 1 minute, then try again.');
    expect((await readAppLockState()).wrongPinAt).toHaveLength(6);

    clock += MINUTE;
    await waitFor(() => expect((screen.getByRole('button', { name: p.unlock }) as HTMLButtonElement).disabled).toBe(false), { timeout: 3000 });
    await typePin('2468');
    await screen.findByRole('heading', { level: 1, name: 'Your meetings' });
    expect((await readAppLockState()).wrongPinAt).toEqual([]);
  });

  it('locks after the chosen idle time with no touch, and a touch keeps it open', async () => {
    await lockWith('2468', 2);
    openApp();
    await screen.findByRole('heading', { level: 1, name: p.title });
    await typePin('2468');
    await screen.findByRole('heading', { level: 1, name: 'Your meetings' });

    // Let the screen settle, as a person would before their next tap.
    await new Promise((resolve) => setTimeout(resolve, 100));
    clock += MINUTE + 30_000;
    fireEvent.pointerDown(document.body);
    clock += MINUTE;
    // 2.5 minutes since the unlock, 1 since the touch: still open.
    await idleCheckRuns();
    expect(screen.queryByRole('heading', { name: p.title })).toBeNull();

    clock += MINUTE;
    await screen.findByRole('heading', { level: 1, name: p.title }, { timeout: 3000 });
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('holds the screen underneath while locked: a typed address does not move it', async () => {
    await lockWith('2468');
    openApp('#/device');
    await screen.findByRole('heading', { level: 1, name: p.title });
    location.hash = '#/sync';
    await waitFor(() => expect(routeStore.getState().route).toEqual({ name: 'device' }));
    await typePin('2468');
    await screen.findByRole('heading', { level: 1, name: 'This device' });
  });
});

describe('a forgotten PIN', () => {
  it('means erasing Heard on the tablet: what goes is counted first, ERASE typed, then nothing is left', async () => {
    await lockWith('2468');
    openApp();
    await screen.findByRole('heading', { level: 1, name: p.title });
    fireEvent.click(screen.getByRole('button', { name: p.eraseStart }));
    await screen.findByRole('heading', { level: 1, name: p.eraseTitle });
    expect(await screen.findByText(p.eraseWhat(1, 0))).toBeTruthy();
    expect(screen.getByText(p.eraseUnsent(0))).toBeTruthy();
    expect(screen.getByText(p.eraseBackup)).toBeTruthy();

    fill(p.eraseWords.label, 'ERAES');
    fireEvent.click(screen.getByRole('button', { name: p.eraseWords.submit }));
    expect(await screen.findByRole('link', { name: p.eraseWords.mismatch('ERASE') })).toBeTruthy();
    expect(await readAppLockOn()).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: p.eraseWords.cancel }));
    await screen.findByRole('heading', { level: 1, name: p.title });
    fireEvent.click(screen.getByRole('button', { name: p.eraseStart }));
    fill(p.eraseWords.label, 'erase');
    fireEvent.click(screen.getByRole('button', { name: p.eraseWords.submit }));
    const { db } = await import('../../src/db/connection');
    await waitFor(async () => expect(await db().groups.count()).toBe(0));
    for (const table of db().tables) expect(await table.count(), table.name).toBe(0);
    expect(await readAppLockOn()).toBe(false);
  });
});

describe('a lock that cannot be read', () => {
  it('keeps Heard locked, whatever the address, and says why', async () => {
    const { db } = await import('../../src/db/connection');
    await db().settings.put({ key: 'app-lock', value: { idleMinutes: 5 } });
    openApp('#/groups/group-1');
    await screen.findByRole('heading', { level: 1, name: t.lockUnreadable.title });
    expect(screen.getByText(t.lockUnreadable.why)).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(document.body.textContent).not.toContain(makeGroup().name);
    expect(document.body.textContent).not.toContain(makePerson().name);
    // The way out is the same as for a forgotten PIN.
    fireEvent.click(screen.getByRole('button', { name: t.lockUnreadable.erase }));
    await screen.findByRole('heading', { level: 1, name: p.eraseTitle });
  });
});

describe('with a check-in running', () => {
  beforeEach(async () => {
    await saveMeeting(makeMeeting({ state: 'closing' }), ['person-1']);
    await startCheckIn(makeMeeting(), [], (key) => t.checkin.libraryText[key]!, '1357');
  });

  it('asks for the device PIN on opening, then shows the check-in, never the chair’s screens', async () => {
    await lockWith('2468');
    openApp('#/groups/group-1');
    await screen.findByRole('heading', { level: 1, name: p.title });
    await typePin('2468');
    await screen.findByRole('heading', { level: 1, name: t.checkin.passTitle });
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(await readLock()).not.toBeNull();
  });

  it('does not lock for being idle while the tablet is handed round', async () => {
    await lockWith('2468', 2);
    openApp();
    await screen.findByRole('heading', { level: 1, name: p.title });
    await typePin('2468');
    await screen.findByRole('heading', { level: 1, name: t.checkin.passTitle });
    clock += 10 * MINUTE;
    await idleCheckRuns();
    expect(screen.queryByRole('heading', { name: p.title })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: t.checkin.passTitle })).toBeTruthy();
  });

  it('asks for the device PIN when the check-in is ended without the chair PIN', async () => {
    await lockWith('2468');
    openApp();
    await screen.findByRole('heading', { level: 1, name: p.title });
    await typePin('2468');
    fireEvent.click(await screen.findByRole('button', { name: t.checkin.chairFinish }));
    await screen.findByText(t.lock.alsoDevicePin);
    fireEvent.click(screen.getByRole('button', { name: t.checkin.endWithoutPin }));
    fireEvent.click(screen.getByRole('button', { name: t.checkin.confirmEnd }));
    await screen.findByRole('heading', { level: 1, name: p.title });
    await waitFor(async () => expect(await readLock()).toBeNull());
    expect(screen.queryByRole('heading', { name: t.checkin.resultsTitle })).toBeNull();
    await typePin('2468');
    await screen.findByRole('heading', { level: 1, name: t.checkin.resultsTitle });
  });
});

describe('the settings screen', () => {
  const setPins = (pin: string, again: string) => {
    fill(w.pin, pin);
    fill(w.pinAgain, again);
    fireEvent.click(screen.getByRole('button', { name: w.turnOn }));
  };

  it('turns the lock on with a PIN typed twice and an idle time, refusing easy or mismatched PINs', async () => {
    render(<AppLockScreen />);
    await screen.findByText(w.statusOff);
    setPins('1234', '1234');
    expect(await screen.findByRole('link', { name: w.problems['too-easy'] })).toBeTruthy();
    setPins('2468', '2486');
    expect(await screen.findByRole('link', { name: w.problems.mismatch })).toBeTruthy();
    setPins('24', '24');
    expect(await screen.findByRole('link', { name: w.problems.format })).toBeTruthy();
    expect(await readAppLockOn()).toBe(false);

    fireEvent.click(screen.getByRole('radio', { name: '10 minutes' }));
    setPins('2468', '2468');
    await screen.findByText(w.statusOn(10));
    expect(screen.getByRole('status').textContent).toBe(w.turnedOn);
    // The chair who has just set it is not asked for it straight away.
    expect(appLockSession.getState().open).toBe(true);
  });

  it('changes the idle time, refuses a wrong current PIN, and turns off with the right one', async () => {
    await lockWith('2468');
    render(<AppLockScreen />);
    await screen.findByText(w.statusOn(5));

    fireEvent.click(screen.getByRole('radio', { name: '30 minutes' }));
    fireEvent.click(screen.getByRole('button', { name: w.saveIdle }));
    await screen.findByText(w.statusOn(30));

    // The second "Current PIN" is the one under "Turn off the lock"; the first is for a new PIN.
    fireEvent.input(screen.getAllByLabelText(w.currentPin)[1]!, { target: { value: '1357' } });
    fireEvent.click(screen.getByRole('button', { name: w.turnOff }));
    expect(await screen.findByRole('link', { name: w.problems.wrong })).toBeTruthy();
    expect(await readAppLockOn()).toBe(true);

    fireEvent.input(screen.getAllByLabelText(w.currentPin)[1]!, { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: w.turnOff }));
    await screen.findByText(w.statusOff);
    expect(await readAppLockOn()).toBe(false);
  });

  it('locks now when asked', async () => {
    await lockWith('2468');
    appLockSession.setState({ open: true, openedAt: clock });
    openApp('#/app-lock');
    fireEvent.click(await screen.findByRole('button', { name: w.lockNow }));
    await screen.findByRole('heading', { level: 1, name: p.title });
  });
});
