import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { useDatabaseForTests } from '../../src/db/connection';
import { createHeardDb, type HeardDb } from '../../src/db/schema';

let counter = 0;

/** A uniquely named database name, so tests never see each other's data. */
export function uniqueDbName(label = 'test'): string {
  counter += 1;
  return `${label}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Gives every test in the calling file a fresh, empty database as the app's
 * connection, and deletes it afterwards. Returns a getter for the current one.
 */
export function useFreshDb(): () => HeardDb {
  let database: HeardDb | null = null;
  beforeEach(() => {
    database = createHeardDb(uniqueDbName());
    useDatabaseForTests(database);
  });
  afterEach(async () => {
    const finished = database;
    database = null;
    useDatabaseForTests(null);
    await finished?.delete();
  });
  return () => {
    if (!database) throw new Error('useFreshDb: no database outside a test');
    return database;
  };
}
