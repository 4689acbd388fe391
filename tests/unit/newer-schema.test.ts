import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, onVersionChange, openForDirectWrites, useDatabaseForTests, type NewerHeard } from '../../src/db/connection';
import { watch } from '../../src/db/live';
import { CURRENT_SCHEMA_VERSION, DB_NAME } from '../../src/db/schema';
import type { Group } from '../../src/domain/model';
import { classifyStorageError } from '../../src/db/storage-errors';
import { save } from '../../src/state/save-status';

const group = (id: string, name: string): Group => ({ id, name, perspectives: [], sample: false, createdAt: 0, updatedAt: 0 });
const DISCHARGE = group('g1', 'Hospital discharge workstream');

/** Dexie stores declared version n as IndexedDB version n × 10. */
const NEWER = (CURRENT_SCHEMA_VERSION + 1) * 10;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((done, fail) => {
    req.onsuccess = () => done(req.result);
    req.onerror = () => fail(req.error);
  });
}

/**
 * What a newer Heard might do to the stored database: upgrade it one version
 * up, drop a store this code declares and add one it has never heard of.
 */
function upgradeAsANewerHeard(): Promise<void> {
  return new Promise((done, fail) => {
    const req = indexedDB.open(DB_NAME, NEWER);
    req.onupgradeneeded = () => {
      req.result.deleteObjectStore('glossary');
      req.result.createObjectStore('fromANewerHeard', { keyPath: 'id' });
    };
    req.onsuccess = () => (req.result.close(), done());
    req.onerror = () => fail(req.error);
    req.onblocked = () => fail(new Error('blocked by a connection this test left open'));
  });
}

/** The stored database as it is, opened without a version (so never upgraded by this look). */
async function storedAsItIs() {
  const raw = await request(indexedDB.open(DB_NAME));
  const groups = await request(raw.transaction('groups').objectStore('groups').getAll());
  const seen = { version: raw.version, stores: [...raw.objectStoreNames], groups };
  raw.close();
  return seen;
}

afterEach(async () => {
  useDatabaseForTests(null);
  await request(indexedDB.deleteDatabase(DB_NAME));
});

describe('a database a newer Heard has already upgraded', () => {
  it('is refused when opened: nothing read or written, the page told to reload, and a save says why', async () => {
    // This Heard makes its database and saves a group, then the tab is closed.
    await db().groups.add(DISCHARGE);
    expect(db().verno).toBe(CURRENT_SCHEMA_VERSION);
    useDatabaseForTests(null);

    await upgradeAsANewerHeard();
    const before = await storedAsItIs();
    expect(before.version).toBe(NEWER);

    // This (older) Heard opens again.
    const told: NewerHeard[] = [];
    const stop = onVersionChange((why) => told.push(why));
    const read = await db().groups.toArray().then(
      (rows) => ({ rows }),
      (error: unknown) => ({ error }),
    );
    expect(read).not.toHaveProperty('rows');
    expect(classifyStorageError((read as { error: unknown }).error)).toBe('newer-version');
    expect(told).toContain('already-on-device');
    expect(db().isOpen()).toBe(false);
    // A screen's live query is told, not left waiting for the database to open again.
    const screenTold = await new Promise<unknown>((done) => {
      const stopWatching = watch(() => db().groups.toArray(), done, (error) => (stopWatching(), done(classifyStorageError(error))));
    });
    expect(screenTold).toBe('newer-version');

    vi.spyOn(console, 'error').mockImplementation(() => {});
    const saved = await save(() => db().groups.put(group('g2', 'Written by old code')));
    expect(saved).toEqual({ ok: false, problem: 'newer-version' });
    // The tap path opens the connection itself: refused in the same way.
    const tapOpen = await openForDirectWrites(db()).then(
      () => 'opened',
      (error: unknown) => classifyStorageError(error),
    );
    expect(tapOpen).toBe('newer-version');
    stop();

    // The newer schema is exactly as the newer Heard left it: Dexie did not add back the store it dropped.
    const after = await storedAsItIs();
    expect(after).toEqual(before);
    expect(after.stores).not.toContain('glossary');
    expect(after.stores).not.toContain('$meta');
    expect(after.groups).toEqual([DISCHARGE]);
  });

  it('opens as usual when the stored database is the version this code knows', async () => {
    await db().groups.add(DISCHARGE);
    useDatabaseForTests(null);
    expect(await db().groups.toArray()).toEqual([DISCHARGE]);
    expect((await storedAsItIs()).version).toBe(CURRENT_SCHEMA_VERSION * 10);
  });
});
