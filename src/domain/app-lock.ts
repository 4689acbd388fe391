import type { StoredPin } from './checkin-model';
import type { EpochMs } from './model';

/**
 * The device PIN that locks the whole of Heard (issue 11), apart from the
 * check-in's chair PIN. It guards against a casual look at a shared or lost
 * tablet, not a determined person: anyone holding the tablet can reset it,
 * and the data were never encrypted by it.
 */

/** Minutes without a touch before Heard asks for the PIN again. */
export const IDLE_CHOICES = [2, 5, 10, 30] as const;
export type IdleMinutes = (typeof IDLE_CHOICES)[number];
export const DEFAULT_IDLE: IdleMinutes = 5;

export interface AppLockConfig {
  pin: StoredPin;
  idleMinutes: IdleMinutes;
}

/** Wrong PINs at the lock prompt, oldest first: the waits are derived from these, so a reload changes nothing. */
export interface AppLockTries {
  wrongPinAt: EpochMs[];
}

export function isIdleChoice(value: number): value is IdleMinutes {
  return (IDLE_CHOICES as readonly number[]).includes(value);
}


/**
 * True once `idleMinutes` have passed since the last touch. Derived from the
 * stored time of the last touch and the clock, never from counting ticks, so
 * a tablet that slept locks the moment it wakes. A clock set backwards (now
 * before the last touch) is not idle: it cannot lock a chair out mid-sentence.
 */
export function isIdle(lastActivityAt: EpochMs, idleMinutes: number, now: EpochMs): boolean {
  return now - lastActivityAt >= idleMinutes * 60_000;
}

/** The phrase that resets a forgotten PIN, so the reset is never a slip of the finger. */
export const RESET_PHRASE = 'RESET';

export function isResetPhrase(typed: string): boolean {
  return typed.trim().toUpperCase() === RESET_PHRASE;
}
