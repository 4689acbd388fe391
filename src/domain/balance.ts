import type { Turn } from './balance-model';
import type { Window } from './item-windows';
import type { Attendee, EpochMs, Id, Perspective, Person } from './model';

/** How far from a fair share counts as out of balance. The chair can change these. */
export interface BalanceThresholds {
  /** A person or group talking more than this many times their fair share is flagged. */
  overFactor: number;
  /** A group talking less than this share of its fair share is flagged. */
  underFactor: number;
  /** No flags until this much has been said in the scope: one sentence is not a pattern. */
  minTalkMs: number;
  /** Below this much talk a present person is "not yet heard". */
  heardAfterMs: number;
}

export const DEFAULT_THRESHOLDS: BalanceThresholds = { overFactor: 2, underFactor: 0.5, minTalkMs: 2 * 60_000, heardAfterMs: 30_000 };

export type BalanceFlag = 'over' | 'under' | null;

export interface PersonBalance {
  personId: Id;
  perspectiveId: Id;
  talkMs: number;
  turns: number;
  /** How long they were in the room during the scope: the weight of their fair share. */
  presentMs: number;
  fairMs: number;
  flag: BalanceFlag;
}

export interface GroupBalance {
  perspectiveId: Id;
  /** People of this perspective in the room at some point in the scope. */
  headcount: number;
  talkMs: number;
  turns: number;
  fairMs: number;
  flag: BalanceFlag;
}

export interface Balance {
  totalTalkMs: number;
  crossTalkMs: number;
  people: PersonBalance[];
  groups: GroupBalance[];
  /** People in the room now who have said little or nothing in the scope, least time first. */
  notYetHeard: Id[];
}

export interface BalanceInput {
  people: readonly Pick<Person, 'id' | 'perspectiveId' | 'name'>[];
  perspectives: readonly Perspective[];
  attendees: readonly Attendee[];
  /** Turns in the scope (all of the meeting's, or one item's). */
  turns: readonly Turn[];
  /** When the scope ran: the meeting, or the windows of one item. */
  windows: readonly Window[];
  now: EpochMs;
  thresholds?: BalanceThresholds;
}

export function turnMs(turn: Pick<Turn, 'startedAt' | 'endedAt'>, now: EpochMs): number {
  return Math.max(0, (turn.endedAt ?? Math.max(now, turn.startedAt)) - turn.startedAt);
}

/** Time a person was in the room within the windows. `arrivedAt === null` means not here (yet). */
export function presenceMs(attendee: Attendee, windows: readonly Window[], now: EpochMs): number {
  if (attendee.arrivedAt === null) return 0;
  const from = attendee.arrivedAt ?? Number.NEGATIVE_INFINITY;
  const to = attendee.leftAt ?? Number.POSITIVE_INFINITY;
  let total = 0;
  for (const [start, end] of windows) {
    const overlap = Math.min(end, to, Math.max(now, start)) - Math.max(start, from);
    if (overlap > 0) total += overlap;
    for (const [left, back] of attendee.away ?? []) {
      const gone = Math.min(end, to, Math.max(now, start), back) - Math.max(start, from, left);
      if (gone > 0) total -= gone;
    }
  }
  return total;
}

/**
 * Marked as here at `at`: arrived late, or back after leaving. Someone who
 * comes back keeps their arrival, and the time they were gone is kept apart.
 */
export function arriveAt(attendee: Attendee, at: EpochMs): Attendee {
  const { leftAt, arrivedAt } = attendee;
  if (leftAt !== undefined && leftAt !== null && arrivedAt !== null && leftAt <= at) {
    return { ...attendee, leftAt: null, away: [...(attendee.away ?? []), [leftAt, at]] };
  }
  return { ...attendee, arrivedAt: at, leftAt: null };
}

/**
 * In the room at `now`. "Not yet heard" is for the chair to invite people in,
 * so it is about who is here now: not someone who has gone home, nor someone
 * yet to arrive, and everyone here from the first moment of an item.
 */
export function isHereAt(attendee: Attendee, now: EpochMs): boolean {
  if (attendee.arrivedAt === null) return false;
  if (attendee.arrivedAt !== undefined && attendee.arrivedAt > now) return false;
  return attendee.leftAt === undefined || attendee.leftAt === null || attendee.leftAt > now;
}

function flagFor(talk: number, fair: number, total: number, t: BalanceThresholds, canBeUnder: boolean): BalanceFlag {
  if (total < t.minTalkMs || fair <= 0) return null;
  if (talk > fair * t.overFactor) return 'over';
  if (canBeUnder && talk < fair * t.underFactor) return 'under';
  return null;
}

/**
 * Talk time against a fair share, per person and per perspective group. A
 * fair share is the scope's talk divided by time in the room: equal per person
 * present, and per group by its headcount present, so late arrivals and early
 * leavers are not expected to have said as much. Cross-talk counts against nobody.
 */
export function computeBalance(input: BalanceInput): Balance {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const attendeeOf = new Map(input.attendees.map((a) => [a.personId, a]));
  const inScope = input.people.filter((p) => attendeeOf.has(p.id));

  const talk = new Map<Id, number>();
  const count = new Map<Id, number>();
  let totalTalkMs = 0;
  let crossTalkMs = 0;
  for (const turn of input.turns) {
    const ms = turnMs(turn, input.now);
    if (turn.crossTalk || turn.personId === null) {
      crossTalkMs += ms;
      continue;
    }
    totalTalkMs += ms;
    talk.set(turn.personId, (talk.get(turn.personId) ?? 0) + ms);
    count.set(turn.personId, (count.get(turn.personId) ?? 0) + 1);
  }

  const present = new Map(inScope.map((p) => [p.id, presenceMs(attendeeOf.get(p.id)!, input.windows, input.now)]));
  const totalPresence = [...present.values()].reduce((sum, ms) => sum + ms, 0);
  const fairOf = (personId: Id) => (totalPresence > 0 ? (totalTalkMs * (present.get(personId) ?? 0)) / totalPresence : 0);

  const people: PersonBalance[] = inScope.map((p) => {
    const talkMs = talk.get(p.id) ?? 0;
    const fairMs = fairOf(p.id);
    return {
      personId: p.id,
      perspectiveId: p.perspectiveId,
      talkMs,
      turns: count.get(p.id) ?? 0,
      presentMs: present.get(p.id) ?? 0,
      fairMs,
      // A single person saying little is the "not yet heard" list's business, not a flag.
      flag: flagFor(talkMs, fairMs, totalTalkMs, t, false),
    };
  });

  const groups: GroupBalance[] = input.perspectives.map((perspective) => {
    const members = people.filter((p) => p.perspectiveId === perspective.id);
    const talkMs = members.reduce((sum, p) => sum + p.talkMs, 0);
    const fairMs = members.reduce((sum, p) => sum + p.fairMs, 0);
    return {
      perspectiveId: perspective.id,
      headcount: members.filter((p) => p.presentMs > 0).length,
      talkMs,
      turns: members.reduce((sum, p) => sum + p.turns, 0),
      fairMs,
      flag: flagFor(talkMs, fairMs, totalTalkMs, t, true),
    };
  });

  const names = new Map(input.people.map((p) => [p.id, p.name]));
  // A scope still running takes in everyone here now, even in its first moment, before anyone has any time in it.
  const running = input.windows.some(([from, to]) => from <= input.now && to >= input.now);
  const notYetHeard = people
    .filter((p) => isHereAt(attendeeOf.get(p.personId)!, input.now) && (running || p.presentMs > 0) && p.talkMs < t.heardAfterMs)
    .sort((a, b) => a.talkMs - b.talkMs || (names.get(a.personId) ?? '').localeCompare(names.get(b.personId) ?? '', 'en-GB'))
    .map((p) => p.personId);

  return { totalTalkMs, crossTalkMs, people, groups, notYetHeard };
}
