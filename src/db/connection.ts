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

function watchVersionChange(database: HeardDb): void {
  // Another tab is opening a newer schema: close so it is not blocked, and let
  // the screen say this tab must be reloaded rather than hang.
  database.on('versionchange', () => {
    database.close();
    for (const listener of versionChangeListeners) listener();
    return false;
  });
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
