import Dexie, { type Table } from 'dexie';
import { createHeardDb, CURRENT_SCHEMA_VERSION, DB_NAME, type HeardDb } from './schema';
import { NewerSchemaError } from './storage-errors';

/** Why this page must be reloaded: a newer Heard took the database from it, or had already upgraded it before this page opened it. */
export type NewerHeard = 'opened-in-another-tab' | 'already-on-device';

let current: HeardDb | null = null;
const versionChangeListeners = new Set<(why: NewerHeard) => void>();

function tellListeners(why: NewerHeard): void {
  for (const listener of versionChangeListeners) listener(why);
}

/** The one connection the app uses. */
export function db(): HeardDb {
  if (!current) {
    const { indexedDB, IDBKeyRange } = Dexie.dependencies;
    current = createHeardDb(DB_NAME, CURRENT_SCHEMA_VERSION, indexedDB ? { indexedDB: refusingNewerSchemas(indexedDB), IDBKeyRange } : undefined);
    watchVersionChange(current);
  }
  return current;
}

/**
 * IndexedDB as Dexie sees it, except that Heard never opens a database newer
 * than the schema it knows. Dexie opens at the declared version (version × 10)
 * and, when IndexedDB answers VersionError because the stored database is
 * newer, asks again with no version and takes the newer schema as it finds it,
 * even adding back stores the newer schema dropped. That second ask is refused
 * here, before anything is read or written, and the screen says to reload.
 * (Dexie skips its Safari 14 open workaround for a factory that is not the
 * global one; Safari 14 is long out of support.)
 */
function refusingNewerSchemas(factory: IDBFactory): IDBFactory {
  const refusing: IDBFactory = {
    open(name, version) {
      if (version === undefined) {
        tellListeners('already-on-device');
        throw new NewerSchemaError();
      }
      return factory.open(name, version);
    },
    deleteDatabase: (name) => factory.deleteDatabase(name),
    cmp: (first, second) => factory.cmp(first, second),
    databases: () => factory.databases(),
  };
  // Dexie keeps its own list of database names where the browser has no databases().
  if (typeof factory.databases !== 'function') delete (refusing as Partial<IDBFactory>).databases;
  return refusing;
}

const takenByNewerVersion = new WeakSet<HeardDb>();

function watchVersionChange(database: HeardDb): void {
  // Another tab is opening a newer schema: close so it is not blocked, and let
  // the screen say this tab must be reloaded rather than hang.
  database.on('versionchange', () => {
    takenByNewerVersion.add(database);
    database.close();
    tellListeners('opened-in-another-tab');
    return false;
  });
}

/**
 * Opens the connection for code that goes to IndexedDB directly (the tap
 * path). Dexie's own calls refuse once a newer Heard in another tab has taken
 * the database; an explicit open() would reopen it (only db()'s connection
 * refuses a newer schema when opening), so this refuses in the same way: old
 * code must never write into a newer schema.
 */
export async function openForDirectWrites(database: HeardDb): Promise<void> {
  if (database.isOpen()) return;
  if (takenByNewerVersion.has(database)) throw new Dexie.DatabaseClosedError('A newer Heard was opened in another tab');
  await database.open();
}

export function onVersionChange(listener: (why: NewerHeard) => void): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}

/** Tests swap in a database of their own. */
export function useDatabaseForTests(database: HeardDb | null): void {
  current?.close();
  current = database;
  if (database) watchVersionChange(database);
}

/**
 * Runs `read` (any of the repos' reads) in one read-only transaction over `tables` (every table
 * those reads touch): what a screen shows from several reads comes from one moment, never half
 * before and half after a write made between them.
 */
export function readAtOnce<T>(tables: (database: HeardDb) => Table[], read: () => Promise<T>): Promise<T> {
  const database = db();
  // Only the tables the screen reads: a read over every table would hold back every write (a tap) meanwhile.
  return database.transaction('r', tables(database), read);
}
