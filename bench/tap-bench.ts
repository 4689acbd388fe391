// Runs in Chromium, on the same origin as the built app: seeds a three-hour
// meeting through Heard's own database code, then times a tap from the
// running screen's action until its IndexedDB transaction has committed,
// against a raw IndexedDB put of the same record.
import { db } from '../src/db/connection';
import { STORED_DURABILITY } from '../src/db/schema';
import { tapSpeaker } from '../src/state/balance-actions';
import { talkSpans } from '../src/domain/meeting-clock';
import { summarise } from './balance-bench';
import { syntheticMeeting } from './synthetic-meeting';
import { runBackupBench } from './backup-bench';

const meeting = syntheticMeeting();

async function seed(): Promise<{ meetingId: string }> {
  const database = db();
  await database.transaction('rw', [database.groups, database.people, database.meetings, database.attendees, database.agendaItems, database.clockEvents, database.turns, database.queue], async () => {
    await database.groups.put(meeting.group);
    await database.people.bulkPut(meeting.people);
    await database.meetings.put(meeting.meeting);
    await database.attendees.bulkPut(meeting.attendees);
    await database.agendaItems.bulkPut(meeting.items);
    await database.clockEvents.bulkPut(meeting.events);
    await database.turns.bulkPut(meeting.turns);
    await database.queue.bulkPut(meeting.queue);
  });
  return { meetingId: meeting.meeting.id };
}

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('raw-put-bench', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('turns', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const settle = () => new Promise((done) => setTimeout(done, 5));

// Heard's own durability by default, so the ratio compares like with like.
function rawPut(raw: IDBDatabase, record: object, durability: IDBTransactionDurability = STORED_DURABILITY): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = raw.transaction('turns', 'readwrite', { durability });
    tx.objectStore('turns').put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function measure(taps: number) {
  const raw = await openRaw();
  const heard: number[] = [];
  const plain: number[] = [];
  const context = { spans: talkSpans(meeting.events, meeting.items), queue: meeting.queue };
  for (let i = 0; i < taps + 10; i++) {
    const person = meeting.people[i % meeting.people.length]!;
    // Alternate the two so a slow moment of the machine falls on both alike, and let
    // the page settle before each, so work one leaves behind is never timed in the other.
    await settle();
    let started = performance.now();
    const result = await tapSpeaker(meeting.meeting.id, { personId: person.id }, context);
    const tapMs = performance.now() - started;
    if (!result.ok) throw new Error(`tap failed: ${result.problem}`);
    const record = { id: `raw-${i}`, meetingId: meeting.meeting.id, itemId: 'item11', personId: person.id, crossTalk: false, startedAt: Date.now(), endedAt: null };
    await settle();
    started = performance.now();
    await rawPut(raw, record);
    const rawMs = performance.now() - started;
    if (i >= 10) {
      heard.push(tapMs);
      plain.push(rawMs);
    }
  }
  // What waiting for the disk costs: the same raw put, strict against relaxed, alternated.
  const strict: number[] = [];
  const relaxed: number[] = [];
  for (let i = 0; i < taps; i++) {
    for (const [durability, times] of [['strict', strict], ['relaxed', relaxed]] as const) {
      await settle();
      const started = performance.now();
      await rawPut(raw, { id: `${durability}-${i}`, meetingId: 'durability', startedAt: Date.now() }, durability);
      times.push(performance.now() - started);
    }
  }
  raw.close();
  // For comparison only, afterwards: a Dexie write tells Heard's taps to read the turns again.
  const dexiePut: number[] = [];
  for (let i = 0; i < taps; i++) {
    const record = { id: `dexie-${i}`, meetingId: 'another-meeting', itemId: null, personId: 'p', crossTalk: false, startedAt: Date.now(), endedAt: null };
    const started = performance.now();
    await db().transaction('rw', db().turns, () => db().turns.put(record));
    dexiePut.push(performance.now() - started);
  }
  return { heard: summarise(heard), raw: summarise(plain), dexiePut: summarise(dexiePut), strict: summarise(strict), relaxed: summarise(relaxed) };
}

(window as unknown as { heardBench: object }).heardBench = { seed, measure, backup: () => runBackupBench() };
