import type { GlossaryTerm } from '../domain/balance-model';
import { isRefusal, nextLock, type CheckInRecords, type LockEvent } from '../domain/checkin';
import type { CheckInAnswers, CheckInLock, CheckInMark, CheckInPrompt, OneToOneRequest, StoredPin } from '../domain/checkin-model';
import type { EpochMs, Id } from '../domain/model';
import { db } from './connection';
import { getMeetingDetail, type MeetingDetail } from './meetings-repo';
import { CHECKIN_LOCK_KEY as LOCK_KEY, readLock } from './settings-repo';
import { RuleError } from './storage-errors';

export { readLock };

const PIN_KEY = 'chair-pin';

export async function readPin(): Promise<StoredPin | null> {
  return ((await db().settings.get(PIN_KEY))?.value as StoredPin | undefined) ?? null;
}

/** Moves the stored lock on by one event, in one transaction; a refused move is a RuleError. */
async function moveLock(event: LockEvent, at: EpochMs, extra?: () => Promise<void>): Promise<CheckInLock | null> {
  const database = db();
  return database.transaction('rw', [database.settings, database.meetings], async () => {
    const current = await readLock();
    const next = nextLock(current, event, at);
    if (isRefusal(next)) throw new RuleError(next.refused);
    if (next) await database.settings.put({ key: LOCK_KEY, value: next });
    else await database.settings.delete(LOCK_KEY);
    await extra?.();
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

/** For a forgotten PIN: the check-in ends, every answer stays, and the PIN is forgotten too. */
export async function endCheckInWithoutPin(at: EpochMs): Promise<void> {
  await moveLock({ type: 'end-without-pin' }, at, async () => {
    await db().settings.delete(PIN_KEY);
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
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
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
