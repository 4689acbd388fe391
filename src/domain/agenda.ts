import { differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import type { EpochMs, Id } from './model';
import type { AgendaItem, AgendaPurpose, DecidedBy, Paper } from './agenda-model';
import { sortByOrder } from './reorder';
import { checkRequiredText, TITLE_MAX_LENGTH, NAME_MAX_LENGTH, type TextProblem } from './text-rules';

export const MINUTE_MS = 60_000;
export const AGENDA_TITLE_MAX_LENGTH = TITLE_MAX_LENGTH;
export const DECIDER_MAX_LENGTH = NAME_MAX_LENGTH;
export const NON_NEGOTIABLES_MAX_LENGTH = 1000;
export const PAPER_TITLE_MAX_LENGTH = TITLE_MAX_LENGTH;
export const PAPER_LINK_MAX_LENGTH = 500;
export const TIMEBOX_MIN_MINUTES = 1;
export const TIMEBOX_MAX_MINUTES = 240;
export const DEFAULT_TIMEBOX_MINUTES = 10;
/** The first seed: papers sent fewer than five days before are too late to read. */
export const PAPER_NOTICE_DAYS = 5;

// ---------------------------------------------------------------- planned times

export interface PlannedSlot {
  itemId: Id;
  plannedStart: EpochMs;
  plannedEnd: EpochMs;
}

export interface AgendaPlan {
  slots: PlannedSlot[];
  plannedEnd: EpochMs;
  /** > 0 when the agenda runs past the meeting's end time. */
  overrunMs: number;
}

/** A timebox that cannot be used (unsaved, NaN, negative) plans as zero, never backwards. */
export function timeboxMs(minutes: number): number {
  return Number.isFinite(minutes) && minutes > 0 ? minutes * MINUTE_MS : 0;
}

/** Back to back from the meeting's start, in `order` order. */
export function planAgenda(
  startsAt: EpochMs,
  endsAt: EpochMs,
  items: readonly Pick<AgendaItem, 'id' | 'order' | 'timeboxMinutes'>[],
): AgendaPlan {
  const slots: PlannedSlot[] = [];
  let cursor = startsAt;
  for (const item of sortByOrder(items)) {
    const plannedStart = cursor;
    cursor += timeboxMs(item.timeboxMinutes);
    slots.push({ itemId: item.id, plannedStart, plannedEnd: cursor });
  }
  // NaN when the end time is not set yet; then there is nothing to run past.
  const overrunMs = Number.isFinite(endsAt) ? Math.max(0, cursor - endsAt) : 0;
  return { slots, plannedEnd: cursor, overrunMs };
}

// ---------------------------------------------------------------- papers

export type PaperStatus = 'on-time' | 'late' | 'not-sent';

/** A strict yyyy-MM-dd that is a real day (2026-02-30 is not). */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = parseISO(value);
  return isValid(day) && format(day, 'yyyy-MM-dd') === value;
}

/**
 * Whole calendar days between sending and the meeting, so a clock change in
 * between (a 23- or 25-hour day) cannot change the answer. A date that cannot
 * be read counts as not sent rather than guessing.
 */
export function isPaperLate(paper: Pick<Paper, 'sentOn'>, meetingDate: string): PaperStatus {
  if (!isIsoDay(paper.sentOn)) return 'not-sent';
  // Without a meeting date there is nothing to be late for.
  if (!isIsoDay(meetingDate)) return 'on-time';
  const noticeDays = differenceInCalendarDays(parseISO(meetingDate), parseISO(paper.sentOn));
  return noticeDays >= PAPER_NOTICE_DAYS ? 'on-time' : 'late';
}

// Not sent is worse than late: a late paper can at least be skimmed on the day.
const PAPER_STATUS_RANK: Record<PaperStatus, number> = { 'on-time': 0, late: 1, 'not-sent': 2 };

/** The worst status of an item's papers; null when it has none. */
export function itemPapersStatus(item: Pick<AgendaItem, 'papers'>, meetingDate: string): PaperStatus | null {
  let worst: PaperStatus | null = null;
  for (const paper of item.papers) {
    const status = isPaperLate(paper, meetingDate);
    if (worst === null || PAPER_STATUS_RANK[status] > PAPER_STATUS_RANK[worst]) worst = status;
  }
  return worst;
}

// ---------------------------------------------------------------- the item form

export type TimeboxProblem = 'missing' | 'not-whole' | 'too-short' | 'too-long';
export type SentOnProblem = 'date-invalid';

export interface PaperInput {
  id: Id;
  title: string;
  link: string;
  sentOn: string;
}

export interface AgendaItemInput {
  title: string;
  /** NaN when the field is empty. */
  timeboxMinutes: number;
  decidedBy: DecidedBy;
  nonNegotiables: string;
  papers: readonly PaperInput[];
}

export interface PaperProblems {
  title?: TextProblem;
  link?: 'too-long';
  sentOn?: SentOnProblem;
}

/** Codes, not sentences: the words live in the UI catalogue. */
export interface AgendaItemProblems {
  title?: TextProblem;
  timeboxMinutes?: TimeboxProblem;
  decidedByWho?: TextProblem;
  nonNegotiables?: 'too-long';
  /** By paper id; absent when every paper is fine. */
  papers?: Record<Id, PaperProblems>;
}

export function checkTimebox(minutes: number): TimeboxProblem | null {
  if (!Number.isFinite(minutes)) return 'missing';
  if (!Number.isInteger(minutes)) return 'not-whole';
  if (minutes < TIMEBOX_MIN_MINUTES) return 'too-short';
  if (minutes > TIMEBOX_MAX_MINUTES) return 'too-long';
  return null;
}

export function checkPaper(paper: PaperInput): PaperProblems {
  const problems: PaperProblems = {};
  const title = checkRequiredText(paper.title, PAPER_TITLE_MAX_LENGTH).problem;
  if (title) problems.title = title;
  // A web address must not have its spaces folded, so links are only trimmed.
  if (paper.link.trim().length > PAPER_LINK_MAX_LENGTH) problems.link = 'too-long';
  const sentOn = paper.sentOn.trim();
  if (sentOn !== '' && !isIsoDay(sentOn)) problems.sentOn = 'date-invalid';
  return problems;
}

/** An empty object when the item can be saved. */
export function checkAgendaItem(input: AgendaItemInput): AgendaItemProblems {
  const problems: AgendaItemProblems = {};
  const title = checkRequiredText(input.title, AGENDA_TITLE_MAX_LENGTH).problem;
  if (title) problems.title = title;
  const timebox = checkTimebox(input.timeboxMinutes);
  if (timebox) problems.timeboxMinutes = timebox;
  if (input.decidedBy.kind === 'elsewhere') {
    const who = checkRequiredText(input.decidedBy.who, DECIDER_MAX_LENGTH).problem;
    if (who) problems.decidedByWho = who;
  }
  // Trimmed only, not folded: line breaks in free text are the writer's own layout.
  if (input.nonNegotiables.trim().length > NON_NEGOTIABLES_MAX_LENGTH) problems.nonNegotiables = 'too-long';
  const paperProblems: Record<Id, PaperProblems> = {};
  for (const paper of input.papers) {
    const found = checkPaper(paper);
    if (Object.keys(found).length > 0) paperProblems[paper.id] = found;
  }
  if (Object.keys(paperProblems).length > 0) problems.papers = paperProblems;
  return problems;
}

export function hasProblems(problems: AgendaItemProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** The values to store once checkAgendaItem has passed: tidied the same way they were checked. */
export function tidyAgendaItemInput(input: AgendaItemInput): AgendaItemInput {
  return {
    title: checkRequiredText(input.title, AGENDA_TITLE_MAX_LENGTH).value,
    timeboxMinutes: input.timeboxMinutes,
    decidedBy:
      input.decidedBy.kind === 'elsewhere'
        ? { kind: 'elsewhere', who: checkRequiredText(input.decidedBy.who, DECIDER_MAX_LENGTH).value }
        : { kind: 'group' },
    nonNegotiables: input.nonNegotiables.trim(),
    papers: input.papers.map((paper) => ({
      id: paper.id,
      title: checkRequiredText(paper.title, PAPER_TITLE_MAX_LENGTH).value,
      link: paper.link.trim(),
      sentOn: paper.sentOn.trim(),
    })),
  };
}

// ---------------------------------------------------------------- new and copied items

export function newAgendaItem(
  id: Id,
  meetingId: Id,
  order: number,
  now: EpochMs,
  purpose: AgendaPurpose = 'discussion',
): AgendaItem {
  return {
    id,
    meetingId,
    order,
    title: '',
    purpose,
    timeboxMinutes: DEFAULT_TIMEBOX_MINUTES,
    leadId: null,
    decidedBy: { kind: 'group' },
    nonNegotiables: '',
    papers: [],
    notes: '',
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The previous meeting's agenda as a start for the next one. Papers keep their
 * titles and links but not the date sent: sending them for last time says
 * nothing about this time. Notes stay with the meeting they were taken at.
 */
export function copyAgenda(
  items: readonly AgendaItem[],
  meetingId: Id,
  newId: () => Id,
  now: EpochMs,
): AgendaItem[] {
  return sortByOrder(items).map(({ carriedFromItemId: _carried, ...item }, index) => ({
    ...item,
    id: newId(),
    meetingId,
    order: index,
    decidedBy: item.decidedBy.kind === 'elsewhere' ? { kind: 'elsewhere', who: item.decidedBy.who } : { kind: 'group' },
    papers: item.papers.map((paper) => ({ ...paper, id: newId(), sentOn: '' })),
    notes: '',
    createdAt: now,
    updatedAt: now,
  }));
}
