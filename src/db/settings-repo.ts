import type { CheckInLock } from '../domain/checkin-model';
import type { SyncGlance, SyncLast } from '../domain/sync-model';
import { isAppLockConfig } from '../domain/app-lock';
import { db } from './connection';

export async function readSetting<T>(key: string): Promise<T | undefined> {
  return (await db().settings.get(key))?.value as T | undefined;
}

const BALANCE_KEY = 'balance-preferences';

/**
 * A group's balance settings (what counts as heard, over or under a fair
 * share, the queue's order), kept per group; a group with none yet starts
 * from the ones this device used last, before they were kept per group.
 */
export async function readBalanceSettings<T>(groupId: string): Promise<T | undefined> {
  return (await readSetting<T>(`${BALANCE_KEY}:${groupId}`)) ?? (await readSetting<T>(BALANCE_KEY));
}

export function writeBalanceSettings(groupId: string, value: unknown): Promise<void> {
  return writeSetting(`${BALANCE_KEY}:${groupId}`, value);
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  const database = db();
  await database.transaction('rw', database.settings, async () => {
    await database.settings.put({ key, value });
  });
}

export async function hasAnyGroup(): Promise<boolean> {
  return (await db().groups.count()) > 0;
}

export async function isAnyMeetingRunning(): Promise<boolean> {
  return (await db().meetings.where('state').anyOf('running', 'closing').count()) > 0;
}

/** One check-in lock per device: the tablet being handed round. */
export const CHECKIN_LOCK_KEY = 'checkin-lock';

/** Kept here, apart from the check-in's own code, because the app's frame reads it on every screen. */
export async function readLock(): Promise<CheckInLock | null> {
  return ((await db().settings.get(CHECKIN_LOCK_KEY))?.value as CheckInLock | undefined) ?? null;
}

/** The device PIN's settings (domain/app-lock.ts AppLockConfig); absent while Heard is not locked. */
export const APP_LOCK_KEY = 'app-lock';

/** The lock's record is there but is not a lock Heard can check a PIN against. */
export class LockUnreadableError extends Error {
  override name = 'LockUnreadableError';
  constructor() {
    super('The device lock’s settings could not be read');
  }
}

/**
 * Whether Heard asks for the device PIN: read by the app's frame, without the
 * lock's own code. Fails closed: a record that is there but not a whole lock
 * throws, and the frame stays locked (as it does when the read itself fails).
 */
export async function readAppLockOn(): Promise<boolean> {
  const value = (await db().settings.get(APP_LOCK_KEY))?.value;
  if (value === undefined || value === null) return false;
  if (!isAppLockConfig(value)) throw new LockUnreadableError();
  return true;
}

export const SYNC_SETTINGS_KEY = 'sync-settings';
export const SYNC_LAST_KEY = 'sync-last';

/** The always-visible sync status, read by the app's frame without the sync code. */
export async function readSyncGlance(): Promise<SyncGlance> {
  const database = db();
  const [waiting, setAside, settings, last] = await Promise.all([
    database.outbox.where('status').anyOf('waiting', 'sending').toArray(),
    database.outbox.where('status').equals('set-aside').count(),
    database.settings.get(SYNC_SETTINGS_KEY),
    database.settings.get(SYNC_LAST_KEY),
  ]);
  const l = last?.value as SyncLast | undefined;
  const s = settings?.value as { serverUrl?: string; deviceKey?: string } | undefined;
  return {
    waiting: waiting.length,
    requests: waiting.filter((e) => e.kind === 'request').length,
    setAside,
    oldestWaitingSince: waiting.length ? Math.min(...waiting.map((e) => e.createdAt)) : null,
    lastError: l?.lastError ?? null,
    lastSentAt: l?.lastSentAt ?? null,
    configured: Boolean(s?.serverUrl && s.deviceKey),
  };
}
