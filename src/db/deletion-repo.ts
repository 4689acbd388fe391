import { planGroupOutbox, planMeetingDeletion, type DeletionPlan } from '../domain/deletion';
import type { GroupHoldings } from '../domain/group-holdings';
import type { EpochMs, Group, Id, Meeting, RetentionMonths } from '../domain/model';
import { isInProgress, typedNameMatches } from '../domain/privacy-rules';
import { db } from './connection';
import { holdingTables, readGroupHoldings, tableOf, writeChanges } from './group-holdings';
import { removeGroupRows } from './group-removal';
import { enqueuePrivacyRequest } from './privacy-outbox';
import type { HeardDb } from './schema';
import { CHECKIN_LOCK_KEY } from './settings-repo';
import { RuleError } from '../domain/rule-codes';

/** Deleting meetings and groups from the device, and what the office is asked to delete. */

export interface MeetingDeletionPage {
  meeting: Meeting;
  group: Group;
  /** What deleting it would remove and keep; a refusal when it cannot be deleted now. */
  plan: DeletionPlan | 'in-progress';
}

async function holdingsOfMeeting(database: HeardDb, meetingId: Id): Promise<{ meeting: Meeting; holdings: GroupHoldings } | null> {
  const meeting = await database.meetings.get(meetingId);
  const holdings = meeting ? await readGroupHoldings(database, meeting.groupId) : null;
  return meeting && holdings ? { meeting, holdings } : null;
}

export async function readMeetingDeletion(meetingId: Id): Promise<MeetingDeletionPage | null> {
  const database = db();
  return database.transaction('r', holdingTables(database), async () => {
    const found = await holdingsOfMeeting(database, meetingId);
    if (!found) return null;
    const plan = planMeetingDeletion(found.holdings, [meetingId]);
    return { meeting: found.meeting, group: found.holdings.group, plan: plan === 'missing' ? 'in-progress' : plan };
  });
}

async function applyPlan(database: HeardDb, plan: DeletionPlan, at: EpochMs, newId: () => Id): Promise<void> {
  for (const [key, keys] of Object.entries(plan.remove)) {
    if (keys && keys.length > 0) await database.table(tableOf(key)).bulkDelete(keys);
  }
  await writeChanges(database, plan.changes);
  for (const request of plan.requests) await enqueuePrivacyRequest(database, request, at, newId);
}

/** Deletes meetings of one group and everything recorded at them, in one transaction. */
async function deleteMeetingsOfGroup(database: HeardDb, groupId: Id, meetingIds: readonly Id[], at: EpochMs, newId: () => Id): Promise<void> {
  const holdings = await readGroupHoldings(database, groupId);
  if (!holdings) throw new RuleError('group-missing');
  const plan = planMeetingDeletion(holdings, meetingIds);
  if (plan === 'missing') throw new RuleError('meeting-missing');
  if (plan === 'in-progress') throw new RuleError('meeting-in-progress');
  await applyPlan(database, plan, at, newId);
  // Sealed words go with their meeting: nothing would ever open them again.
  await database.sealedCheckIns.bulkDelete([...meetingIds]);
}

/** Deletes one meeting once the chair has typed its title; a title that does not match deletes nothing. */
export async function deleteMeeting(meetingId: Id, typedTitle: string, at: EpochMs, newId: () => Id): Promise<Id> {
  const database = db();
  return database.transaction('rw', holdingTables(database), async () => {
    const meeting = await database.meetings.get(meetingId);
    if (!meeting) throw new RuleError('meeting-missing');
    if (!typedNameMatches(typedTitle, meeting.title)) throw new RuleError('name-mismatch');
    await deleteMeetingsOfGroup(database, meeting.groupId, [meetingId], at, newId);
    return meeting.groupId;
  });
}

/** Deletes the meetings the chair reviewed and confirmed (past the group's retention period), all or none. */
export async function deleteReviewedMeetings(groupId: Id, meetingIds: readonly Id[], at: EpochMs, newId: () => Id): Promise<void> {
  const database = db();
  await database.transaction('rw', holdingTables(database), async () => {
    await deleteMeetingsOfGroup(database, groupId, meetingIds, at, newId);
  });
}

export interface GroupDeletionPage {
  group: Group;
  meetings: number;
  people: number;
  /** A meeting of the group is running: the group cannot be deleted until it is closed. */
  inProgress: boolean;
  /** The office has summaries of the group: a request to delete them goes too. */
  tellsOffice: boolean;
}

export async function readGroupDeletion(groupId: Id): Promise<GroupDeletionPage | null> {
  const database = db();
  return database.transaction('r', [database.groups, database.meetings, database.people, database.outbox], async () => {
    const group = await database.groups.get(groupId);
    if (!group) return null;
    const meetings = await database.meetings.where('groupId').equals(groupId).toArray();
    const people = await database.people.where('groupId').equals(groupId).filter((p) => !p.guestOfMeetingId).count();
    const outbox = await groupOutbox(database, groupId, meetings.map((m) => m.id));
    return { group, meetings: meetings.length, people, inProgress: meetings.some(isInProgress), tellsOffice: planGroupOutbox({ group, outbox }).request !== null };
  });
}

async function groupOutbox(database: HeardDb, groupId: Id, meetingIds: readonly Id[]) {
  const rows = await database.outbox.toArray();
  return rows.filter((e) => (e.kind === 'request' ? e.request.groupId === groupId : e.summary.groupId === groupId || meetingIds.includes(e.meetingId)));
}

/** Deletes a whole group from the device once the chair has typed its name; a name that does not match deletes nothing. */
export async function deleteGroup(groupId: Id, typedName: string, at: EpochMs, newId: () => Id): Promise<void> {
  const database = db();
  await database.transaction('rw', database.tables, async () => {
    const group = await database.groups.get(groupId);
    if (!group) throw new RuleError('group-missing');
    if (!typedNameMatches(typedName, group.name)) throw new RuleError('name-mismatch');
    const meetings = await database.meetings.where('groupId').equals(groupId).toArray();
    if (meetings.some(isInProgress)) throw new RuleError('meeting-in-progress');
    const outbox = planGroupOutbox({ group, outbox: await groupOutbox(database, groupId, meetings.map((m) => m.id)) });
    await database.outbox.bulkDelete(outbox.remove);
    const lock = await database.settings.get(CHECKIN_LOCK_KEY);
    if ((lock?.value as { groupId?: Id } | undefined)?.groupId === groupId) await database.settings.delete(CHECKIN_LOCK_KEY);
    await removeGroupRows(database, groupId);
    if (outbox.request) await enqueuePrivacyRequest(database, outbox.request, at, newId);
  });
}

/** The group's retention period; undefined keeps records until the chair deletes them. */
export async function setRetention(groupId: Id, months: RetentionMonths | undefined, at: EpochMs): Promise<void> {
  const database = db();
  await database.transaction('rw', database.groups, async () => {
    const group = await database.groups.get(groupId);
    if (!group) throw new RuleError('group-missing');
    const { retentionMonths: _old, ...rest } = group;
    await database.groups.put(months === undefined ? { ...rest, updatedAt: at } : { ...rest, retentionMonths: months, updatedAt: at });
  });
}
