import type { AgendaItem } from '../domain/agenda-model';
import type { EpochMs, Id } from '../domain/model';
import { deriveRun } from '../domain/meeting-clock';
import type { HeardDb } from './schema';

/**
 * Puts every item deferred at a meeting onto the group's next meeting that has
 * not started, once; and takes a carried copy back off that meeting if the
 * item was un-deferred (discussed after all). Safe to run any number of times:
 * a copy is known by its `carriedFromItemId`. Runs inside the caller's transaction.
 */
export async function carryDeferredItems(database: HeardDb, groupId: Id, at: EpochMs): Promise<void> {
  const meetings = (await database.meetings.where('groupId').equals(groupId).toArray()).sort((a, b) => a.startsAt - b.startsAt);
  const meetingIds = meetings.map((m) => m.id);
  const items = await database.agendaItems.where('meetingId').anyOf(meetingIds).toArray();
  const events = await database.clockEvents.where('meetingId').anyOf(meetingIds).toArray();
  const carriedBySource = new Map(items.filter((i) => i.carriedFromItemId).map((i) => [i.carriedFromItemId!, i]));

  for (const source of meetings) {
    const ownItems = items.filter((i) => i.meetingId === source.id);
    const ownEvents = events.filter((e) => e.meetingId === source.id);
    if (!ownEvents.some((e) => e.kind === 'defer')) continue;
    const status = deriveRun(ownEvents, ownItems, at).itemStatus;
    const target = meetings.find((m) => m.startsAt > source.startsAt && m.state === 'not-started' && m.id !== source.id);
    for (const item of ownItems) {
      const copy = carriedBySource.get(item.id);
      if (status[item.id] === 'deferred') {
        if (copy || !target) continue;
        const order = items.filter((i) => i.meetingId === target.id).length;
        const carried: AgendaItem = {
          ...item,
          id: `${item.id}:carried`,
          meetingId: target.id,
          order,
          notes: '',
          carriedFromItemId: item.id,
          createdAt: at,
          updatedAt: at,
        };
        await database.agendaItems.add(carried);
        items.push(carried);
        carriedBySource.set(item.id, carried);
      } else if (copy) {
        const copyMeeting = meetings.find((m) => m.id === copy.meetingId);
        if (copyMeeting?.state === 'not-started') {
          await database.agendaItems.delete(copy.id);
          carriedBySource.delete(item.id);
        }
      }
    }
  }
}
