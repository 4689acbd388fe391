import '../support/fresh-db';
import { describe, expect, it } from 'vitest';
import { promptsForCheckIn, summarise } from '../../src/domain/checkin';
import { turnOnAppLock } from '../../src/state/app-lock-actions';
import { getCheckInResults, getParticipantData, readLock, readPin, readSealedGlance } from '../../src/db/checkin-repo';
import { deleteMeeting } from '../../src/db/deletion-repo';
import { erasePerson } from '../../src/db/erasure-repo';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { deleteSealedWords, endWithoutPin, finishMyCheckIn, openSealedWithPin, startCheckIn, unlockWithPin } from '../../src/state/checkin-actions';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';
import { useTestClock } from '../support/test-clock';
import { useQuickPinHashes } from '../support/quick-pins';
import { t } from '../../src/ui/strings/all';
import { close } from '../../src/state/run-actions';
import type { SummaryOutboxEntry } from '../../src/domain/sync-model';

const db = useFreshDb();
useQuickPinHashes();
const START = Date.UTC(2030, 2, 14, 11, 50);
const clock = useTestClock(START);

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
      clock.advance(1000);
      expect(await unlockWithPin('0000')).toBe('wrong');
    }
    expect((await lockNow()).wrongPinAt).toHaveLength(5);
    // The fifth wrong try starts a 30 second wait: even the right PIN is refused during it.
    clock.advance(10_000);
    expect(await unlockWithPin('2468')).toBe('must-wait');
    expect(await readLock()).not.toBeNull();
    clock.advance(20_000);
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

  it('ends without the PIN: the counts stay, the words, names and one-to-ones are sealed; the PIN is kept to open them', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    const lock = await lockNow();
    const secret = 'my manager bullies me';
    await finishMyCheckIn(
      {
        personId: 'person-1',
        nameToAnswers: true,
        responses: {
          'default-listened-to': { kind: 'choice', value: 'no' },
          'default-not-understood': { kind: 'choice', value: 'yes', words: 'ICB' },
          'default-anything-else': { kind: 'text', value: secret },
        },
        oneToOneContact: 'Ring Aoife on 07700 900456',
      },
      lock,
    );
    await finishMyCheckIn({ personId: null, nameToAnswers: false, responses: { 'default-listened-to': { kind: 'choice', value: 'yes' } }, oneToOneContact: null }, lock);
    const before = await getCheckInResults(meeting.id);
    expect((await endWithoutPin()).ok).toBe(true);
    expect(await readLock()).toBeNull();
    expect(await readPin()).not.toBeNull();

    // What every screen, export and summary reads: counts, and not one word or name.
    const open = (await getCheckInResults(meeting.id))!;
    expect(open.answers).toHaveLength(2);
    expect(summarise(open.answers).find((q) => q.promptId === 'default-listened-to')!.counts).toEqual([1, 0, 1]);
    expect(open.oneToOnes).toEqual([]);
    expect(open.glossary).toEqual([]);
    expect(open.marks.map((m) => m.personId)).toEqual(['person-1']);
    const everyOpenTable = JSON.stringify(await Promise.all(db().tables.filter((t) => t.name !== 'sealedCheckIns').map((t) => t.toArray())));
    for (const word of [secret, 'ICB', '07700 900456']) expect(everyOpenTable).not.toContain(word);
    expect(open.answers.some((a) => a.personId !== undefined)).toBe(false);
    // The screens' one read of the seal says how much, never what.
    const glance = (await readSealedGlance(meeting.id))!;
    expect(glance.counts).toEqual({ written: 2, named: 1, oneToOnes: 1, glossary: 1 });
    expect(JSON.stringify(glance)).not.toContain(secret);

    // Wrong PINs wait as the lock's do, and even the right one is refused meanwhile.
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      expect(await openSealedWithPin(meeting.id, '1357', t.sync.summaryWords)).toBe('wrong');
    }
    expect(await openSealedWithPin(meeting.id, '2468', t.sync.summaryWords)).toBe('must-wait');
    clock.advance(30_000);
    expect(await openSealedWithPin(meeting.id, '2468', t.sync.summaryWords)).toBe('unlocked');
    expect(await readSealedGlance(meeting.id)).toBeNull();
    // Opened: every row exactly as it was before sealing.
    const after = (await getCheckInResults(meeting.id))!;
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.answers)).toEqual(byId(before!.answers));
    expect(after.oneToOnes).toEqual(before!.oneToOnes);
    expect(byId(after.glossary)).toEqual(byId(before!.glossary));
  });

  it('a summary made while sealed counts the one-to-ones and holds no sealed word; opened, it goes again with them', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    await finishMyCheckIn(
      {
        personId: 'person-1',
        nameToAnswers: false,
        responses: { 'default-not-understood': { kind: 'choice', value: 'yes', words: 'ICB' } },
        oneToOneContact: 'Ring me on 07700 900456',
      },
      await lockNow(),
    );
    await endWithoutPin();
    expect((await close(meeting.id, t.sync.summaryWords)).ok).toBe(true);
    const sealed = (await db().outbox.toArray()) as SummaryOutboxEntry[];
    expect(sealed.map((e) => [e.revision, e.summary.checkIn.oneToOneRequests, e.summary.glossaryTerms])).toEqual([[1, 1, []]]);
    expect(JSON.stringify(sealed)).not.toMatch(/ICB|07700/);

    expect(await openSealedWithPin(meeting.id, '2468', t.sync.summaryWords)).toBe('unlocked');
    const opened = (await db().outbox.toArray()) as SummaryOutboxEntry[];
    expect(opened.map((e) => [e.id, e.revision, e.summary.checkIn.oneToOneRequests, e.summary.glossaryTerms])).toEqual([[sealed[0]!.id, 2, 1, ['ICB']]]);
    // How to reach the person who asked stays on the tablet, sealed or not.
    expect(JSON.stringify(opened)).not.toContain('07700');
  });

  it('opens only with the PINs in force when it was sealed: not a chair PIN or device PIN set afterwards', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    await finishMyCheckIn({ personId: null, nameToAnswers: false, responses: { 'default-anything-else': { kind: 'text', value: 'quiet words' } }, oneToOneContact: null }, await lockNow());
    await endWithoutPin();
    // Whoever holds the open tablet now sets a device PIN and a new chair PIN of their own.
    expect((await turnOnAppLock('9753', 5)).ok).toBe(true);
    expect((await startCheckIn(meeting, [], text, '1357')).ok).toBe(true);
    expect(await unlockWithPin('1357')).toBe('unlocked');
    expect(await readSealedGlance(meeting.id)).toMatchObject({ opensWithDevicePin: false });
    expect(await openSealedWithPin(meeting.id, '9753', t.sync.summaryWords)).toBe('wrong');
    expect(await openSealedWithPin(meeting.id, '1357', t.sync.summaryWords)).toBe('wrong');
    // Ended without the PIN again: still under the first keys.
    expect((await startCheckIn(meeting, [], text, null)).ok).toBe(true);
    await endWithoutPin();
    expect(await openSealedWithPin(meeting.id, '1357', t.sync.summaryWords)).toBe('wrong');
    expect(JSON.stringify(await db().checkinAnswers.toArray())).not.toContain('quiet words');
    expect(await openSealedWithPin(meeting.id, '2468', t.sync.summaryWords)).toBe('unlocked');
    expect(JSON.stringify(await db().checkinAnswers.toArray())).toContain('quiet words');
  });

  it('opens the seal with the device PIN too, when Heard has one', async () => {
    const meeting = await meetingWithPeople();
    expect((await turnOnAppLock('9753', 5)).ok).toBe(true);
    await startCheckIn(meeting, [], text, '2468');
    await finishMyCheckIn({ personId: null, nameToAnswers: false, responses: { 'default-anything-else': { kind: 'text', value: 'quiet words' } }, oneToOneContact: null }, await lockNow());
    await endWithoutPin();
    expect(await openSealedWithPin(meeting.id, '9753', t.sync.summaryWords)).toBe('unlocked');
    expect(JSON.stringify(await db().checkinAnswers.toArray())).toContain('quiet words');
  });

  it('deletes the sealed words only after DELETE is typed, keeping the counts', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    await finishMyCheckIn({ personId: null, nameToAnswers: false, responses: { 'default-anything-else': { kind: 'text', value: 'quiet words' }, 'default-feeling': { kind: 'faces', value: 2, of: 5 } }, oneToOneContact: 'Sam' }, await lockNow());
    await endWithoutPin();
    expect(await deleteSealedWords(meeting.id, 'delet')).toMatchObject({ ok: false, rule: 'name-mismatch' });
    expect(await readSealedGlance(meeting.id)).not.toBeNull();
    expect((await deleteSealedWords(meeting.id, ' delete ')).ok).toBe(true);
    expect(await readSealedGlance(meeting.id)).toBeNull();
    expect(await db().sealedCheckIns.count()).toBe(0);
    const left = (await getCheckInResults(meeting.id))!;
    expect(left.answers.map((a) => a.responses.map((r) => r.promptId))).toEqual([['default-feeling']]);
    expect(await openSealedWithPin(meeting.id, '2468', t.sync.summaryWords)).toBe('failed');
  });

  it('holds back an erasure in the group while sealed, and goes with its meeting when that is deleted', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    await finishMyCheckIn({ personId: null, nameToAnswers: false, responses: {}, oneToOneContact: 'Ring Aoife Byrne' }, await lockNow());
    await endWithoutPin();
    await db().meetings.update(meeting.id, { state: 'closed' });
    const words = { ...t.sync.summaryWords, pseudonym: (n: number) => `Former member ${n}`, wordsDeleted: 'deleted' };
    // The sealed request names Aoife; nobody may read it to take her name out.
    await expect(erasePerson('group-1', 'person-1', 'keep', clock.now(), () => 'new-id', words)).rejects.toMatchObject({ code: 'checkin-sealed' });
    expect((await db().people.get('person-1'))!.name).toBe('Aoife Byrne');
    await deleteMeeting(meeting.id, meeting.title, clock.now(), () => 'new-id');
    expect(await db().sealedCheckIns.count()).toBe(0);
    await erasePerson('group-1', 'person-1', 'keep', clock.now(), () => 'new-id', words);
    expect((await db().people.get('person-1'))!.name).toBe('Former member 1');
  });

  it('seals nothing when nothing was written or named', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    await finishMyCheckIn({ personId: 'person-1', nameToAnswers: false, responses: { 'default-feeling': { kind: 'faces', value: 2, of: 5 } }, oneToOneContact: null }, await lockNow());
    await endWithoutPin();
    expect(await readSealedGlance(meeting.id)).toBeNull();
    expect(await db().checkinAnswers.count()).toBe(1);
  });
});

describe('saving a check-in', () => {
  it('writes answers apart from the mark, marks a person once, and lists only people not yet in', async () => {
    const meeting = await meetingWithPeople();
    await startCheckIn(meeting, [], text, '2468');
    const lock = await lockNow();
    const aoife = { personId: 'person-1', nameToAnswers: false, responses: { 'default-not-understood': { kind: 'choice' as const, value: 'yes' as const, words: 'ICB' } }, oneToOneContact: null };
    clock.advance(3 * 60_000);
    await finishMyCheckIn(aoife, lock);
    clock.advance(2 * 60_000);
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
