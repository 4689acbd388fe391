import type { CheckInLock } from '../domain/checkin-model';
import { db } from './connection';

export async function readSetting<T>(key: string): Promise<T | undefined> {
  return (await db().settings.get(key))?.value as T | undefined;
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
