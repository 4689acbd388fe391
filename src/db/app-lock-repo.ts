import type { AppLockConfig, AppLockTries, IdleMinutes } from '../domain/app-lock';
import { pinWaitRemaining } from '../domain/checkin';
import type { EpochMs } from '../domain/model';
import { db } from './connection';
import { APP_LOCK_KEY } from './settings-repo';
import { RuleError } from './storage-errors';

/** Wrong PINs at the prompt: kept apart from the settings, so a wrong try never rewrites the PIN's record. */
const TRIES_KEY = 'app-lock-tries';
/** The last touch anywhere in Heard, in any tab. */
const ACTIVITY_KEY = 'app-lock-activity';
/** When the PIN was last reset with "Reset the PIN": shown to the chair, who may not have done it. */
const RESET_KEY = 'app-lock-reset-at';

const KEYS = [APP_LOCK_KEY, TRIES_KEY, ACTIVITY_KEY, RESET_KEY];

export interface AppLockState {
  config: AppLockConfig | null;
  wrongPinAt: EpochMs[];
  lastActivityAt: EpochMs | null;
  resetAt: EpochMs | null;
}

export async function readAppLockState(): Promise<AppLockState> {
  const [config, tries, activity, reset] = await db().settings.bulkGet(KEYS);
  return {
    config: (config?.value as AppLockConfig | undefined) ?? null,
    wrongPinAt: (tries?.value as AppLockTries | undefined)?.wrongPinAt ?? [],
    lastActivityAt: (activity?.value as EpochMs | undefined) ?? null,
    resetAt: (reset?.value as EpochMs | undefined) ?? null,
  };
}

export async function readAppLockConfig(): Promise<AppLockConfig | null> {
  return ((await db().settings.get(APP_LOCK_KEY))?.value as AppLockConfig | undefined) ?? null;
}

function inSettings<T>(write: () => Promise<T>): Promise<T> {
  const database = db();
  return database.transaction('rw', database.settings, write);
}

/** Turning the lock on, or a new PIN: wrong tries and any note of a reset are cleared. */
export function writeAppLockConfig(config: AppLockConfig, at: EpochMs): Promise<void> {
  return inSettings(async () => {
    const settings = db().settings;
    await settings.put({ key: APP_LOCK_KEY, value: config });
    await settings.put({ key: ACTIVITY_KEY, value: at });
    await settings.bulkDelete([TRIES_KEY, RESET_KEY]);
  });
}

export function writeIdleMinutes(idleMinutes: IdleMinutes): Promise<void> {
  return inSettings(async () => {
    const config = await readAppLockConfig();
    if (config) await db().settings.put({ key: APP_LOCK_KEY, value: { ...config, idleMinutes } });
  });
}

/** The lock is off and forgotten: the PIN's hash, the tries and the last touch. */
export function removeAppLock(): Promise<void> {
  return inSettings(() => db().settings.bulkDelete(KEYS));
}

/** "Reset the PIN": off, like turning it off, but the time is kept so the chair can see it happened. */
export function resetAppLock(at: EpochMs): Promise<void> {
  return inSettings(async () => {
    await db().settings.bulkDelete(KEYS);
    await db().settings.put({ key: RESET_KEY, value: at });
  });
}

/** The stored wrong tries; a try during a wait is refused, right or wrong, so guessing cannot go on meanwhile. */
async function triesOutsideWait(at: EpochMs): Promise<EpochMs[]> {
  const wrongPinAt = ((await db().settings.get(TRIES_KEY))?.value as AppLockTries | undefined)?.wrongPinAt ?? [];
  if (pinWaitRemaining(wrongPinAt, at) > 0) throw new RuleError('must-wait');
  return wrongPinAt;
}

export function recordWrongDevicePin(at: EpochMs): Promise<void> {
  return inSettings(async () => {
    const wrongPinAt = await triesOutsideWait(at);
    await db().settings.put({ key: TRIES_KEY, value: { wrongPinAt: [...wrongPinAt, at] } satisfies AppLockTries });
  });
}

/** The right PIN: the tries start again, and unlocking counts as a touch. */
export function recordRightDevicePin(at: EpochMs): Promise<void> {
  return inSettings(async () => {
    await triesOutsideWait(at);
    await db().settings.delete(TRIES_KEY);
    await db().settings.put({ key: ACTIVITY_KEY, value: at });
  });
}

export function writeLastActivity(at: EpochMs): Promise<void> {
  return inSettings(() => db().settings.put({ key: ACTIVITY_KEY, value: at }).then(() => undefined));
}
