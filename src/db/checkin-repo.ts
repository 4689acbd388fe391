import type { GlossaryTerm } from '../domain/balance-model';
import { isRefusal, nextLock, type CheckInRecords, type LockEvent } from '../domain/checkin';
import type { CheckInAnswers, CheckInLock, CheckInMark, CheckInPrompt, OneToOneRequest, SealedKeys, StoredPin } from '../domain/checkin-model';
import { readAppLockConfig } from './app-lock-repo';
import type { EpochMs, Id } from '../domain/model';
import { typedNameMatches } from '../domain/privacy-rules';
import { DELETE_PHRASE, glanceOf, nothingSealed, planSeal, tryUnseal, type SealedGlance } from '../domain/checkin-seal';
import type { Table } from 'dexie';
import { db } from './connection';
import type { HeardDb } from './schema';
import { getMeetingDetail, type MeetingDetail } from './meetings-repo';
import { CHECKIN_LOCK_KEY as LOCK_KEY, readLock } from './settings-repo';
import { enqueueSummary, summaryTables } from './summary-outbox';
import type { SummaryWords } from '../domain/summary';
import { RuleError } from '../domain/rule-codes';
import { byName } from '../domain/names';

export { readLock };

const PIN_KEY = 'chair-pin';

export async function readPin(): Promise<StoredPin | null> {
  return ((await db().settings.get(PIN_KEY))?.value as StoredPin | undefined) ?? null;
}

/** Moves the stored lock on by one event, in one transaction; a refused move is a RuleError. */
async function moveLock(
  event: LockEvent,
  at: EpochMs,
  extra?: (current: CheckInLock) => Promise<void>,
  moreTables: (database: HeardDb) => Table[] = () => [],
): Promise<CheckInLock | null> {
  const database = db();
  return database.transaction('rw', [database.settings, database.meetings, ...moreTables(database)], async () => {
    const current = await readLock();
    const next = nextLock(current, event, at);
    if (isRefusal(next)) throw new RuleError(next.refused);
    if (next) await database.settings.put({ key: LOCK_KEY, value: next });
    else await database.settings.delete(LOCK_KEY);
    // Not refused, so there was a lock.
    await extra?.(current!);
    return next;
  });
}

/** Locks the tablet for the check-in, storing a new PIN hash with it when the chair set one. */
export async function startCheckIn(event: Extract<LockEvent, { type: 'start' }>, newPin: StoredPin | null): Promise<void> {
  const database = db();
  await moveLock(event, event.at, async () => {
    const meeting = await database.meetings.get(event.meetingId);
    if (!meeting) throw new RuleError('meeting-missing');
    if (meeting.state === 'closed') throw new RuleError('meeting-closed');
    if (newPin) await database.settings.put({ key: PIN_KEY, value: newPin });
    else if (!(await database.settings.get(PIN_KEY))) throw new RuleError('no-pin');
  });
}

export async function recordWrongPin(at: EpochMs): Promise<CheckInLock | null> {
  return moveLock({ type: 'wrong-pin', at }, at);
}

/** The PIN was right: the chair's screens open again. */
export async function unlockCheckIn(at: EpochMs): Promise<void> {
  await moveLock({ type: 'right-pin', at }, at);
}

const sealTables = (database: HeardDb) => [database.checkinAnswers, database.oneToOnes, database.glossary, database.sealedCheckIns];

/**
 * For a forgotten PIN: the check-in ends in the same transaction as its words
 * are sealed (domain/checkin-seal.ts), so there is no moment when the chair's
 * screens are open and the words still readable. The counts stay; the PIN's
 * hash is kept, because it is one of the two secrets that open the seal.
 */
export async function endCheckInWithoutPin(at: EpochMs): Promise<void> {
  const database = db();
  await moveLock(
    { type: 'end-without-pin' },
    at,
    async (lock) => {
      const meetingId = lock.meetingId;
      const [answers, oneToOnes, glossary, before] = await Promise.all([
        database.checkinAnswers.where('meetingId').equals(meetingId).toArray(),
        database.oneToOnes.where('meetingId').equals(meetingId).toArray(),
        database.glossary.where('meetingId').equals(meetingId).toArray(),
        database.sealedCheckIns.get(meetingId),
      ]);
      const keys = { chair: await readPin(), device: (await readAppLockConfig())?.pin ?? null };
      const plan = planSeal(lock, { answers, oneToOnes, glossary }, before ?? null, keys, at);
      if (nothingSealed(plan.sealed.counts)) return;
      await database.checkinAnswers.bulkPut(plan.openAnswers);
      await database.oneToOnes.bulkDelete(plan.removeOneToOnes);
      await database.glossary.bulkDelete(plan.removeGlossary);
      await database.sealedCheckIns.put(plan.sealed);
    },
    sealTables,
  );
}

/** How much of a meeting's check-in is sealed, never what: the only read of the sealed table a screen makes. */
export async function readSealedGlance(meetingId: Id): Promise<SealedGlance | null> {
  const sealed = await db().sealedCheckIns.get(meetingId);
  return sealed ? glanceOf(sealed) : null;
}

/** The hashes of the secrets that open a meeting's seal: read only to check a PIN typed against them. */
export async function readSealedKeys(meetingId: Id): Promise<SealedKeys | null> {
  return (await db().sealedCheckIns.get(meetingId))?.keys ?? null;
}

/**
 * One try at opening the seal: `right` says whether the PIN typed was one of
 * its keys (the chair's or the device's, as they were when it was sealed). A right one puts every row back as it was and
 * removes the seal (and sends the meeting's summary again with them, if one was made); a wrong one is stored, so the
 * waits survive a reload.
 */
export async function openSealed(meetingId: Id, right: boolean, at: EpochMs, newId: () => Id, words: SummaryWords): Promise<'opened' | 'wrong'> {
  const database = db();
  return database.transaction('rw', [...sealTables(database), ...summaryTables(database)], async () => {
    const outcome = tryUnseal((await database.sealedCheckIns.get(meetingId)) ?? null, right, at);
    if ('refused' in outcome) throw new RuleError(outcome.refused);
    if ('wrong' in outcome) {
      await database.sealedCheckIns.put(outcome.wrong);
      return 'wrong';
    }
    await database.checkinAnswers.bulkPut(outcome.opened.answers);
    await database.oneToOnes.bulkPut(outcome.opened.oneToOnes);
    await database.glossary.bulkPut(outcome.opened.glossary);
    await database.sealedCheckIns.delete(meetingId);
    // A summary already made held none of the sealed words: the office gets them now, as its next revision.
    if (await database.outbox.where('meetingId').equals(meetingId).count()) await enqueueSummary(database, meetingId, at, newId, words);
    return 'opened';
  });
}

/** Neither PIN is known: the sealed words are deleted, once the chair has typed the phrase. The counts stay. */
export async function deleteSealed(meetingId: Id, typed: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.sealedCheckIns, async () => {
    if (!typedNameMatches(typed, DELETE_PHRASE)) throw new RuleError('name-mismatch');
    if (!(await database.sealedCheckIns.get(meetingId))) throw new RuleError('not-sealed');
    await database.sealedCheckIns.delete(meetingId);
  });
}

/** "Done — pass it on": one person's records, written together, only while the check-in is on. */
export async function saveCheckIn(records: CheckInRecords): Promise<void> {
  const database = db();
  const tables = [database.settings, database.checkinAnswers, database.checkinMarks, database.oneToOnes, database.glossary];
  await database.transaction('rw', tables, async () => {
    const lock = await readLock();
    if (!lock || lock.meetingId !== records.answers.meetingId) throw new RuleError('not-locked');
    await database.checkinAnswers.add(records.answers);
    const { mark } = records;
    // Someone who picks their name twice is marked once; their answers still count.
    if (mark && !(await database.checkinMarks.where('[meetingId+personId]').equals([mark.meetingId, mark.personId]).first())) {
      await database.checkinMarks.add(mark);
    }
    if (records.oneToOne) await database.oneToOnes.add(records.oneToOne);
    if (records.glossary.length > 0) await database.glossary.bulkAdd(records.glossary);
  });
}

export interface ParticipantData {
  detail: MeetingDetail;
  /** Names to pick from: the meeting's people who have not checked in yet. */
  notYetIn: { id: Id; name: string }[];
}

export async function getParticipantData(meetingId: Id): Promise<ParticipantData | null> {
  const database = db();
  return database.transaction('r', [database.meetings, database.groups, database.people, database.attendees, database.checkinMarks], async () => {
    const detail = await getMeetingDetail(meetingId);
    if (!detail) return null;
    const marked = new Set((await database.checkinMarks.where('meetingId').equals(meetingId).toArray()).map((m) => m.personId));
    const attending = new Set(detail.attendees.filter((a) => a.expected || a.arrivedAt).map((a) => a.personId));
    const people = detail.people.filter((p) => p.status === 'active' && (attending.size === 0 || attending.has(p.id)));
    const notYetIn = people
      .filter((p) => !marked.has(p.id))
      .map((p) => ({ id: p.id, name: p.name }))
      .sort(byName());
    return { detail, notYetIn };
  });
}

export interface CheckInResults {
  detail: MeetingDetail;
  answers: CheckInAnswers[];
  marks: CheckInMark[];
  oneToOnes: OneToOneRequest[];
  glossary: GlossaryTerm[];
}

export async function getCheckInResults(meetingId: Id): Promise<CheckInResults | null> {
  const database = db();
  const tables = [
    database.meetings,
    database.groups,
    database.people,
    database.attendees,
    database.checkinAnswers,
    database.checkinMarks,
    database.oneToOnes,
    database.glossary,
  ];
  return database.transaction('r', tables, async () => {
    const detail = await getMeetingDetail(meetingId);
    if (!detail) return null;
    const [answers, marks, oneToOnes, glossary] = await Promise.all([
      database.checkinAnswers.where('meetingId').equals(meetingId).toArray(),
      database.checkinMarks.where('meetingId').equals(meetingId).toArray(),
      database.oneToOnes.where('meetingId').equals(meetingId).toArray(),
      database.glossary.where('meetingId').equals(meetingId).toArray(),
    ]);
    return { detail, answers, marks, oneToOnes, glossary: glossary.filter((g) => g.source === 'check-in') };
  });
}

export interface LauncherData {
  lock: CheckInLock | null;
  pin: StoredPin | null;
  prompts: CheckInPrompt[];
  answerCount: number;
}

export async function getLauncherData(groupId: Id, meetingId: Id): Promise<LauncherData> {
  const database = db();
  return database.transaction('r', [database.settings, database.checkinPrompts, database.checkinAnswers], async () => {
    const [lock, pin, prompts, answerCount] = await Promise.all([
      readLock(),
      readPin(),
      database.checkinPrompts.where('groupId').equals(groupId).toArray(),
      database.checkinAnswers.where('meetingId').equals(meetingId).count(),
    ]);
    return { lock, pin, prompts: prompts.sort((a, b) => a.order - b.order), answerCount };
  });
}

/** Replaces a group's check-in questions with `prompts`, in one step. */
export async function replacePrompts(groupId: Id, prompts: readonly CheckInPrompt[]): Promise<void> {
  const database = db();
  await database.transaction('rw', database.checkinPrompts, async () => {
    await database.checkinPrompts.where('groupId').equals(groupId).delete();
    await database.checkinPrompts.bulkAdd(prompts.map((p, order) => ({ ...p, groupId, order })));
  });
}
