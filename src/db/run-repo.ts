import type { AgendaItem, GroundRule, MeetingClockEvent, MeetingClockEventKind } from '../domain/agenda-model';
import type { EpochMs, Id, MeetingState } from '../domain/model';
import type { SummaryWords } from '../domain/summary';
import { nextSeq } from '../domain/meeting-clock';
import { sortByOrder } from '../domain/reorder';
import { rulesInForce } from '../domain/ground-rules';
import { carryDeferredItems } from './carry-deferred';
import { db } from './connection';
import { getMeetingDetail, type MeetingDetail } from './meetings-repo';
import { RuleError } from '../domain/rule-codes';
import { enqueueSummary, summaryTables } from './summary-outbox';
import { newId as randomId } from './ids';

export interface RunData extends MeetingDetail {
  items: AgendaItem[];
  events: MeetingClockEvent[];
  rules: GroundRule[];
}

export async function getRunData(meetingId: Id): Promise<RunData | null> {
  const database = db();
  return database.transaction(
    'r',
    [database.meetings, database.groups, database.people, database.attendees, database.agendaItems, database.clockEvents, database.groundRules],
    async () => {
      const detail = await getMeetingDetail(meetingId);
      if (!detail) return null;
      const [items, events, rules] = await Promise.all([
        database.agendaItems.where('meetingId').equals(meetingId).toArray(),
        database.clockEvents.where('meetingId').equals(meetingId).toArray(),
        database.groundRules.where('groupId').equals(detail.group.id).toArray(),
      ]);
      return { ...detail, items: sortByOrder(items), events: events.sort((a, b) => a.seq - b.seq), rules: rulesInForce(rules) };
    },
  );
}

const STATE_AFTER: Partial<Record<MeetingClockEventKind, MeetingState>> = {
  start: 'running',
  item: 'running',
  resume: 'running',
  pause: 'running',
  'end-items': 'closing',
  reopen: 'running',
};

/**
 * Records one of the chair's taps on the meeting clock, and the meeting's state
 * with it, in one transaction. The sequence number comes from what is stored,
 * so two tabs cannot both write step N (the index on [meetingId+seq] is unique).
 */
export async function appendClockEvent(
  meetingId: Id,
  event: { id: Id; kind: MeetingClockEventKind; itemId?: Id; at: EpochMs },
): Promise<MeetingClockEvent> {
  const database = db();
  return database.transaction('rw', [database.meetings, database.clockEvents, database.agendaItems], async () => {
    const meeting = await database.meetings.get(meetingId);
    if (!meeting) throw new RuleError('meeting-missing');
    if (meeting.state === 'closed') throw new RuleError('meeting-closed');
    const existing = await database.clockEvents.where('meetingId').equals(meetingId).toArray();
    const stored: MeetingClockEvent = { ...event, meetingId, seq: nextSeq(existing) };
    if (stored.itemId === undefined) delete stored.itemId;
    await database.clockEvents.add(stored);
    const state = STATE_AFTER[event.kind];
    if (state && state !== meeting.state) await database.meetings.update(meetingId, { state, updatedAt: event.at });
    if (event.kind === 'defer' || event.kind === 'item' || event.kind === 'reopen') {
      await carryDeferredItems(database, meeting.groupId, event.at);
    }
    return stored;
  });
}

/**
 * Closes the meeting and puts its summary in the outbox in the same
 * transaction: a closed meeting without a summary waiting (or the reverse) can
 * never be left behind by a crash. Closing again sends the same summary id
 * with the next revision.
 */
export async function closeMeeting(meetingId: Id, at: EpochMs, words: SummaryWords, newId: () => Id = randomId): Promise<void> {
  const database = db();
  await database.transaction('rw', summaryTables(database), async () => {
    const meeting = await database.meetings.get(meetingId);
    if (!meeting) throw new RuleError('meeting-missing');
    await database.meetings.update(meetingId, { state: 'closed', updatedAt: at });
    await carryDeferredItems(database, meeting.groupId, at);
    await enqueueSummary(database, meetingId, at, newId, words);
  });
}

export async function saveItemNotes(itemId: Id, notes: string, at: EpochMs): Promise<void> {
  const database = db();
  await database.transaction('rw', database.agendaItems, async () => {
    const updated = await database.agendaItems.update(itemId, { notes, updatedAt: at });
    if (updated === 0) throw new RuleError('item-missing');
  });
}
