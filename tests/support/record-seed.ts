import type { HeardDb } from '../../src/db/schema';
import type { ActionItem, Decision, DissentEntry } from '../../src/domain/record-model';
import { makeGroup, makeItem, makeMeeting, makePerson } from './fixtures';

/** Awkward words a person might type: commas, quotes, newlines, emoji, right-to-left text, HTML. */
export const AWKWARD = {
  name: 'O’Brien, "Siobhán" 🌷',
  rtl: 'مريم الحسن',
  html: '<img src=x onerror=alert(1)>Bob',
  formula: '=HYPERLINK("http://evil.example","click")',
  multiline: 'First line, with a comma;\nsecond line \\ with a backslash',
};

export const T0 = new Date(2030, 2, 14, 10, 0).getTime();
const MIN = 60_000;

/**
 * A closed meeting with everything a record holds, plus a later meeting and
 * device settings that must never leave the device.
 */
export async function seedRecord(database: HeardDb): Promise<void> {
  const people = [
    makePerson({ id: 'p-aoife', name: AWKWARD.name, perspectiveId: 'carer', createdAt: 1 }),
    makePerson({ id: 'p-maryam', name: AWKWARD.rtl, perspectiveId: 'carer', createdAt: 2 }),
    makePerson({ id: 'p-bob', name: AWKWARD.html, perspectiveId: 'staff', createdAt: 3 }),
    makePerson({ id: 'p-sam', name: 'Sam Patel', perspectiveId: 'lived', createdAt: 4 }),
  ];
  await database.groups.add(makeGroup());
  await database.people.bulkAdd(people);
  await database.meetings.add(makeMeeting({ state: 'closed', chairId: 'p-sam', updatedAt: T0 + 60 * MIN }));
  await database.meetings.add(makeMeeting({ id: 'meeting-2', title: 'April, "follow-up"', date: '2030-04-11', startsAt: new Date(2030, 3, 11, 10).getTime(), startTime: '10:00', endTime: '12:00' }));
  await database.attendees.bulkAdd([
    { meetingId: 'meeting-1', personId: 'p-aoife', expected: true },
    { meetingId: 'meeting-1', personId: 'p-maryam', expected: true, arrivedAt: T0 + 10 * MIN, leftAt: T0 + 40 * MIN },
    { meetingId: 'meeting-1', personId: 'p-bob', expected: true },
    { meetingId: 'meeting-1', personId: 'p-sam', expected: true, arrivedAt: null },
  ]);
  await database.agendaItems.bulkAdd([
    makeItem({ id: 'item-1', title: '# Discharge *letters*', timeboxMinutes: 20, notes: AWKWARD.multiline, leadId: 'p-bob' }),
    makeItem({ id: 'item-2', order: 1, title: 'Visiting hours', timeboxMinutes: 15 }),
  ]);
  await database.clockEvents.bulkAdd([
    { id: 'e1', meetingId: 'meeting-1', seq: 1, at: T0, kind: 'start', itemId: 'item-1' },
    { id: 'e2', meetingId: 'meeting-1', seq: 2, at: T0 + 25 * MIN, kind: 'item', itemId: 'item-2' },
    { id: 'e3', meetingId: 'meeting-1', seq: 3, at: T0 + 50 * MIN, kind: 'end-items' },
  ]);
  await database.turns.bulkAdd([
    { id: 't1', meetingId: 'meeting-1', itemId: 'item-1', personId: 'p-aoife', crossTalk: false, startedAt: T0, endedAt: T0 + 6 * MIN },
    { id: 't2', meetingId: 'meeting-1', itemId: 'item-1', personId: 'p-bob', crossTalk: false, startedAt: T0 + 6 * MIN, endedAt: T0 + 10 * MIN },
    { id: 't3', meetingId: 'meeting-1', itemId: 'item-2', personId: 'p-maryam', crossTalk: false, startedAt: T0 + 26 * MIN, endedAt: T0 + 28 * MIN },
  ]);
  await database.glossary.add({ id: 'g1', groupId: 'group-1', meetingId: 'meeting-1', term: 'DToC', explanation: 'Delayed transfer of care', askedById: null, source: 'jargon-flag', createdAt: T0, updatedAt: T0 });
  const dissent: DissentEntry = {
    id: 'd1', groupId: 'group-1', meetingId: 'meeting-1', itemId: 'item-1', raisedById: 'p-maryam', words: AWKWARD.formula,
    status: 'standing', resolution: '', decisionId: 'dec1',
    history: [{ status: 'parked', at: T0 + 12 * MIN, meetingId: 'meeting-1', note: '' }, { status: 'standing', at: T0 + 20 * MIN, meetingId: 'meeting-1', note: '', decisionId: 'dec1' }],
    createdAt: T0 + 12 * MIN, updatedAt: T0 + 20 * MIN,
  };
  await database.dissent.add(dissent);
  const decision: Decision = { id: 'dec1', groupId: 'group-1', meetingId: 'meeting-1', itemId: 'item-1', text: 'Use the shorter letter', how: { kind: 'consensus' }, dissentIds: ['d1'], createdAt: T0 + 20 * MIN, updatedAt: T0 + 20 * MIN };
  await database.decisions.add(decision);
  const actions: ActionItem[] = [
    { id: 'a1', groupId: 'group-1', meetingId: 'meeting-1', itemId: 'item-1', what: AWKWARD.multiline, owner: { kind: 'person', personId: 'p-aoife' }, due: '2030-04-01', status: 'open', droppedReason: '', history: [{ kind: 'created', at: T0 + 21 * MIN, meetingId: 'meeting-1', note: '', due: '2030-04-01' }], createdAt: T0 + 21 * MIN, updatedAt: T0 + 21 * MIN },
    { id: 'a2', groupId: 'group-1', meetingId: 'meeting-1', itemId: null, what: '+44 7700 900123 to ring', owner: { kind: 'organisation', name: '@Trust, "Estates"' }, due: '2030-04-08', status: 'open', droppedReason: '', history: [{ kind: 'created', at: T0 + 22 * MIN, meetingId: 'meeting-1', note: '', due: '2030-04-08' }], createdAt: T0 + 22 * MIN, updatedAt: T0 + 22 * MIN },
  ];
  await database.actions.bulkAdd(actions);
  await database.checkinAnswers.bulkAdd([
    { id: 'c1', meetingId: 'meeting-1', checkInStartedAt: T0 + 51 * MIN, responses: [{ promptId: 'q1', question: 'Did you get a fair say?', response: { kind: 'choice', value: 'yes' } }, { promptId: 'q2', question: 'Anything else?', response: { kind: 'text', value: 'More <b>breaks</b>' } }] },
    { id: 'c2', meetingId: 'meeting-1', personId: 'p-bob', checkInStartedAt: T0 + 51 * MIN, responses: [{ promptId: 'q1', question: 'Did you get a fair say?', response: { kind: 'choice', value: 'no' } }, { promptId: 'q2', question: 'Anything else?', response: { kind: 'text', value: 'Signed answer' } }] },
  ]);
  await database.checkinMarks.bulkAdd([
    { id: 'm1', meetingId: 'meeting-1', personId: 'p-aoife', checkInStartedAt: T0 + 51 * MIN },
    { id: 'm2', meetingId: 'meeting-1', personId: 'p-bob', checkInStartedAt: T0 + 51 * MIN },
  ]);
  await database.oneToOnes.add({ id: 'o1', meetingId: 'meeting-1', contact: 'Aoife', checkInStartedAt: T0 + 51 * MIN });
  await database.queue.add({ id: 'q1', meetingId: 'meeting-1', personId: 'p-bob', askedAt: T0 + 5 * MIN, position: null, doneAt: T0 + 6 * MIN });
  await database.groundRules.add({ id: 'r1', groupId: 'group-1', text: 'One voice at a time', order: 0, status: 'agreed', agreedAt: T0 - MIN, agreedAtMeetingId: null, templateKey: null, createdAt: T0 - MIN, updatedAt: T0 - MIN });
  await database.checkinPrompts.add({ id: 'q1', groupId: 'group-1', order: 0, kind: 'choice', text: 'Did you get a fair say?', libraryKey: null, createdAt: T0, updatedAt: T0 });
  await database.groupReviews.add({ id: 'gr1', groupId: 'group-1', meetingId: 'meeting-1', date: '2030-03-14', howMuch: 'Two meetings', howWell: '', betterOff: '', principles: {}, createdAt: T0, updatedAt: T0 } as never);
  // What this device still has to send: never in a backup.
  await database.outbox.add({ id: 'out1', meetingId: 'meeting-1', status: 'waiting', createdAt: T0, updatedAt: T0 } as never);
  await database.settings.bulkPut([
    { key: 'chair-pin', value: { salt: 's', hash: 'SECRET-PIN-HASH', iterations: 1 } },
    { key: 'checkin-lock', value: { meetingId: 'meeting-1', groupId: 'group-1', startedAt: T0, prompts: [], wrongPinAt: [] } },
    { key: 'sync-device-key', value: 'SECRET-DEVICE-KEY' },
  ]);
}
