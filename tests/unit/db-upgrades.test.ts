import '../support/fresh-db';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, createHeardDb, SCHEMA_VERSIONS, type HeardDb } from '../../src/db/schema';
import { uniqueDbName } from '../support/fresh-db';
import type { Fixture } from './db-fixtures/fixture';

/**
 * A tablet may hold data written by any released schema version: each version
 * has a fixture in db-fixtures/vN.ts (see fixture.ts). Adding a version to
 * SCHEMA_VERSIONS without a fixture fails below.
 */
const modules = import.meta.glob<{ fixture: Fixture }>('./db-fixtures/v*.ts', { eager: true });
const fixtures: Record<number, Fixture> = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [Number(/v(\d+)\.ts$/.exec(path)![1]), module.fixture]),
);

/** Every store with its key path and its indexes (name, key path, unique, multi-entry), as IndexedDB holds them. */
function physicalSchema(db: HeardDb) {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames].sort();
  const tx = idb.transaction(names, 'readonly');
  return names.map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((index) => {
      const { keyPath, unique, multiEntry } = store.index(index);
      return { index, keyPath, unique, multiEntry };
    });
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
}

const opened: HeardDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('database upgrades', () => {
  it('has a fixture for every released schema version', () => {
    const missing = SCHEMA_VERSIONS.map((v) => v.version).filter((version) => !fixtures[version]);
    expect(missing).toEqual([]);
  });

  it('lists schema versions oldest first, each version once', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('reads data written at version %i after opening at the current version', async (version) => {
    const fixture = fixtures[version];
    if (!fixture) throw new Error(`No fixture for schema version ${version}`);
    const name = uniqueDbName(`upgrade-from-${version}`);

    const old = createHeardDb(name, version);
    await fixture.write(old);
    expect(old.verno).toBe(version);
    old.close();

    const current = createHeardDb(name);
    opened.push(current);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    await fixture.check(current);

    // Upgraded, it holds exactly the stores and indexes of a database made new at this version.
    const fresh = createHeardDb(uniqueDbName(`fresh-beside-${version}`));
    opened.push(fresh);
    await fresh.open();
    expect(physicalSchema(current)).toEqual(physicalSchema(fresh));
  });

  it('a database made at each version holds that version\'s stores and no later one\'s', async () => {
    for (const { version } of SCHEMA_VERSIONS) {
      const db = createHeardDb(uniqueDbName(`made-at-${version}`), version);
      opened.push(db);
      await db.open();
      const expected = SCHEMA_VERSIONS.filter((entry) => entry.version <= version).flatMap((entry) => Object.keys(entry.stores));
      expect(physicalSchema(db).map((store) => store.name)).toEqual([...new Set(expected)].sort());
    }
  });
});
