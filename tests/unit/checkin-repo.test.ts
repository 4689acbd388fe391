import '../support/fresh-db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promptsForCheckIn } from '../../src/domain/checkin';
import { getCheckInResults, getParticipantData, readLock, readPin } from '../../src/db/checkin-repo';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { endWithoutPin, finishMyCheckIn, startCheckIn, unlockWithPin } from '../../src/state/checkin-actions';
import { setClockForTests } from '../../src/state/clock';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';
import { useQuickPinHashes } from '../support/quick-pins';

const db = useFreshDb();
useQuickPinHashes();
const START = Date.UTC(2030, 2, 14, 11, 50);
let clock = START;
beforeEach(() => {
  clock = START;
  setClockForTests(() => clock);
});
afterEach(() => setClockForTests(null));

const text = (key: string) => `Q:${key}`;

async function meetingWithPeople() {
  await addGroup(makeGroup(), [makePerson(), makePerson({ id: 'person-2', name: 'Dr Sam Patel', perspectiveId: 'staff' })]);
  await saveMeeting(makeMeeting({ state: 'closing' }), ['person-1', 'person-2']);
  return makeMeeting();
}

async function lockNow() {
  const lock = await readLock();
  if (!lock) throw new Error('not locked');
  return lock;
}

describe('the stored lock', () => {
  it('survives in the database, keeps waits across wrong tries, and opens with the right PIN', async () => {
    const meeting = await meetingWithPeople();
    expect((await startCheckIn(meeting, [], text, '2468')).ok).toBe(true);
    expect(await readPin()).not.toBeNull();
    expect((await lockNow()).prompts).toEqual(promptsForCheckIn([], text));

    for (let i = 0; i < 5; i++) {
      clock += 1000;
      expect(await unlockWithPin('0000')).toBe('wrong');
    }
    expect((await lockNow()).wrongPinAt).toHaveLength(5);
    // The fifth wrong try starts a 30 second wait: even the right PIN is refused during it.
    clock += 10_000;
    expect(await unlockWithPin('2468')).toBe('must-wait');
    expect(await readLock()).not.toBeNull();
    clock += 20_000;
    expect(await unlockWithPin('2468')).toBe('unlocked');
    expect(await readLock()).toBeNull();
  });

  it('refuses a second lock and a check-in saved after the lock has gone', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    const lock = await lockNow();
    expect((await startCheckIn(meeting, [], text, '1357')).ok).toBe(false);
    await unlockWithPin('2468');
    const late = await finishMyCheckIn({ personId: null, nameToAnswers: false, responses: {}, oneToOneContact: null }, lock);
    expect(late).toMatchObject({ ok: false, rule: 'not-locked' });
    expect(await db().checkinAnswers.count()).toBe(0);
  });

  it('ends without the PIN: every answer kept, the PIN forgotten', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    const lock = await lockNow();
    await finishMyCheckIn({ personId: 'person-1', nameToAnswers: false, responses: { 'default-listened-to': { kind: 'choice', value: 'yes' } }, oneToOneContact: 'Aoife' }, lock);
    expect((await endWithoutPin()).ok).toBe(true);
    expect(await readLock()).toBeNull();
    expect(await readPin()).toBeNull();
    const results = await getCheckInResults(meeting.id);
    expect(results!.answers).toHaveLength(1);
    expect(results!.oneToOnes.map((o) => o.contact)).toEqual(['Aoife']);
  });
});

describe('saving a check-in', () => {
  it('writes answers apart from the mark, marks a person once, and lists only people not yet in', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    const lock = await lockNow();
    const aoife = { personId: 'person-1', nameToAnswers: false, responses: { 'default-not-understood': { kind: 'choice' as const, value: 'yes' as const, words: 'ICB' } }, oneToOneContact: null };
    clock += 3 * 60_000;
    await finishMyCheckIn(aoife, lock);
    clock += 2 * 60_000;
    await finishMyCheckIn(aoife, lock);

    const answers = await db().checkinAnswers.toArray();
    const marks = await db().checkinMarks.toArray();
    expect(answers).toHaveLength(2);
    expect(marks).toHaveLength(1);
    for (const row of answers) {
      expect(row).not.toHaveProperty('personId');
      // Saved minutes apart, yet stamped with the check-in's start like the mark: time joins nothing.
      expect(row.checkInStartedAt).toBe(START);
    }
    expect(marks[0]!.checkInStartedAt).toBe(START);
    const glossary = await db().glossary.toArray();
    expect(glossary.map((g) => [g.term, g.source, g.groupId, g.meetingId, g.askedById])).toEqual([
      ['ICB', 'check-in', 'group-1', 'meeting-1', null],
      ['ICB', 'check-in', 'group-1', 'meeting-1', null],
    ]);
    expect((await getParticipantData(meeting.id))!.notYetIn.map((p) => p.name)).toEqual(['Dr Sam Patel']);
  });
});
