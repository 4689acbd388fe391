import type { AgendaItem, GroundRule, MeetingClockEvent } from './agenda-model';
import type { GroupReview } from './arein-model';
import type { GlossaryTerm, QueueEntry, Turn } from './balance-model';
import type { CheckInAnswers, CheckInMark, CheckInPrompt, OneToOneRequest } from './checkin-model';
import type { Attendee, Group, Meeting, Person } from './model';
import type { ActionItem, Decision, DissentEntry } from './record-model';
import type { OutboxEntry } from './sync-model';

/**
 * Everything stored on the device for one group, table by table: what an
 * erasure rewrites, what "What Heard holds" lists and what a deletion removes.
 * The field names are the database's table names, so a change can be written
 * back table by table.
 */
export interface GroupHoldings {
  group: Group;
  /** Guests of every meeting included. */
  people: Person[];
  meetings: Meeting[];
  attendees: Attendee[];
  agendaItems: AgendaItem[];
  clockEvents: MeetingClockEvent[];
  turns: Turn[];
  queue: QueueEntry[];
  glossary: GlossaryTerm[];
  dissent: DissentEntry[];
  decisions: Decision[];
  actions: ActionItem[];
  checkinAnswers: CheckInAnswers[];
  checkinMarks: CheckInMark[];
  oneToOnes: OneToOneRequest[];
  groundRules: GroundRule[];
  checkinPrompts: CheckInPrompt[];
  groupReviews: GroupReview[];
  /** The group's summaries and privacy requests in the outbox. */
  outbox: OutboxEntry[];
}

/** Rows to write back, table by table; a table with nothing changed is absent. */
export type RowChanges = { [K in keyof GroupHoldings]?: GroupHoldings[K] extends (infer R)[] ? R[] : GroupHoldings[K][] };

/** Every row passed through `change`, keeping only those that came out different: what is written back. */
export function changedRows<T>(rows: readonly T[], change: (row: T) => T): T[] {
  return rows.flatMap((row) => {
    const next = change(row);
    return JSON.stringify(next) === JSON.stringify(row) ? [] : [next];
  });
}

/** The changes without the tables where nothing changed. */
export function withoutEmpty(changes: RowChanges): RowChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, rows]) => rows && rows.length > 0));
}
