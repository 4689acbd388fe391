import type { AgendaItem } from '../domain/agenda-model';
import type { Id, Meeting } from '../domain/model';
import { sortByOrder } from '../domain/reorder';
import { db } from './connection';
import { RuleError } from '../domain/rule-codes';

export async function listAgenda(meetingId: Id): Promise<AgendaItem[]> {
  return sortByOrder(await db().agendaItems.where('meetingId').equals(meetingId).toArray());
}

export async function getAgendaItem(itemId: Id): Promise<AgendaItem | undefined> {
  return db().agendaItems.get(itemId);
}

/** Saves items together: one edited item, a new order, or a copied agenda. */
export async function putAgendaItems(items: readonly AgendaItem[]): Promise<void> {
  const database = db();
  await database.transaction('rw', database.agendaItems, database.meetings, async () => {
    for (const meetingId of new Set(items.map((i) => i.meetingId))) {
      if (!(await database.meetings.get(meetingId))) throw new RuleError('meeting-missing');
    }
    await database.agendaItems.bulkPut([...items]);
  });
}

/** An item the meeting has already spent time on is part of the record and stays. */
export async function removeAgendaItem(itemId: Id): Promise<void> {
  const database = db();
  await database.transaction('rw', database.agendaItems, database.clockEvents, async () => {
    const item = await database.agendaItems.get(itemId);
    if (!item) return;
    const used = await database.clockEvents.where('meetingId').equals(item.meetingId).filter((e) => e.itemId === itemId).count();
    if (used > 0) throw new RuleError('item-in-record');
    await database.agendaItems.delete(itemId);
  });
}

export interface PreviousAgenda {
  meeting: Meeting;
  items: AgendaItem[];
}

/** The latest earlier meeting of the same group that had an agenda, to copy from. */
export async function previousAgenda(meeting: Meeting): Promise<PreviousAgenda | null> {
  const database = db();
  return database.transaction('r', database.meetings, database.agendaItems, async () => {
    const earlier = (await database.meetings.where('groupId').equals(meeting.groupId).toArray())
      .filter((m) => m.id !== meeting.id && m.startsAt <= meeting.startsAt)
      .sort((a, b) => b.startsAt - a.startsAt);
    for (const candidate of earlier) {
      const items = await database.agendaItems.where('meetingId').equals(candidate.id).toArray();
      if (items.length > 0) return { meeting: candidate, items: sortByOrder(items) };
    }
    return null;
  });
}
