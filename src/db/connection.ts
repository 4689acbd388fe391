import Dexie from 'dexie';
import { createHeardDb, type HeardDb } from './schema';

let current: HeardDb | null = null;
const versionChangeListeners = new Set<() => void>();

/** The one connection the app uses. */
export function db(): HeardDb {
  if (!current) {
    current = createHeardDb();
    watchVersionChange(current);
  }
  return current;
}

const takenByNewerVersion = new WeakSet<HeardDb>();

function watchVersionChange(database: HeardDb): void {
  // Another tab is opening a newer schema: close so it is not blocked, and let
  // the screen say this tab must be reloaded rather than hang.
  database.on('versionchange', () => {
    takenByNewerVersion.add(database);
    database.close();
    for (const listener of versionChangeListeners) listener();
    return false;
  });
}

/**
 * Opens the connection for code that goes to IndexedDB directly (the tap
 * path). Dexie's own calls refuse once a newer Heard in another tab has taken
 * the database; an explicit open() would not (Dexie opens a newer database
 * rather than fail), so this refuses in the same way: old code must never
 * write into a newer schema.
 */
export async function openForDirectWrites(database: HeardDb): Promise<void> {
  if (database.isOpen()) return;
  if (takenByNewerVersion.has(database)) throw new Dexie.DatabaseClosedError('A newer Heard was opened in another tab');
  await database.open();
}

export function onVersionChange(listener: () => void): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}

/** Tests swap in a database of their own. */
export function useDatabaseForTests(database: HeardDb | null): void {
  current?.close();
  current = database;
  if (database) watchVersionChange(database);
}
