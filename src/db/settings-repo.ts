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
