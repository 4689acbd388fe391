import '../support/fresh-db';
import { beforeEach, describe, expect, it } from 'vitest';
import { readAppLockState, readEraseGlance, writeAppLockConfig } from '../../src/db/app-lock-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { addGroup } from '../../src/db/groups-repo';
import { readAppLockOn } from '../../src/db/settings-repo';
import { changeAppLockPin, eraseForgotten, noteActivity, setIdleMinutes, turnOffAppLock, turnOnAppLock, unlockApp } from '../../src/state/app-lock-actions';
import { appLockSession } from '../../src/state/app-lock-session';
import { hashPin, PIN_ITERATIONS, setPinIterationsForTests } from '../../src/state/chair-pin';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';
import { useTestClock } from '../support/test-clock';
import { useQuickPinHashes } from '../support/quick-pins';

const db = useFreshDb();
useQuickPinHashes();
const START = Date.UTC(2030, 2, 14, 10, 0);
const clock = useTestClock(START);
beforeEach(() => appLockSession.setState({ open: false, openedAt: 0 }));

async function lockWith(pin: string) {
  await writeAppLockConfig({ pin: await hashPin(pin), idleMinutes: 5 }, clock.now());
}

async function everyStoredValue(): Promise<string> {
  return JSON.stringify(await db().settings.toArray());
}

describe('turning the lock on and off', () => {
  // The one real, slow hash in this file: turning the lock on stores the full count.
  it('stores only a salted, slow hash of the PIN and opens this page for the chair who set it', { timeout: 30_000 }, async () => {
    setPinIterationsForTests(null);
    expect(await readAppLockOn()).toBe(false);
    expect((await turnOnAppLock('2468', 10)).ok).toBe(true);
    expect(await readAppLockOn()).toBe(true);
    const { config } = await readAppLockState();
    expect(config?.idleMinutes).toBe(10);
    expect(config?.pin.iterations).toBe(PIN_ITERATIONS);
    expect(config?.pin.salt.length).toBeGreaterThan(0);
    expect(await everyStoredValue()).not.toContain('2468');
    expect(appLockSession.getState()).toEqual({ open: true, openedAt: START });
  });

  it('changes the idle time and the PIN, only with the current PIN', async () => {
    await lockWith('2468');
    await setIdleMinutes(30);
    expect((await readAppLockState()).config?.idleMinutes).toBe(30);

    expect(await changeAppLockPin('1357', '8642')).toBe('wrong');
    expect(await unlockApp('2468')).toBe('unlocked');
    expect(await changeAppLockPin('2468', '8642')).toBe('done');
    expect(await unlockApp('2468')).toBe('wrong');
    expect(await unlockApp('8642')).toBe('unlocked');
    // The idle time is kept through a new PIN.
    expect((await readAppLockState()).config?.idleMinutes).toBe(30);
  });

  it('turns off only with the PIN, and forgets everything of the lock', async () => {
    await lockWith('2468');
    expect(await turnOffAppLock('1357')).toBe('wrong');
    expect(await readAppLockOn()).toBe(true);
    expect(await turnOffAppLock('2468')).toBe('done');
    expect(await readAppLockOn()).toBe(false);
    expect(await readAppLockState()).toEqual({ config: null, wrongPinAt: [], lastActivityAt: null });
  });
});

describe('unlocking', () => {
  it('stores wrong tries, so the growing wait survives a reload; even the right PIN is refused during it', async () => {
    await lockWith('2468');
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      expect(await unlockApp('0000')).toBe('wrong');
    }
    expect((await readAppLockState()).wrongPinAt).toHaveLength(5);
    expect(appLockSession.getState().open).toBe(false);

    clock.advance(10_000);
    expect(await unlockApp('2468')).toBe('must-wait');
    expect(await unlockApp('0000')).toBe('must-wait');
    expect((await readAppLockState()).wrongPinAt).toHaveLength(5);

    clock.advance(20_000);
    expect(await unlockApp('0000')).toBe('wrong');
    // The sixth wrong try waits a minute.
    clock.advance(59_000);
    expect(await unlockApp('2468')).toBe('must-wait');
    clock.advance(1_000);
    expect(await unlockApp('2468')).toBe('unlocked');
    const state = await readAppLockState();
    expect(state.wrongPinAt).toEqual([]);
    // Unlocking counts as a touch, so the idle time starts again from here.
    expect(state.lastActivityAt).toBe(clock.now());
    expect(appLockSession.getState()).toEqual({ open: true, openedAt: clock.now() });
  });

  it('writes the last touch at most every 10 seconds', async () => {
    await lockWith('2468');
    noteActivity(clock.now() + 60_000);
    await expect.poll(async () => (await readAppLockState()).lastActivityAt).toBe(clock.now() + 60_000);
    noteActivity(clock.now() + 65_000);
    noteActivity(clock.now() + 71_000);
    await expect.poll(async () => (await readAppLockState()).lastActivityAt).toBe(clock.now() + 71_000);
  });
});

describe('a forgotten PIN', () => {
  it('erases every row of every table, the lock with it, only once ERASE is typed; counted first', async () => {
    await addGroup(makeGroup(), [makePerson()]);
    await saveMeeting(makeMeeting(), ['person-1']);
    await db().outbox.add({ id: 'waiting-1', status: 'waiting' } as never);
    await lockWith('2468');
    expect(await readEraseGlance()).toEqual({ groups: 1, meetings: 1, unsent: 1 });
    expect(await eraseForgotten('erse')).toMatchObject({ ok: false, rule: 'name-mismatch' });
    expect(await readAppLockOn()).toBe(true);
    expect(await db().groups.count()).toBe(1);

    expect((await eraseForgotten(' erase ')).ok).toBe(true);
    expect(await readAppLockOn()).toBe(false);
    for (const table of db().tables) expect(await table.count(), table.name).toBe(0);
    // The session stays shut: there is nothing to open, and a reload starts afresh.
    expect(appLockSession.getState().open).toBe(false);
  });
});

describe('a lock that cannot be read', () => {
  // Fails closed: anything under the lock's key that is not a whole lock is never taken for "no lock".
  it.each([
    ['a string', 'garbage'],
    ['an empty object', {}],
    ['no PIN', { idleMinutes: 5 }],
    ['a PIN without its hash', { pin: { salt: 'c2FsdA==', iterations: 1 }, idleMinutes: 5 }],
    ['an idle time Heard never offers', { pin: { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 1 }, idleMinutes: 7 }],
  ])('%s: reading it throws, and no PIN opens it', async (_, value) => {
    await db().settings.put({ key: 'app-lock', value });
    await expect(readAppLockOn()).rejects.toMatchObject({ name: 'LockUnreadableError' });
    await expect(readAppLockState()).rejects.toMatchObject({ name: 'LockUnreadableError' });
    await expect(unlockApp('2468')).rejects.toMatchObject({ name: 'LockUnreadableError' });
    expect(appLockSession.getState().open).toBe(false);
  });

  it('nothing under the key is no lock', async () => {
    expect(await readAppLockOn()).toBe(false);
  });
});
