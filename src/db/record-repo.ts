import type { Table } from 'dexie';
import type { AgendaItem } from '../domain/agenda-model';
import type { EpochMs, Id, Meeting, Person } from '../domain/model';
import type { ActionItem, Decision, DissentEntry } from '../domain/record-model';
import { recordStanding } from '../domain/record';
import { db } from './connection';
import { RuleError, type RuleCode } from '../domain/rule-codes';

/** Everything the register and "You said, we did" show for one group, across all its meetings. */
export interface GroupRecord {
  groupId: Id;
  groupName: string;
  meetings: Meeting[];
  /** Everyone who was ever in the group, guests included, so every name resolves. */
  people: Person[];
  /** Every agenda item of those meetings, to name what a record was made against. */
  items: AgendaItem[];
  dissent: DissentEntry[];
  decisions: Decision[];
  actions: ActionItem[];
}

export async function getGroupRecord(groupId: Id): Promise<GroupRecord | null> {
  const database = db();
  const tables = [database.groups, database.meetings, database.people, database.agendaItems, database.dissent, database.decisions, database.actions];
  return database.transaction('r', tables, async () => {
    const group = await database.groups.get(groupId);
    if (!group) return null;
    const [meetings, people, dissent, decisions, actions] = await Promise.all([
      database.meetings.where('groupId').equals(groupId).toArray(),
      database.people.where('groupId').equals(groupId).toArray(),
      database.dissent.where('groupId').equals(groupId).toArray(),
      database.decisions.where('groupId').equals(groupId).toArray(),
      database.actions.where('groupId').equals(groupId).toArray(),
    ]);
    const items = await database.agendaItems.where('meetingId').anyOf(meetings.map((m) => m.id)).toArray();
    return { groupId, groupName: group.name, meetings: meetings.sort((a, b) => a.startsAt - b.startsAt), people, items, dissent, decisions, actions };
  });
}

async function openMeetingOf(record: { meetingId: Id; groupId: Id }): Promise<Meeting> {
  const meeting = await db().meetings.get(record.meetingId);
  if (!meeting || meeting.groupId !== record.groupId) throw new RuleError('meeting-missing');
  // A closed meeting's record is kept as it was; later changes happen at a later meeting.
  if (meeting.state === 'closed') throw new RuleError('meeting-closed');
  return meeting;
}

/** Adds a dissent entry or an action to its meeting, while that meeting is still open. */
async function addToOpenMeeting<T, I>(table: Table<T, Id, I>, row: I & { meetingId: Id; groupId: Id }): Promise<void> {
  const database = db();
  await database.transaction('rw', [database.meetings, table], async () => {
    await openMeetingOf(row);
    await table.add(row);
  });
}

/**
 * Changes one dissent entry's or action's state, worked out from what is stored
 * now (not what a screen last showed). `change` returns null for a move the
 * rules refuse; a change must add to the row's history, or it is refused too.
 */
async function changeTracked<T extends { id: Id; history: readonly unknown[] }, I>(
  table: Table<T, Id, I>,
  id: Id,
  change: (row: T) => (T & I) | null,
  refusals: { missing: RuleCode; settled: RuleCode },
): Promise<T> {
  return db().transaction('rw', table, async () => {
    const row = await table.get(id);
    if (!row) throw new RuleError(refusals.missing);
    const next = change(row);
    if (!next || next.id !== id || next.history.length <= row.history.length) throw new RuleError(refusals.settled);
    await table.put(next);
    return next;
  });
}

export async function addDissent(entry: DissentEntry): Promise<void> {
  return addToOpenMeeting(db().dissent, entry);
}

export async function changeDissent(id: Id, change: (entry: DissentEntry) => DissentEntry | null): Promise<DissentEntry> {
  return changeTracked(db().dissent, id, change, { missing: 'dissent-missing', settled: 'dissent-settled' });
}

/**
 * Records a decision and, in the same step, the dissent recorded as standing
 * against it: either both are saved or neither is.
 */
export async function addDecision(decision: Decision, at: EpochMs): Promise<void> {
  const database = db();
  await database.transaction('rw', [database.meetings, database.decisions, database.dissent], async () => {
    await openMeetingOf(decision);
    const entries = await database.dissent.bulkGet(decision.dissentIds);
    const standing = entries.map((entry) => {
      if (!entry || entry.groupId !== decision.groupId) throw new RuleError('dissent-missing');
      const next = recordStanding(entry, decision.id, at, decision.meetingId);
      if (!next) throw new RuleError('dissent-settled');
      return next;
    });
    await database.decisions.add(decision);
    await database.dissent.bulkPut(standing);
  });
}

export async function addAction(item: ActionItem): Promise<void> {
  return addToOpenMeeting(db().actions, item);
}

export async function changeAction(id: Id, change: (item: ActionItem) => ActionItem | null): Promise<ActionItem> {
  return changeTracked(db().actions, id, change, { missing: 'action-missing', settled: 'action-settled' });
}
