import { ERASE_PHRASE, isAppLockConfig, type AppLockConfig, type AppLockTries, type IdleMinutes } from '../domain/app-lock';
import { typedNameMatches } from '../domain/privacy-rules';
import { pinWaitRemaining } from '../domain/checkin';
import type { EpochMs } from '../domain/model';
import { db } from './connection';
import { APP_LOCK_KEY, LockUnreadableError } from './settings-repo';
import { RuleError } from '../domain/rule-codes';

/** Wrong PINs at the prompt: kept apart from the settings, so a wrong try never rewrites the PIN's record. */
const TRIES_KEY = 'app-lock-tries';
/** The last touch anywhere in Heard, in any tab. */
const ACTIVITY_KEY = 'app-lock-activity';
const KEYS = [APP_LOCK_KEY, TRIES_KEY, ACTIVITY_KEY];

export interface AppLockState {
  config: AppLockConfig | null;
  wrongPinAt: EpochMs[];
  lastActivityAt: EpochMs | null;
}

/** The lock's config, or null when there is none; a damaged one throws (settings-repo.ts readAppLockOn: fail closed). */
function configOf(value: unknown): AppLockConfig | null {
  if (value === undefined || value === null) return null;
  if (!isAppLockConfig(value)) throw new LockUnreadableError();
  return value;
}

export async function readAppLockState(): Promise<AppLockState> {
  const [config, tries, activity] = await db().settings.bulkGet(KEYS);
  return {
    config: configOf(config?.value),
    wrongPinAt: (tries?.value as AppLockTries | undefined)?.wrongPinAt ?? [],
    lastActivityAt: (activity?.value as EpochMs | undefined) ?? null,
  };
}

export async function readAppLockConfig(): Promise<AppLockConfig | null> {
  return configOf((await db().settings.get(APP_LOCK_KEY))?.value);
}

function inSettings<T>(write: () => Promise<T>): Promise<T> {
  const database = db();
  return database.transaction('rw', database.settings, write);
}

/** Turning the lock on, or a new PIN: wrong tries are cleared. */
export function writeAppLockConfig(config: AppLockConfig, at: EpochMs): Promise<void> {
  return inSettings(async () => {
    const settings = db().settings;
    await settings.put({ key: APP_LOCK_KEY, value: config });
    await settings.put({ key: ACTIVITY_KEY, value: at });
    await settings.delete(TRIES_KEY);
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

/** What erasing Heard from the tablet would delete, in numbers: said before it is done. */
export interface EraseGlance {
  groups: number;
  meetings: number;
  /** Summaries and requests still waiting to go to the programme office: they never will. */
  unsent: number;
}

export async function readEraseGlance(): Promise<EraseGlance> {
  const database = db();
  return database.transaction('r', [database.groups, database.meetings, database.outbox], async () => {
    const [groups, meetings, unsent] = await Promise.all([
      database.groups.count(),
      database.meetings.count(),
      database.outbox.where('status').anyOf('waiting', 'sending').count(),
    ]);
    return { groups, meetings, unsent };
  });
}

/**
 * The device PIN is forgotten: every row of every table goes, the lock with
 * it, in one transaction, so a failure leaves everything as it was. The
 * database itself stays (empty), so another open tab sees the change at once
 * rather than being blocked by a deletion.
 */
export async function eraseEverything(typed: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.tables, async () => {
    if (!typedNameMatches(typed, ERASE_PHRASE)) throw new RuleError('name-mismatch');
    await Promise.all(database.tables.map((table) => table.clear()));
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
