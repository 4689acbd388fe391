import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { EpochMs, Id, Meeting } from './model';
import type {
  ActionChange,
  ActionItem,
  Decision,
  DecisionMethod,
  DissentEntry,
  DissentStatus,
} from './record-model';
import { isIsoDay } from './agenda';
import { checkRequiredText, tidyText } from './text-rules';

/**
 * The rules of the dissent register, decisions and actions. Pure: every time
 * is passed in, nothing is stored here. A change never removes an entry or any
 * of its words; it returns a copy with one more line of history.
 */

export const DISSENT_WORDS_MAX_LENGTH = 1000;
export const RESOLUTION_MAX_LENGTH = 1000;
export const DECISION_TEXT_MAX_LENGTH = 1000;
export const ACTION_TEXT_MAX_LENGTH = 500;
export const NOTE_MAX_LENGTH = 500;
export const DECIDER_MAX_LENGTH = 80;
export const ORGANISATION_MAX_LENGTH = 80;

/** Open dissent is still waiting to be settled and carries from meeting to meeting. */
export function isOpenDissent(entry: Pick<DissentEntry, 'status'>): boolean {
  return entry.status === 'parked' || entry.status === 'revisited';
}

const NEXT: Record<DissentStatus, readonly DissentStatus[]> = {
  parked: ['revisited', 'resolved', 'standing'],
  revisited: ['revisited', 'resolved', 'standing'],
  resolved: [],
  standing: [],
};

export function canMoveDissent(from: DissentStatus, to: DissentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Where and when a dissent entry, decision or action is first recorded. */
type NewEntry = Pick<DissentEntry, 'id' | 'groupId' | 'meetingId' | 'itemId'> & { at: EpochMs };

export function parkDissent(input: NewEntry & Pick<DissentEntry, 'raisedById' | 'words'>): DissentEntry {
  const { at, ...rest } = input;
  return {
    ...rest,
    words: tidyText(input.words),
    status: 'parked',
    resolution: '',
    decisionId: null,
    history: [{ status: 'parked', at, meetingId: input.meetingId, note: '' }],
    createdAt: at,
    updatedAt: at,
  };
}

/** Null when the move is not allowed (resolved and standing dissent are settled). */
function moveDissent(
  entry: DissentEntry,
  to: DissentStatus,
  at: EpochMs,
  meetingId: Id | null,
  note: string,
  extra: Partial<Pick<DissentEntry, 'resolution' | 'decisionId'>> = {},
): DissentEntry | null {
  if (!canMoveDissent(entry.status, to)) return null;
  const change = { status: to, at, meetingId, note: tidyText(note), ...(extra.decisionId ? { decisionId: extra.decisionId } : {}) };
  return { ...entry, ...extra, status: to, history: [...entry.history, change], updatedAt: at };
}

export function revisitDissent(entry: DissentEntry, at: EpochMs, meetingId: Id | null, note = ''): DissentEntry | null {
  return moveDissent(entry, 'revisited', at, meetingId, note);
}

export function resolveDissent(entry: DissentEntry, how: string, at: EpochMs, meetingId: Id | null): DissentEntry | null {
  if (checkRequiredText(how, RESOLUTION_MAX_LENGTH).problem) return null;
  return moveDissent(entry, 'resolved', at, meetingId, how, { resolution: tidyText(how) });
}

export function recordStanding(entry: DissentEntry, decisionId: Id, at: EpochMs, meetingId: Id | null): DissentEntry | null {
  return moveDissent(entry, 'standing', at, meetingId, '', { decisionId });
}

type MeetingAt = Pick<Meeting, 'id' | 'groupId' | 'startsAt'>;

/**
 * Dissent or actions brought into `meeting`: from earlier meetings of the same group and still
 * open, or settled at this meeting, so the chair sees they were. Worked out from what is stored
 * rather than copied, so opening or creating the next meeting any number of times never
 * duplicates them.
 */
function carriedInto<T extends { groupId: Id; meetingId: Id; history: readonly { meetingId: Id | null }[] }>(
  meeting: MeetingAt,
  rows: readonly T[],
  meetings: readonly Pick<Meeting, 'id' | 'startsAt'>[],
  isOpen: (row: T) => boolean,
): T[] {
  const startsAt = new Map(meetings.map((m) => [m.id, m.startsAt]));
  return rows
    .filter((r) => r.groupId === meeting.groupId && r.meetingId !== meeting.id)
    .filter((r) => (startsAt.get(r.meetingId) ?? Number.POSITIVE_INFINITY) <= meeting.startsAt)
    .filter((r) => isOpen(r) || r.history.some((h) => h.meetingId === meeting.id));
}

/** Dissent brought into `meeting` (see carriedInto), oldest first. */
export function dissentCarriedInto(meeting: MeetingAt, entries: readonly DissentEntry[], meetings: readonly Pick<Meeting, 'id' | 'startsAt'>[]): DissentEntry[] {
  return carriedInto(meeting, entries, meetings, isOpenDissent).sort((a, b) => a.createdAt - b.createdAt);
}

export type DissentFilter = 'all' | 'open' | 'resolved' | 'standing';

export function filterDissent(entries: readonly DissentEntry[], filter: DissentFilter): DissentEntry[] {
  const kept = entries.filter((e) =>
    filter === 'all' ? true : filter === 'open' ? isOpenDissent(e) : e.status === filter,
  );
  return [...kept].sort((a, b) => b.createdAt - a.createdAt);
}

/* Decisions */

export type VoteProblem = 'not-a-count';

/** A count typed by the chair: a whole number from 0, or a problem. '' counts as 0. */
export function parseCount(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return 0;
  if (!/^\d{1,4}$/.test(text)) return null;
  return Number(text);
}

/**
 * True when more votes were counted than people are at the meeting. A warning,
 * not a refusal: someone may have voted by proxy, or a guest was not added.
 */
export function votesExceedPresent(how: DecisionMethod, present: number): boolean {
  if (how.kind !== 'vote') return false;
  return how.for + how.against + how.abstain > present;
}

export function makeDecision(input: NewEntry & Pick<Decision, 'text' | 'how'> & { dissentIds: readonly Id[] }): Decision {
  const { at, how, ...rest } = input;
  return {
    ...rest,
    text: tidyText(input.text),
    how: how.kind === 'elsewhere' ? { kind: 'elsewhere', by: tidyText(how.by) } : how,
    dissentIds: [...new Set(input.dissentIds)],
    createdAt: at,
    updatedAt: at,
  };
}

/* Actions */

export function makeAction(input: NewEntry & Pick<ActionItem, 'what' | 'owner' | 'due'>): ActionItem {
  const { at, owner, ...rest } = input;
  return {
    ...rest,
    what: tidyText(input.what),
    owner: owner.kind === 'organisation' ? { kind: 'organisation', name: tidyText(owner.name) } : owner,
    status: 'open',
    droppedReason: '',
    history: [{ kind: 'created', at, meetingId: input.meetingId, note: '', due: input.due }],
    createdAt: at,
    updatedAt: at,
  };
}

export type DueProblem = 'due-missing' | 'due-invalid';

export function checkDue(due: string): DueProblem | null {
  if (due.trim() === '') return 'due-missing';
  return isIsoDay(due.trim()) ? null : 'due-invalid';
}

/** A due date before `today` (both yyyy-MM-dd) is warned about, never refused. */
export function isPastDue(due: string, today: string): boolean {
  if (!isIsoDay(due) || !isIsoDay(today)) return false;
  return differenceInCalendarDays(parseISO(due), parseISO(today)) < 0;
}

function changeAction(item: ActionItem, change: ActionChange, patch: Partial<ActionItem> = {}): ActionItem {
  return { ...item, ...patch, history: [...item.history, { ...change, note: tidyText(change.note) }], updatedAt: change.at };
}

export function markActionDone(item: ActionItem, at: EpochMs, meetingId: Id | null, note = ''): ActionItem | null {
  if (item.status !== 'open') return null;
  return changeAction(item, { kind: 'done', at, meetingId, note }, { status: 'done' });
}

export function dropAction(item: ActionItem, reason: string, at: EpochMs, meetingId: Id | null): ActionItem | null {
  if (item.status !== 'open' || checkRequiredText(reason, NOTE_MAX_LENGTH).problem) return null;
  return changeAction(item, { kind: 'dropped', at, meetingId, note: reason }, { status: 'dropped', droppedReason: tidyText(reason) });
}

/** Seen at a meeting and kept going, as it is. */
export function carryAction(item: ActionItem, at: EpochMs, meetingId: Id | null): ActionItem | null {
  if (item.status !== 'open') return null;
  return changeAction(item, { kind: 'carried', at, meetingId, note: '' });
}

/** A new due date and a note of progress; the action stays open. */
export function updateAction(item: ActionItem, due: string, note: string, at: EpochMs, meetingId: Id | null): ActionItem | null {
  if (item.status !== 'open' || checkDue(due)) return null;
  return changeAction(item, { kind: 'updated', at, meetingId, note, due }, { due });
}

export function reopenAction(item: ActionItem, at: EpochMs, meetingId: Id | null): ActionItem | null {
  if (item.status === 'open') return null;
  return changeAction(item, { kind: 'reopened', at, meetingId, note: '' }, { status: 'open', droppedReason: '' });
}

/** "Matters arising" at `meeting`: actions brought into it (see carriedInto), soonest due first. */
export function mattersArising(meeting: MeetingAt, actions: readonly ActionItem[], meetings: readonly Pick<Meeting, 'id' | 'startsAt'>[]): ActionItem[] {
  return carriedInto(meeting, actions, meetings, (a) => a.status === 'open').sort((a, b) => a.due.localeCompare(b.due) || a.createdAt - b.createdAt);
}

/** The last thing that happened to an action at `meetingId`, if anything. */
export function lastChangeAt(item: ActionItem, meetingId: Id): ActionChange | undefined {
  return [...item.history].reverse().find((h) => h.meetingId === meetingId && h.kind !== 'created');
}
