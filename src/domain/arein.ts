/**
 * Who is at the table (ARE IN) and the group's own review of how co-production
 * is going: the rules, with no storage, UI or clock. Returns codes; the words
 * live in the catalogue.
 */

import type { AgendaItem } from './agenda-model';
import { ARE_IN_ROLES, PRINCIPLE_KEYS, type AreInRole, type GroupReview, type PrincipleKey, type Rating } from './arein-model';
import { isIsoDay } from './agenda';
import type { Attendee, EpochMs, Id, Person } from './model';
import { byName } from './names';

// ---------------------------------------------------------------- coverage

export interface RoleCoverage {
  role: AreInRole;
  /** Who brings it, by name (en-GB order). */
  people: Person[];
  /** How many of them hold each perspective, in the group's perspective order where known. */
  byPerspective: PerspectiveCount[];
}

export interface PerspectiveCount {
  perspectiveId: Id;
  count: number;
}

export type CoverageWarning =
  /** Nobody brings this role. */
  | { kind: 'missing'; role: AreInRole }
  /** Need is carried by only one or two people: a thin voice for everyone affected. */
  | { kind: 'need-few'; people: Person[] };

export interface Coverage {
  /** One entry for each of the five, in ARE IN order. */
  roles: RoleCoverage[];
  warnings: CoverageWarning[];
  /** Everyone counted, by perspective. */
  byPerspective: PerspectiveCount[];
  total: number;
}

/** Need held by this many people or fewer (but some) is flagged. */
export const NEED_FEW_AT_MOST = 2;

/** The roles a person brings, known ones only, in ARE IN order and without repeats. */
export function rolesOf(person: Pick<Person, 'areIn'>): AreInRole[] {
  const held = new Set(person.areIn ?? []);
  return ARE_IN_ROLES.filter((role) => held.has(role));
}

/** Tidies a set of roles for storing: known ones only, once each, in ARE IN order. */
export function normaliseRoles(roles: readonly AreInRole[]): AreInRole[] {
  return rolesOf({ areIn: [...roles] });
}

function countByPerspective(people: readonly Person[], order: readonly Id[]): PerspectiveCount[] {
  const counts = new Map<Id, number>();
  for (const person of people) counts.set(person.perspectiveId, (counts.get(person.perspectiveId) ?? 0) + 1);
  const rank = (id: Id) => {
    const at = order.indexOf(id);
    return at < 0 ? order.length : at;
  };
  return [...counts]
    .map(([perspectiveId, count]) => ({ perspectiveId, count }))
    .sort((a, b) => rank(a.perspectiveId) - rank(b.perspectiveId) || a.perspectiveId.localeCompare(b.perspectiveId));
}

/**
 * For each of the five, who brings it among `people`, and what is missing.
 * `perspectiveOrder` (the group's perspective ids) orders the counts.
 */
export function coverageOf(people: readonly Person[], perspectiveOrder: readonly Id[] = []): Coverage {
  const sorted = [...people].sort(byName());
  const roles = ARE_IN_ROLES.map((role) => {
    const holders = sorted.filter((p) => rolesOf(p).includes(role));
    return { role, people: holders, byPerspective: countByPerspective(holders, perspectiveOrder) };
  });
  const warnings: CoverageWarning[] = roles.filter((r) => r.people.length === 0).map((r) => ({ kind: 'missing', role: r.role }));
  const need = roles.find((r) => r.role === 'need')!;
  if (need.people.length > 0 && need.people.length <= NEED_FEW_AT_MOST) warnings.push({ kind: 'need-few', people: need.people });
  return { roles, warnings, byPerspective: countByPerspective(sorted, perspectiveOrder), total: sorted.length };
}

/** The group as it stands: people still in it, not one meeting's guests. */
export function rosterPeople(people: readonly Person[]): Person[] {
  return people.filter((p) => p.status === 'active' && !p.guestOfMeetingId);
}

/**
 * Who is at one meeting: everyone expected or added on the day, guests too,
 * except those marked as not come. Someone who left early still came.
 */
export function meetingPeople(people: readonly Person[], attendees: readonly Attendee[]): Person[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return attendees.flatMap((a) => {
    const person = a.arrivedAt === null ? undefined : byId.get(a.personId);
    return person ? [person] : [];
  });
}

/** Agenda items for decision, when nobody present has Authority to act on them. */
export function decisionsWithoutAuthority(coverage: Coverage, items: readonly Pick<AgendaItem, 'purpose' | 'title' | 'id'>[]) {
  const noAuthority = coverage.warnings.some((w) => w.kind === 'missing' && w.role === 'authority');
  return noAuthority ? items.filter((i) => i.purpose === 'decision') : [];
}

/** True once the chair has marked at least one role for anyone: until then every role looks missing. */
export function rolesMarked(people: readonly Pick<Person, 'areIn'>[]): boolean {
  return people.some((p) => rolesOf(p).length > 0);
}

/**
 * What the chair is told, calmly: at most one line per kind. Until any role is
 * marked, only that roles are not marked (five "nobody here" lines about an
 * unmarked list would all be false alarms).
 */
export type CoverageNotice =
  | { kind: 'roles-unmarked' }
  /** Every role nobody brings, in ARE IN order, said in one line. */
  | { kind: 'missing'; roles: AreInRole[] }
  | { kind: 'need-few'; people: Person[] }
  | { kind: 'decisions-without-authority'; items: Pick<AgendaItem, 'purpose' | 'title' | 'id'>[] };

function gaps(coverage: Coverage, leaveOut: readonly AreInRole[] = []): CoverageNotice[] {
  const missing = coverage.warnings.flatMap((w) => (w.kind === 'missing' && !leaveOut.includes(w.role) ? [w.role] : []));
  const needFew = coverage.warnings.find((w) => w.kind === 'need-few');
  return [...(missing.length > 0 ? [{ kind: 'missing' as const, roles: missing }] : []), ...(needFew ? [needFew] : [])];
}

/** The group screen: whom the group lacks, once roles are marked. `marked`: see `rolesMarked`. */
export function groupNotices(coverage: Coverage, marked: boolean): CoverageNotice[] {
  if (coverage.total === 0) return [];
  return marked ? gaps(coverage) : [{ kind: 'roles-unmarked' }];
}

/**
 * One meeting: only what matters for the items being decided. With nothing
 * for decision on the agenda there is nothing to warn of; with something, who
 * can act on it first, then any other role nobody here brings.
 */
export function meetingNotices(coverage: Coverage, marked: boolean, items: readonly Pick<AgendaItem, 'purpose' | 'title' | 'id'>[]): CoverageNotice[] {
  if (coverage.total === 0 || !items.some((i) => i.purpose === 'decision')) return [];
  if (!marked) return [{ kind: 'roles-unmarked' }];
  const unauthorised = decisionsWithoutAuthority(coverage, items);
  return [...(unauthorised.length > 0 ? [{ kind: 'decisions-without-authority' as const, items: unauthorised }] : []), ...gaps(coverage, unauthorised.length > 0 ? ['authority'] : [])];
}

// ---------------------------------------------------------------- the group review

export const REVIEW_ANSWER_MAX_LENGTH = 2000;
export const REVIEW_COMMENT_MAX_LENGTH = 1000;

export type ReviewTextField = 'howMuch' | 'howWell' | 'betterOff';
export const REVIEW_QUESTIONS: readonly ReviewTextField[] = ['howMuch', 'howWell', 'betterOff'];

export const RATINGS: readonly Exclude<Rating, null>[] = [1, 2, 3, 4, 5];

/** What the form holds; the same shape as a review without its ids and times. */
export type ReviewDraft = Pick<GroupReview, 'date' | 'meetingId' | 'howMuch' | 'howWell' | 'betterOff' | 'principles'>;

export function unratedPrinciples(): GroupReview['principles'] {
  return Object.fromEntries(PRINCIPLE_KEYS.map((key) => [key, { rating: null, comment: '' }])) as GroupReview['principles'];
}

export function emptyReviewDraft(date: string, meetingId: Id | null = null): ReviewDraft {
  return { date, meetingId, howMuch: '', howWell: '', betterOff: '', principles: unratedPrinciples() };
}

export function draftOf(review: GroupReview): ReviewDraft {
  const { date, meetingId, howMuch, howWell, betterOff, principles } = review;
  return { date, meetingId, howMuch, howWell, betterOff, principles: { ...unratedPrinciples(), ...principles } };
}

/**
 * Tidies several lines of writing: composed accents, no trailing spaces, at
 * most one blank line in a row. Unlike a name, line breaks are kept: an answer
 * may be a list.
 */
export function tidyLongText(raw: string): string {
  return raw
    .normalize('NFC')
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function isRating(value: unknown): value is Rating {
  return value === null || RATINGS.includes(value as never);
}

export type ReviewProblemField = 'date' | ReviewTextField | `comment-${PrincipleKey}` | `rating-${PrincipleKey}`;
export type ReviewProblem = 'empty' | 'too-long' | 'not-a-date' | 'not-a-rating' | 'nothing-said';

export interface CheckedReview {
  /** The tidied draft, ready to store when `problems` is empty. */
  value: ReviewDraft;
  problems: Array<{ field: ReviewProblemField; problem: ReviewProblem }>;
}

/** A review must say something: at least one answer, rating or comment. */
export function checkReview(draft: ReviewDraft): CheckedReview {
  const problems: CheckedReview['problems'] = [];
  const date = draft.date.trim();
  if (date === '') problems.push({ field: 'date', problem: 'empty' });
  else if (!isIsoDay(date)) problems.push({ field: 'date', problem: 'not-a-date' });
  const answers = {} as Record<ReviewTextField, string>;
  for (const field of REVIEW_QUESTIONS) {
    answers[field] = tidyLongText(draft[field]);
    if (answers[field].length > REVIEW_ANSWER_MAX_LENGTH) problems.push({ field, problem: 'too-long' });
  }
  const principles = unratedPrinciples();
  for (const key of PRINCIPLE_KEYS) {
    const given = draft.principles[key] ?? { rating: null, comment: '' };
    const comment = tidyLongText(given.comment);
    if (!isRating(given.rating)) problems.push({ field: `rating-${key}`, problem: 'not-a-rating' });
    if (comment.length > REVIEW_COMMENT_MAX_LENGTH) problems.push({ field: `comment-${key}`, problem: 'too-long' });
    principles[key] = { rating: isRating(given.rating) ? given.rating : null, comment };
  }
  const saidSomething =
    REVIEW_QUESTIONS.some((f) => answers[f] !== '') || PRINCIPLE_KEYS.some((k) => principles[k].rating !== null || principles[k].comment !== '');
  if (!saidSomething) problems.push({ field: 'howMuch', problem: 'nothing-said' });
  return { value: { date, meetingId: draft.meetingId, ...answers, principles }, problems };
}

/** A new review from a checked draft. */
export function makeReview(input: { id: Id; groupId: Id; draft: ReviewDraft; at: EpochMs }): GroupReview {
  return { id: input.id, groupId: input.groupId, ...input.draft, createdAt: input.at, updatedAt: input.at };
}

/** The same review with the group's changes; when it was first written stays. */
export function reviseReview(review: GroupReview, draft: ReviewDraft, at: EpochMs): GroupReview {
  return { ...review, ...draft, updatedAt: at };
}

/** Newest first: by the day it was held, then by when it was written. */
export function newestFirst(reviews: readonly GroupReview[]): GroupReview[] {
  return [...reviews].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
}
