import type { StoredPin } from './checkin-model';
import type { EpochMs } from './model';

/**
 * The device PIN that locks the whole of Heard (issues 11 and 17), apart from
 * the check-in's chair PIN. Nobody gets past it without the PIN: a forgotten
 * PIN means erasing Heard's data on the tablet (a backup file restores it).
 * The data are not yet encrypted under it; the PIN's hash and the lock's
 * state are kept so that they can be.
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

/** The word typed (privacy-rules.ts typedNameMatches) to erase Heard from the tablet: never a slip of the finger. */
export const ERASE_PHRASE = 'ERASE';

/**
 * A stored lock that is really a lock. Anything else under its key (a
 * half-written or damaged record) cannot be trusted to open or to stay shut,
 * so Heard stays locked and says why rather than guess.
 */
export function isAppLockConfig(value: unknown): value is AppLockConfig {
  if (typeof value !== 'object' || value === null) return false;
  const { pin, idleMinutes } = value as Partial<AppLockConfig>;
  return (
    typeof idleMinutes === 'number' &&
    isIdleChoice(idleMinutes) &&
    typeof pin === 'object' &&
    pin !== null &&
    typeof pin.salt === 'string' &&
    typeof pin.hash === 'string' &&
    typeof pin.iterations === 'number' &&
    pin.iterations > 0
  );
}
