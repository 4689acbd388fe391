import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../support/fresh-db';
import { onVersionChange } from '../../src/db/connection';
import { tapSpeaker } from '../../src/state/balance-actions';

const fresh = useFreshDb();

/** Opens the test's database one version up, as a newer Heard in another tab would. */
function openNewerSchema(name: string, version: number): Promise<{ blocked: boolean }> {
  return new Promise((done, fail) => {
    let blocked = false;
    const request = indexedDB.open(name, version + 1);
    request.onblocked = () => (blocked = true);
    request.onsuccess = () => (request.result.close(), done({ blocked }));
    request.onerror = () => fail(request.error);
  });
}

describe('a newer Heard opened in another tab', () => {
  it('is never blocked, tells this tab to reload, and this tab writes no more taps into the newer schema', async () => {
    const database = fresh();
    await tapSpeaker('m1', { personId: 'p1' }, { spans: [{ from: 0, to: null, itemId: null, endedBy: null }], queue: [] });
    let told = 0;
    const stop = onVersionChange(() => (told += 1));
    const upgrade = await openNewerSchema(database.name, database.verno * 10);
    stop();
    expect(upgrade.blocked).toBe(false);
    expect(told).toBe(1);

    const result = await tapSpeaker('m1', { personId: 'p2' }, { spans: [{ from: 0, to: null, itemId: null, endedBy: null }], queue: [] });
    expect(result).toEqual({ ok: false, problem: 'closed-by-other-tab' });
    const stored = await new Promise<unknown[]>((done) => {
      const request = indexedDB.open(database.name);
      request.onsuccess = () => {
        const all = request.result.transaction('turns').objectStore('turns').getAll();
        all.onsuccess = () => (request.result.close(), done(all.result));
      };
    });
    expect(stored).toHaveLength(1);
  });
});
