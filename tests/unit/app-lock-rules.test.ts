import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE, IDLE_CHOICES, isAppLockConfig, isIdle, isIdleChoice } from '../../src/domain/app-lock';
import { pinWaitRemaining } from '../../src/domain/checkin';

const T = Date.UTC(2030, 2, 14, 10, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('the idle time', () => {
  it('offers 2, 5, 10 and 30 minutes, 5 by default', () => {
    expect(IDLE_CHOICES).toEqual([2, 5, 10, 30]);
    expect(DEFAULT_IDLE).toBe(5);
    expect(isIdleChoice(10)).toBe(true);
    expect(isIdleChoice(3)).toBe(false);
  });

  it('locks once the chosen minutes have passed since the stored last touch, not before', () => {
    expect(isIdle(T, 5, T + 5 * MINUTE - 1)).toBe(false);
    expect(isIdle(T, 5, T + 5 * MINUTE)).toBe(true);
    expect(isIdle(T, 2, T + 2 * MINUTE + 1)).toBe(true);
    // A tablet that slept for an hour is idle the moment it is looked at: no ticks are counted.
    expect(isIdle(T, 30, T + 60 * MINUTE)).toBe(true);
  });

  it('is not idle when the clock has been set back past the last touch', () => {
    expect(isIdle(T, 2, T - 10 * MINUTE)).toBe(false);
  });
});

describe('waits after wrong PINs at the lock', () => {
  const tries = (n: number, from = T, gap = SECOND) => Array.from({ length: n }, (_, i) => from + i * gap);

  it('has no wait for the first four wrong tries', () => {
    for (let n = 0; n <= 4; n++) expect(pinWaitRemaining(tries(n), T + 4 * SECOND)).toBe(0);
  });

  it('waits 30 seconds after the fifth, then 1, 2, 4 minutes, growing to at most 30 minutes', () => {
    const last = (n: number) => T + (n - 1) * SECOND;
    expect(pinWaitRemaining(tries(5), last(5))).toBe(30 * SECOND);
    expect(pinWaitRemaining(tries(6), last(6))).toBe(MINUTE);
    expect(pinWaitRemaining(tries(7), last(7))).toBe(2 * MINUTE);
    expect(pinWaitRemaining(tries(8), last(8))).toBe(4 * MINUTE);
    expect(pinWaitRemaining(tries(20), last(20))).toBe(30 * MINUTE);
  });

  it('counts down from the last wrong try by the clock, so a reload neither resets nor extends it', () => {
    const wrong = tries(5);
    const last = wrong[4]!;
    expect(pinWaitRemaining(wrong, last + 10 * SECOND)).toBe(20 * SECOND);
    expect(pinWaitRemaining(wrong, last + 30 * SECOND)).toBe(0);
    // A clock set backwards does not make the wait endless.
    expect(pinWaitRemaining(wrong, last - MINUTE)).toBe(30 * SECOND);
  });
});

describe('a stored lock', () => {
  const whole = { pin: { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 600_000 }, idleMinutes: 5 };
  // Only a whole lock is a lock; anything else under its key keeps Heard shut (settings-repo.ts readAppLockOn).
  it.each([
    ['a whole lock', whole, true],
    ['null', null, false],
    ['a string', 'on', false],
    ['true', true, false],
    ['no idle time', { pin: whole.pin }, false],
    ['an idle time never offered', { ...whole, idleMinutes: 7 }, false],
    ['no PIN', { idleMinutes: 5 }, false],
    ['a PIN with no salt', { ...whole, pin: { hash: 'aGFzaA==', iterations: 1 } }, false],
    ['a PIN with no iterations', { ...whole, pin: { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 0 } }, false],
  ])('%s → %s', (_, value, isLock) => {
    expect(isAppLockConfig(value)).toBe(isLock);
  });
});
