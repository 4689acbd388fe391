import '../support/fresh-db';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CURRENT_SCHEMA_VERSION, createHeardDb, declareVersions, SCHEMA_VERSIONS, type SchemaVersion } from '../../src/db/schema';
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
function physicalSchema(db: Dexie) {
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

const opened: Dexie[] = [];
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

    // Upgraded, it holds exactly the stores and indexes of a database made new at the current version.
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
      const stores = Object.assign({}, ...SCHEMA_VERSIONS.filter((entry) => entry.version <= version).map((entry) => entry.stores)) as Record<string, string | null>;
      const expected = Object.keys(stores).filter((name) => stores[name] !== null);
      expect(physicalSchema(db).map((store) => store.name)).toEqual(expected.sort());
    }
  });
});

describe('versions told to Dexie (declareVersions), over a made-up history', () => {
  async function openAt(name: string, history: readonly SchemaVersion[], version: number) {
    const db = new Dexie(name);
    declareVersions(db, history, version);
    opened.push(db);
    await db.open();
    return db;
  }

  it('runs an upgrade in the middle once, on its own version\'s stores, with the versions around it folded', async () => {
    let runs = 0;
    const history: SchemaVersion[] = [
      { version: 1, stores: { notes: 'id' } },
      { version: 2, stores: { words: 'id, noteId' } },
      {
        version: 3,
        stores: {},
        upgrade: async (tx) => {
          runs += 1;
          const notes = await tx.table('notes').toArray();
          await tx.table('words').bulkAdd(notes.map((note: { id: string; text: string }) => ({ id: `w-${note.id}`, noteId: note.id, text: note.text })));
        },
      },
      { version: 4, stores: { tags: 'id' } },
      { version: 5, stores: { words: 'id, noteId, text' } },
    ];
    const name = uniqueDbName('made-up-upgrade');
    const old = await openAt(name, history, 1);
    await old.table('notes').bulkAdd([{ id: 'a', text: 'one' }, { id: 'b', text: 'two' }]);
    old.close();

    const current = await openAt(name, history, 5);
    expect(runs).toBe(1);
    expect(await current.table('words').where('text').equals('two').toArray()).toEqual([{ id: 'w-b', noteId: 'b', text: 'two' }]);
    const fresh = await openAt(uniqueDbName('made-up-upgrade-fresh'), history, 5);
    expect(physicalSchema(current)).toEqual(physicalSchema(fresh));
  });

  it('deletes a store a version deletes, even when a later version makes it again with another key', async () => {
    const history: SchemaVersion[] = [
      { version: 1, stores: { drafts: 'id' } },
      { version: 2, stores: { drafts: null } },
      { version: 3, stores: { drafts: '++n, title' } },
      { version: 4, stores: { other: 'id' } },
    ];
    const name = uniqueDbName('made-up-delete');
    const old = await openAt(name, history, 1);
    await old.table('drafts').add({ id: 'kept?', title: 'old' });
    old.close();

    const current = await openAt(name, history, 4);
    expect(await current.table('drafts').count()).toBe(0);
    const fresh = await openAt(uniqueDbName('made-up-delete-fresh'), history, 4);
    expect(physicalSchema(current)).toEqual(physicalSchema(fresh));
    expect(physicalSchema(current).find((store) => store.name === 'drafts')).toMatchObject({ keyPath: 'n', autoIncrement: true });
  });
});
