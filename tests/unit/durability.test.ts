import '../support/fresh-db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { tapSpeaker } from '../../src/state/balance-actions';
import { finishMyCheckIn, startCheckIn } from '../../src/state/checkin-actions';
import { readLock } from '../../src/db/checkin-repo';
import { setClockForTests } from '../../src/state/clock';
import { parkDissentNow } from '../../src/state/record-actions';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';
import { useQuickPinHashes } from '../support/quick-pins';

useFreshDb();
useQuickPinHashes();

/** Every write transaction asked of IndexedDB, with the stores it covers and the durability it asked for. */
let writes: { stores: string[]; durability: string | undefined }[] = [];
const realTransaction = IDBDatabase.prototype.transaction;

beforeEach(() => {
  setClockForTests(() => Date.UTC(2030, 2, 14, 11, 50));
  writes = [];
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    if (mode === 'readwrite') writes.push({ stores: [stores].flat(), durability: options?.durability });
    return realTransaction.call(this, stores, mode, options);
  };
});
afterEach(() => {
  IDBDatabase.prototype.transaction = realTransaction;
  setClockForTests(null);
});

const wrote = (store: string) => writes.filter((w) => w.stores.includes(store));

describe('what the screen calls saved is on disk', () => {
  it('asks IndexedDB for strict durability when storing a tap, a record entry and a check-in', async () => {
    await addGroup(makeGroup(), [makePerson()]);
    await saveMeeting(makeMeeting({ state: 'closing' }), ['person-1']);
    const place = { groupId: 'group-1', meetingId: 'meeting-1', itemId: null };

    expect((await tapSpeaker('meeting-1', { personId: 'person-1' }, { spans: [{ from: 0, to: null, itemId: null, endedBy: null }], queue: [] })).ok).toBe(true);
    expect((await parkDissentNow(place, 'person-1', 'We were not asked')).ok).toBe(true);
    expect((await startCheckIn(makeMeeting(), [], (key) => key, '2468')).ok).toBe(true);
    const lock = await readLock();
    expect(lock).not.toBeNull();
    expect((await finishMyCheckIn({ personId: null, nameToAnswers: false, responses: {}, oneToOneContact: null }, lock!)).ok).toBe(true);

    for (const store of ['turns', 'dissent', 'checkinAnswers']) {
      expect(wrote(store).length, `writes to ${store}`).toBeGreaterThan(0);
      expect(wrote(store).map((w) => w.durability)).toEqual(wrote(store).map(() => 'strict'));
    }
    // Not only those: no write of any kind is left to Chromium's relaxed default.
    expect(writes.filter((w) => w.durability !== 'strict')).toEqual([]);
  });
});
