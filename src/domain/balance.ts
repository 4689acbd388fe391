import type { Turn } from './balance-model';
import { scopeTurns, talkWindows, type Talk, type Window } from './talk';
import type { Attendee, EpochMs, Id, Perspective, Person } from './model';
import { nameOrder } from './names';

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
  band: ShareBand | null;
  flag: BalanceFlag;
}

export interface GroupBalance {
  perspectiveId: Id;
  /** People of this perspective in the room at some point in the scope. */
  headcount: number;
  talkMs: number;
  turns: number;
  fairMs: number;
  band: ShareBand | null;
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
  /** The meeting's talk as it counts (countTalk): the turns and when the meeting ran. */
  talk: Talk;
  /** The scope: one item's talk (null: between items), or absent for the whole meeting. */
  itemId?: Id | null;
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

export interface TalkTally {
  /** Each speaker's talk. */
  talk: Map<Id, number>;
  /** Each speaker's turns. */
  count: Map<Id, number>;
  totalTalkMs: number;
  crossTalkMs: number;
}

/** Adds up `turns` by speaker, up to `now`. Cross-talk and a turn nobody was named for are nobody's talk. */
export function tallyTalk(turns: readonly Turn[], now: EpochMs): TalkTally {
  const tally: TalkTally = { talk: new Map(), count: new Map(), totalTalkMs: 0, crossTalkMs: 0 };
  for (const turn of turns) {
    const ms = turnMs(turn, now);
    if (turn.crossTalk || turn.personId === null) {
      tally.crossTalkMs += ms;
      continue;
    }
    tally.totalTalkMs += ms;
    tally.talk.set(turn.personId, (tally.talk.get(turn.personId) ?? 0) + ms);
    tally.count.set(turn.personId, (tally.count.get(turn.personId) ?? 0) + 1);
  }
  return tally;
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

/** In the room as things stand, whatever the clock: arrived (or there from the start) and not gone. */
export function isHere(attendee: Attendee): boolean {
  // No arrival or leaving is later than the end of time, so only "arrived" and "left" count.
  return isHereAt(attendee, Number.POSITIVE_INFINITY);
}

/**
 * Talk against a fair share in one measure, in words a chair reads at a
 * glance. "Well over" and "well under" are the flags' own thresholds; within
 * a quarter of the share either way is "about their share". Null until enough
 * has been said in the scope for it to mean anything, or with no share to
 * measure against.
 */
export type ShareBand = 'well-under' | 'under' | 'about' | 'over' | 'well-over';

/** Within this fraction of a fair share either way is "about" it. */
export const ABOUT_SHARE = 0.25;

export function shareBand(talkMs: number, fairMs: number, totalTalkMs: number, t: BalanceThresholds): ShareBand | null {
  if (totalTalkMs < t.minTalkMs || fairMs <= 0) return null;
  if (talkMs > fairMs * t.overFactor) return 'well-over';
  if (talkMs < fairMs * t.underFactor) return 'well-under';
  if (talkMs > fairMs * Math.min(1 + ABOUT_SHARE, t.overFactor)) return 'over';
  if (talkMs < fairMs * Math.max(1 - ABOUT_SHARE, t.underFactor)) return 'under';
  return 'about';
}

function flagFor(band: ShareBand | null, canBeUnder: boolean): BalanceFlag {
  if (band === 'well-over') return 'over';
  if (canBeUnder && band === 'well-under') return 'under';
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

  const turns = scopeTurns(input.talk, input.itemId);
  const windows = talkWindows(input.talk.spans, input.itemId);
  const { talk, count, totalTalkMs, crossTalkMs } = tallyTalk(turns, input.now);

  const present = new Map(inScope.map((p) => [p.id, presenceMs(attendeeOf.get(p.id)!, windows, input.now)]));
  const totalPresence = [...present.values()].reduce((sum, ms) => sum + ms, 0);
  const fairOf = (personId: Id) => (totalPresence > 0 ? (totalTalkMs * (present.get(personId) ?? 0)) / totalPresence : 0);

  const people: PersonBalance[] = inScope.map((p) => {
    const talkMs = talk.get(p.id) ?? 0;
    const fairMs = fairOf(p.id);
    const band = shareBand(talkMs, fairMs, totalTalkMs, t);
    return {
      personId: p.id,
      perspectiveId: p.perspectiveId,
      talkMs,
      turns: count.get(p.id) ?? 0,
      presentMs: present.get(p.id) ?? 0,
      fairMs,
      band,
      // A single person saying little is the "not yet heard" list's business, not a flag.
      flag: flagFor(band, false),
    };
  });

  const groups: GroupBalance[] = input.perspectives.map((perspective) => {
    const members = people.filter((p) => p.perspectiveId === perspective.id);
    const talkMs = members.reduce((sum, p) => sum + p.talkMs, 0);
    const fairMs = members.reduce((sum, p) => sum + p.fairMs, 0);
    const band = shareBand(talkMs, fairMs, totalTalkMs, t);
    return {
      perspectiveId: perspective.id,
      headcount: members.filter((p) => p.presentMs > 0).length,
      talkMs,
      turns: members.reduce((sum, p) => sum + p.turns, 0),
      fairMs,
      band,
      flag: flagFor(band, true),
    };
  });

  const names = new Map(input.people.map((p) => [p.id, p.name]));
  // A scope still running takes in everyone here now, even in its first moment, before anyone has any time in it.
  const running = windows.some(([from, to]) => from <= input.now && to >= input.now);
  // Whoever is speaking is being heard, whatever their time so far.
  const speaking = turns.length > 0 && turns[turns.length - 1]!.endedAt === null ? turns[turns.length - 1]!.personId : null;
  const notYetHeard = people
    .filter(
      (p) =>
        p.personId !== speaking && isHereAt(attendeeOf.get(p.personId)!, input.now) && (running || p.presentMs > 0) && p.talkMs < t.heardAfterMs,
    )
    .sort((a, b) => a.talkMs - b.talkMs || nameOrder()(names.get(a.personId) ?? '', names.get(b.personId) ?? ''))
    .map((p) => p.personId);

  return { totalTalkMs, crossTalkMs, people, groups, notYetHeard };
}

/** "Show the room" never shows a perspective of fewer than this many people on its own. */
export const ROOM_MIN_PEOPLE = 3;

export interface RoomGroup {
  /** The perspective, or null for "other perspectives": the small ones together. */
  perspectiveId: Id | null;
  headcount: number;
  talkMs: number;
  fairMs: number;
  band: ShareBand | null;
  /** Fewer than ROOM_MIN_PEOPLE even together: its figures are not shown, so nobody's own can be read off them. */
  hidden: boolean;
}

/**
 * The groups as the room sees them, where nobody's own figures may show: a
 * perspective with fewer than three people here is put with the other small
 * ones as "other perspectives", and hidden if even those are fewer than three.
 */
export function roomGroups(balance: Balance, thresholds: BalanceThresholds = DEFAULT_THRESHOLDS): RoomGroup[] {
  const shown: RoomGroup[] = [];
  const other: RoomGroup = { perspectiveId: null, headcount: 0, talkMs: 0, fairMs: 0, band: null, hidden: false };
  for (const group of balance.groups) {
    if (group.headcount === 0) continue;
    if (group.headcount >= ROOM_MIN_PEOPLE) {
      shown.push({ perspectiveId: group.perspectiveId, headcount: group.headcount, talkMs: group.talkMs, fairMs: group.fairMs, band: group.band, hidden: false });
    } else {
      other.headcount += group.headcount;
      other.talkMs += group.talkMs;
      other.fairMs += group.fairMs;
    }
  }
  if (other.headcount === 0) return shown;
  const hidden = other.headcount < ROOM_MIN_PEOPLE;
  return [
    ...shown,
    hidden
      ? { ...other, talkMs: 0, fairMs: 0, hidden }
      : { ...other, band: shareBand(other.talkMs, other.fairMs, balance.totalTalkMs, thresholds) },
  ];
}
