import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/domain/balance-model';
import {
  computeBalance,
  DEFAULT_THRESHOLDS,
  arriveAt,
  isHere,
  isHereAt,
  presenceMs,
  tallyTalk,
  turnMs,
  type Balance,
  type BalanceInput,
  type BalanceThresholds,
  type GroupBalance,
  type PersonBalance,
} from '../../src/domain/balance';
import { countTalk, type TalkSpan, type Window } from '../../src/domain/talk';
import { settleTurns } from '../../src/domain/speaking';
import type { Attendee, EpochMs, Perspective } from '../../src/domain/model';
import { DEFAULT_PERSPECTIVES } from '../../src/domain/perspectives';
import { prng } from '../support/prng';

const SEC = 1000;
const MIN = 60 * SEC;
// An awkward start, not on a whole second, so nothing passes by rounding luck.
const T0 = Date.UTC(2030, 2, 14, 10, 0) + 123;
const at = (minutes: number): EpochMs => T0 + minutes * MIN;

type PersonRow = BalanceInput['people'][number];

const PERSPECTIVES: Perspective[] = DEFAULT_PERSPECTIVES.map((p) => ({ ...p }));

function person(id: string, perspectiveId: string, name = id): PersonRow {
  return { id, perspectiveId, name };
}

/** In the room from the start unless told otherwise; `arrivedAt: null` is "not here". */
function attendee(personId: string, times: Pick<Attendee, 'arrivedAt' | 'leftAt' | 'away'> = {}): Attendee {
  return { meetingId: 'm1', personId, expected: true, ...times };
}

let turnCounter = 0;
/** A turn from `from` to `to` minutes after T0 (`to` null: still running). */
function turn(personId: string | null, from: number, to: number | null, crossTalk = false): Turn {
  turnCounter += 1;
  return {
    id: `t${turnCounter}`,
    meetingId: 'm1',
    itemId: 'i1',
    personId,
    crossTalk,
    startedAt: at(from),
    endedAt: to === null ? null : at(to),
  };
}

/** Back-to-back turns, each `[personId, minutes]`, starting at T0. */
function talks(...steps: Array<[personId: string, minutes: number]>): Turn[] {
  let clock = 0;
  return steps.map(([personId, minutes]) => {
    const result = turn(personId, clock, clock + minutes);
    clock += minutes;
    return result;
  });
}

const HOUR_WINDOW: Window[] = [[at(0), at(60)]];

/**
 * The balance of one item that ran in `windows` (a window reaching now still
 * running), with these turns: counted by the one rule (countTalk) as every
 * screen counts them.
 */
function balanceOf(
  input: Partial<Omit<BalanceInput, 'talk'>> & Pick<BalanceInput, 'people'> & { turns?: Turn[]; windows?: readonly Window[] },
): Balance {
  const { turns = [], windows = HOUR_WINDOW, ...rest } = input;
  const now = rest.now ?? at(60);
  return computeBalance({
    perspectives: PERSPECTIVES,
    attendees: input.people.map((p) => attendee(p.id)),
    now,
    itemId: 'i1',
    ...rest,
    talk: talkIn(turns, windows, now),
  });
}

function talkIn(turns: readonly Turn[], windows: readonly Window[], now: EpochMs) {
  const spans: TalkSpan[] = windows.map(([from, to]) => (to >= now ? { from, to: null, itemId: 'i1', endedBy: null } : { from, to, itemId: 'i1', endedBy: 'break' }));
  return countTalk(settleTurns(turns), spans);
}

function personOf(balance: Balance, id: string): PersonBalance {
  const found = balance.people.find((p) => p.personId === id);
  if (!found) throw new Error(`no person ${id} in the balance`);
  return found;
}

function groupOf(balance: Balance, id: string): GroupBalance {
  const found = balance.groups.find((g) => g.perspectiveId === id);
  if (!found) throw new Error(`no group ${id} in the balance`);
  return found;
}

function flags(balance: Balance) {
  return {
    people: Object.fromEntries(balance.people.filter((p) => p.flag !== null).map((p) => [p.personId, p.flag])),
    groups: Object.fromEntries(balance.groups.filter((g) => g.flag !== null).map((g) => [g.perspectiveId, g.flag])),
  };
}

// ---------------------------------------------------------------- turnMs, presenceMs

describe('turnMs', () => {
  it.each([
    ['an ended turn', at(0), at(3), at(60), 3 * MIN],
    ['a running turn counts up to now', at(10), null, at(12.5), 2.5 * MIN],
    ['a running turn with now behind its start is zero, never negative', at(10), null, at(9), 0],
    ['an ended turn ignores now', at(10), at(11), at(5), MIN],
    ['a turn ending before it began (bad data) is zero', at(10), at(9), at(60), 0],
    ['a zero-length turn', at(10), at(10), at(60), 0],
  ])('%s', (_label, startedAt, endedAt, now, expected) => {
    expect(turnMs({ startedAt, endedAt }, now)).toBe(expected);
  });
});

describe('presenceMs', () => {
  const twoWindows: Window[] = [
    [at(0), at(20)],
    [at(40), at(60)],
  ];
  it.each<[string, Attendee, Window[], number, number]>([
    ['not here (arrivedAt null) is never present', attendee('a', { arrivedAt: null }), HOUR_WINDOW, at(60), 0],
    ['not marked either way (arrivedAt absent) is present throughout', attendee('a'), HOUR_WINDOW, at(60), 60 * MIN],
    ['arrived before the window: clipped to it', attendee('a', { arrivedAt: at(-15) }), HOUR_WINDOW, at(60), 60 * MIN],
    ['arrived late', attendee('a', { arrivedAt: at(25) }), HOUR_WINDOW, at(60), 35 * MIN],
    ['left early', attendee('a', { arrivedAt: at(0), leftAt: at(20) }), HOUR_WINDOW, at(60), 20 * MIN],
    ['arrived late and left early', attendee('a', { arrivedAt: at(10), leftAt: at(40) }), HOUR_WINDOW, at(60), 30 * MIN],
    ['left after the window: clipped to it', attendee('a', { arrivedAt: at(0), leftAt: at(90) }), HOUR_WINDOW, at(90), 60 * MIN],
    ['left before the window began', attendee('a', { arrivedAt: at(-30), leftAt: at(-5) }), HOUR_WINDOW, at(60), 0],
    ['arrived after the window ended', attendee('a', { arrivedAt: at(70) }), HOUR_WINDOW, at(80), 0],
    ['two windows, arriving in the first', attendee('a', { arrivedAt: at(5) }), twoWindows, at(60), 35 * MIN],
    ['two windows, arriving between them', attendee('a', { arrivedAt: at(30) }), twoWindows, at(60), 20 * MIN],
    ['two windows, leaving in the second', attendee('a', { arrivedAt: at(0), leftAt: at(50) }), twoWindows, at(60), 30 * MIN],
    ['no windows (the scope has not run)', attendee('a'), [], at(60), 0],
    ['a window reaching past now counts only up to now', attendee('a'), HOUR_WINDOW, at(45), 45 * MIN],
    ['now before the window began is nothing', attendee('a'), [[at(10), at(20)]], at(5), 0],
    ['away for a while and back', attendee('a', { arrivedAt: at(0), away: [[at(10), at(25)]] }), HOUR_WINDOW, at(60), 45 * MIN],
    ['away twice, once across the gap between windows', attendee('a', { away: [[at(15), at(45)], [at(50), at(55)]] }), twoWindows, at(60), 25 * MIN],
    ['away, back, and gone again', attendee('a', { arrivedAt: at(0), leftAt: at(50), away: [[at(10), at(20)]] }), HOUR_WINDOW, at(60), 40 * MIN],
    ['away only counts up to now', attendee('a', { away: [[at(40), at(50)]] }), HOUR_WINDOW, at(45), 40 * MIN],
  ])('%s', (_label, who, windows, now, expected) => {
    expect(presenceMs(who, windows, now)).toBe(expected);
  });
});

describe('arriveAt', () => {
  it('marks a late arrival from then', () => {
    expect(arriveAt(attendee('a', { arrivedAt: null }), at(12))).toMatchObject({ arrivedAt: at(12), leftAt: null });
    expect(arriveAt(attendee('a'), at(12))).toMatchObject({ arrivedAt: at(12), leftAt: null });
  });

  it('someone back after leaving keeps their arrival; the time away is kept apart, every time', () => {
    const once = arriveAt(attendee('a', { arrivedAt: at(5), leftAt: at(20) }), at(30));
    expect(once).toMatchObject({ arrivedAt: at(5), leftAt: null, away: [[at(20), at(30)]] });
    const twice = arriveAt({ ...once, leftAt: at(40) }, at(45));
    expect(twice.away).toEqual([
      [at(20), at(30)],
      [at(40), at(45)],
    ]);
    expect(presenceMs(twice, HOUR_WINDOW, at(60))).toBe(40 * MIN);
  });
});

// ---------------------------------------------------------------- fair shares

describe('fair shares', () => {
  it('are equal per person when everyone is in the room throughout, and talk and turns are counted', () => {
    const people = [person('a', 'lived'), person('b', 'lived'), person('c', 'staff'), person('d', 'carer')];
    const balance = balanceOf({ people, turns: talks(['a', 4], ['b', 2], ['a', 2], ['c', 4]) });
    expect(balance.totalTalkMs).toBe(12 * MIN);
    expect(balance.crossTalkMs).toBe(0);
    expect(balance.people.map((p) => [p.personId, p.talkMs / MIN, p.turns, p.presentMs / MIN, p.fairMs / MIN])).toEqual([
      ['a', 6, 2, 60, 3],
      ['b', 2, 1, 60, 3],
      ['c', 4, 1, 60, 3],
      ['d', 0, 0, 60, 3],
    ]);
    // Groups: fair share by headcount present, talk and turns summed over members.
    expect(groupOf(balance, 'lived')).toMatchObject({ headcount: 2, talkMs: 8 * MIN, turns: 3, fairMs: 6 * MIN });
    expect(groupOf(balance, 'staff')).toMatchObject({ headcount: 1, talkMs: 4 * MIN, turns: 1, fairMs: 3 * MIN });
    expect(groupOf(balance, 'carer')).toMatchObject({ headcount: 1, talkMs: 0, turns: 0, fairMs: 3 * MIN });
  });

  it('for a late arrival are smaller in proportion to their time in the room', () => {
    // a and b in the room for 60 minutes, c from minute 30: weights 2 : 2 : 1.
    const people = [person('a', 'lived'), person('b', 'staff'), person('c', 'carer')];
    const balance = balanceOf({
      people,
      attendees: [attendee('a'), attendee('b'), attendee('c', { arrivedAt: at(30) })],
      turns: talks(['a', 5], ['b', 5]),
    });
    expect(personOf(balance, 'c').presentMs).toBe(30 * MIN);
    expect(personOf(balance, 'a').fairMs).toBe(4 * MIN);
    expect(personOf(balance, 'b').fairMs).toBe(4 * MIN);
    expect(personOf(balance, 'c').fairMs).toBe(2 * MIN);
    expect(groupOf(balance, 'carer')).toMatchObject({ headcount: 1, fairMs: 2 * MIN });
  });

  it('for someone who left early cover only the time they were there', () => {
    const people = [person('a', 'lived'), person('b', 'staff'), person('c', 'carer')];
    const balance = balanceOf({
      people,
      attendees: [attendee('a'), attendee('b'), attendee('c', { arrivedAt: at(0), leftAt: at(12) })],
      turns: talks(['a', 6], ['c', 3], ['b', 6]),
    });
    // Weights 60 : 60 : 12 over 132 minutes of presence; 15 minutes of talk.
    expect(personOf(balance, 'c').presentMs).toBe(12 * MIN);
    expect(personOf(balance, 'c').fairMs).toBeCloseTo((15 * MIN * 12) / 132, 6);
    expect(personOf(balance, 'a').fairMs).toBeCloseTo((15 * MIN * 60) / 132, 6);
    // Someone who left still counts in their group's headcount for the scope they were in.
    expect(groupOf(balance, 'carer').headcount).toBe(1);
  });

  it('weight a late arrival who left early by the time between', () => {
    const people = [person('a', 'lived'), person('b', 'staff')];
    const balance = balanceOf({
      people,
      attendees: [attendee('a'), attendee('b', { arrivedAt: at(15), leftAt: at(35) })],
      turns: talks(['a', 8]),
    });
    // 60 : 20 → 3/4 and 1/4 of 8 minutes.
    expect(personOf(balance, 'b').presentMs).toBe(20 * MIN);
    expect(personOf(balance, 'a').fairMs).toBe(6 * MIN);
    expect(personOf(balance, 'b').fairMs).toBe(2 * MIN);
  });

  it('use the scope’s windows: someone who arrived after this item ran is not part of it', () => {
    const people = [person('a', 'lived'), person('b', 'staff')];
    const balance = balanceOf({
      people,
      attendees: [attendee('a'), attendee('b', { arrivedAt: at(70) })],
      windows: [[at(0), at(20)]],
      turns: talks(['a', 5]),
      now: at(80),
    });
    expect(personOf(balance, 'b')).toMatchObject({ presentMs: 0, fairMs: 0, flag: null });
    expect(personOf(balance, 'a').fairMs).toBe(5 * MIN);
    expect(groupOf(balance, 'staff')).toMatchObject({ headcount: 0, fairMs: 0, flag: null });
    expect(balance.notYetHeard).toEqual([]);
  });

  it('leave out people who are not on the meeting’s list', () => {
    const people = [person('a', 'lived'), person('stranger', 'staff')];
    const balance = balanceOf({ people, attendees: [attendee('a')], turns: talks(['a', 3]) });
    expect(balance.people.map((p) => p.personId)).toEqual(['a']);
    expect(groupOf(balance, 'staff').headcount).toBe(0);
  });
});

describe('someone not here (arrivedAt null)', () => {
  const people = [person('a', 'lived'), person('b', 'lived'), person('away', 'staff')];
  const attendees = [attendee('a'), attendee('b'), attendee('away', { arrivedAt: null })];

  it('has no fair share, takes none from others, and is not "not yet heard"', () => {
    const balance = balanceOf({ people, attendees, turns: talks(['a', 3], ['b', 1]) });
    expect(personOf(balance, 'away')).toMatchObject({ presentMs: 0, fairMs: 0, talkMs: 0, turns: 0, flag: null });
    // The whole of the talk is shared between the two in the room.
    expect(personOf(balance, 'a').fairMs).toBe(2 * MIN);
    expect(personOf(balance, 'b').fairMs).toBe(2 * MIN);
    expect(balance.notYetHeard).toEqual([]);
  });

  it('who was tapped anyway has their talk counted, but no share and no flag', () => {
    const balance = balanceOf({ people, attendees, turns: talks(['a', 1], ['away', 9]) });
    expect(balance.totalTalkMs).toBe(10 * MIN);
    expect(personOf(balance, 'away')).toMatchObject({ talkMs: 9 * MIN, turns: 1, fairMs: 0, flag: null });
    expect(groupOf(balance, 'staff')).toMatchObject({ headcount: 0, talkMs: 9 * MIN, fairMs: 0, flag: null });
  });
});

// ---------------------------------------------------------------- cross-talk

describe('isHere and isHereAt', () => {
  // isHere is the tiles' question (no clock); isHereAt the not-yet-heard list's, at a moment.
  it.each<[string, Attendee, boolean, boolean]>([
    ['there from the start', { meetingId: 'm', personId: 'a', expected: true }, true, true],
    ['did not come', { meetingId: 'm', personId: 'a', expected: true, arrivedAt: null }, false, false],
    ['arrived before', { meetingId: 'm', personId: 'a', expected: true, arrivedAt: at(1) }, true, true],
    ['arrives later', { meetingId: 'm', personId: 'a', expected: true, arrivedAt: at(20) }, true, false],
    ['left before', { meetingId: 'm', personId: 'a', expected: true, arrivedAt: at(1), leftAt: at(5) }, false, false],
    ['leaves later', { meetingId: 'm', personId: 'a', expected: true, arrivedAt: at(1), leftAt: at(20) }, false, true],
    ['came back (leftAt cleared)', { meetingId: 'm', personId: 'a', expected: true, arrivedAt: at(6), leftAt: null }, true, true],
  ])('%s: here now %s, here at minute 10 %s', (_what, attendee, now, atTen) => {
    expect(isHere(attendee)).toBe(now);
    expect(isHereAt(attendee, at(10))).toBe(atTen);
  });
});

describe('tallyTalk', () => {
  it('adds up each speaker, counts their turns, and keeps cross-talk and nobody’s turns apart', () => {
    const tally = tallyTalk([turn('a', 0, 4), turn('b', 4, 5), turn(null, 5, 7, true), turn('a', 7, 8), turn(null, 8, 9, false), turn('b', 9, null)], at(12));
    expect(Object.fromEntries(tally.talk)).toEqual({ a: 5 * MIN, b: 4 * MIN });
    expect(Object.fromEntries(tally.count)).toEqual({ a: 2, b: 2 });
    expect(tally.totalTalkMs).toBe(9 * MIN);
    expect(tally.crossTalkMs).toBe(3 * MIN);
  });
});

describe('cross-talk', () => {
  const people = [person('a', 'lived'), person('b', 'staff')];

  it('is counted against nobody, but reported as crossTalkMs', () => {
    const turns = [turn('a', 0, 4), turn(null, 4, 10, true), turn('b', 10, 12)];
    const balance = balanceOf({ people, turns });
    expect(balance.totalTalkMs).toBe(6 * MIN);
    expect(balance.crossTalkMs).toBe(6 * MIN);
    expect(personOf(balance, 'a')).toMatchObject({ talkMs: 4 * MIN, turns: 1, fairMs: 3 * MIN });
    expect(personOf(balance, 'b')).toMatchObject({ talkMs: 2 * MIN, turns: 1, fairMs: 3 * MIN });
    expect(balance.groups.reduce((sum, g) => sum + g.turns, 0)).toBe(2);
  });

  it('does not change anyone’s figures compared with the same meeting without it', () => {
    const speaking = [turn('a', 0, 4), turn('b', 10, 12)];
    const without = balanceOf({ people, turns: speaking });
    const withCrossTalk = balanceOf({ people, turns: [...speaking, turn(null, 4, 10, true), turn(null, 12, 30, true)] });
    expect(withCrossTalk.people).toEqual(without.people);
    expect(withCrossTalk.groups).toEqual(without.groups);
    expect(withCrossTalk.notYetHeard).toEqual(without.notYetHeard);
    expect(withCrossTalk.crossTalkMs).toBe(24 * MIN);
  });

  it('counts a running cross-talk turn up to now', () => {
    const balance = balanceOf({ people, turns: [turn(null, 50, null, true)], now: at(53) });
    expect(balance.crossTalkMs).toBe(3 * MIN);
    expect(balance.totalTalkMs).toBe(0);
  });

  it('covers a turn with nobody on it even if it is not marked as cross-talk', () => {
    const balance = balanceOf({ people, turns: [turn(null, 0, 2, false)] });
    expect(balance).toMatchObject({ totalTalkMs: 0, crossTalkMs: 2 * MIN });
  });
});

// ---------------------------------------------------------------- empty and odd scopes

describe('an empty item (no turns)', () => {
  it('has zero totals, no flags, and everyone present "not yet heard", by name', () => {
    const people = [person('p1', 'staff', 'Zainab'), person('p2', 'lived', 'Aoife'), person('p3', 'carer', 'Marek'), person('p4', 'lived', 'Bríd')];
    const balance = balanceOf({
      people,
      attendees: [attendee('p1'), attendee('p2'), attendee('p3', { arrivedAt: null }), attendee('p4', { arrivedAt: at(30) })],
    });
    expect(balance.totalTalkMs).toBe(0);
    expect(balance.crossTalkMs).toBe(0);
    for (const p of balance.people) expect(p).toMatchObject({ talkMs: 0, turns: 0, fairMs: 0, band: null, flag: null });
    for (const g of balance.groups) expect(g).toMatchObject({ talkMs: 0, turns: 0, fairMs: 0, band: null, flag: null });
    // Not here (p3) is not listed; the rest tie on nothing said, so by name.
    expect(balance.notYetHeard).toEqual(['p2', 'p4', 'p1']);
  });

  it('in its first moment lists everyone here: nobody has had any time yet', () => {
    const people = [person('a', 'lived', 'A'), person('b', 'staff', 'B')];
    const balance = balanceOf({ people, windows: [[at(10), at(10)]], now: at(10), turns: [] });
    expect(balance.notYetHeard).toEqual(['a', 'b']);
  });

  it('that has not run yet (no windows) has nobody present, so nobody to list', () => {
    const people = [person('a', 'lived'), person('b', 'staff')];
    const balance = balanceOf({ people, windows: [] });
    expect(balance.people.map((p) => p.presentMs)).toEqual([0, 0]);
    expect(balance.groups.every((g) => g.headcount === 0)).toBe(true);
    expect(balance.notYetHeard).toEqual([]);
  });
});

describe('groups', () => {
  it('list every perspective of the group, in its order, even one with nobody in it', () => {
    const balance = balanceOf({ people: [person('a', 'staff')] });
    expect(balance.groups.map((g) => g.perspectiveId)).toEqual(PERSPECTIVES.map((p) => p.id));
  });

  it('a group with one member has that member’s figures', () => {
    const people = [person('a', 'lived'), person('b', 'lived'), person('solo', 'carer')];
    const balance = balanceOf({ people, turns: talks(['a', 2], ['solo', 4], ['b', 3], ['solo', 3]) });
    const solo = personOf(balance, 'solo');
    expect(groupOf(balance, 'carer')).toEqual({
      perspectiveId: 'carer',
      headcount: 1,
      talkMs: solo.talkMs,
      turns: solo.turns,
      fairMs: solo.fairMs,
      band: solo.band,
      flag: solo.flag,
    });
    expect(solo).toMatchObject({ talkMs: 7 * MIN, turns: 2, fairMs: 4 * MIN });
  });

  it('a group nobody from came to has headcount 0, fair share 0, and is never flagged', () => {
    const people = [person('a', 'lived'), person('b', 'staff'), person('c1', 'carer'), person('c2', 'carer')];
    const balance = balanceOf({
      people,
      attendees: [attendee('a'), attendee('b'), attendee('c1', { arrivedAt: null }), attendee('c2', { arrivedAt: null })],
      // Plenty said, so flags are live for everyone else.
      turns: talks(['a', 10], ['b', 10]),
    });
    expect(groupOf(balance, 'carer')).toEqual({ perspectiveId: 'carer', headcount: 0, talkMs: 0, turns: 0, fairMs: 0, band: null, flag: null });
    // A perspective with no members at all is the same.
    expect(groupOf(balance, 'voluntary')).toEqual({ perspectiveId: 'voluntary', headcount: 0, talkMs: 0, turns: 0, fairMs: 0, band: null, flag: null });
  });

  it('count in their headcount only people who were in the room during the scope', () => {
    const people = [person('s1', 'staff'), person('s2', 'staff'), person('s3', 'staff'), person('s4', 'staff')];
    const balance = balanceOf({
      people,
      attendees: [
        attendee('s1'),
        attendee('s2', { arrivedAt: at(59) }),
        attendee('s3', { arrivedAt: null }),
        attendee('s4', { arrivedAt: at(-20), leftAt: at(-1) }),
      ],
    });
    expect(groupOf(balance, 'staff').headcount).toBe(2);
  });
});

// ---------------------------------------------------------------- two-way flags

describe('two-way flags', () => {
  // Six people in the room for the hour: three with lived experience, a carer, two staff.
  // Equal presence, so a person's fair share is 1/6 of the talk, lived 1/2, carer 1/6, staff 1/3.
  const people = [
    person('l1', 'lived'),
    person('l2', 'lived'),
    person('l3', 'lived'),
    person('c1', 'carer'),
    person('s1', 'staff'),
    person('s2', 'staff'),
  ];

  it('flags a person over twice their fair share, and nobody else', () => {
    // 60 minutes said; fair 10 each; l1 at 25 is over 2×; l2 and l3 at 5 are never flagged as people.
    // Groups: lived 35 of 30, carer 5 of 10 (exactly half), staff 20 of 20: none out of balance.
    const balance = balanceOf({ people, turns: talks(['l1', 25], ['l2', 5], ['l3', 5], ['c1', 5], ['s1', 10], ['s2', 10]) });
    expect(flags(balance)).toEqual({ people: { l1: 'over' }, groups: {} });
  });

  it('flags staff dominating: the staff group over, the lived-experience group under', () => {
    // Staff 50 of 60 against a fair 20: over 2×. Lived 5 against 30: under half.
    // s2 at exactly 2× (20 of 10) and the carer at exactly half (5 of 10) are on the line, not over it.
    const balance = balanceOf({ people, turns: talks(['s1', 30], ['s2', 20], ['l1', 3], ['l2', 2], ['c1', 5]) });
    expect(groupOf(balance, 'staff')).toMatchObject({ talkMs: 50 * MIN, fairMs: 20 * MIN });
    expect(flags(balance)).toEqual({ people: { s1: 'over' }, groups: { staff: 'over', lived: 'under' } });
  });

  it('flags professionals holding back: the staff group under', () => {
    // Staff 2 of 60 against a fair 20: under half. Lived 50 against 30 is more, but not 2×.
    const balance = balanceOf({ people, turns: talks(['l1', 20], ['l2', 16], ['l3', 14], ['c1', 8], ['s1', 2]) });
    expect(flags(balance)).toEqual({ people: {}, groups: { staff: 'under' } });
  });

  it('flags a lived-experience member speaking "as the voice of" the others, and their group over', () => {
    // Two lived-experience people in a room of five: group fair 2/5. l1 alone takes 45 of 50 minutes.
    const five = [person('l1', 'lived'), person('l2', 'lived'), person('c1', 'carer'), person('s1', 'staff'), person('m1', 'manager')];
    const balance = balanceOf({ people: five, turns: talks(['l1', 45], ['s1', 2], ['m1', 2], ['c1', 1]) });
    // Fair per person 10 of 50; lived 45 against 20 is over 2×; every other group is under half.
    expect(flags(balance)).toEqual({ people: { l1: 'over' }, groups: { lived: 'over', staff: 'under', manager: 'under', carer: 'under' } });
    // The other lived-experience member has been silenced, and the list says so.
    expect(balance.notYetHeard).toEqual(['l2']);
  });

  it('flags nothing until the scope has minTalkMs said, however lopsided', () => {
    const lopsided = talks(['s1', 1.5], ['l1', 0.25]);
    const balance = balanceOf({ people, turns: lopsided });
    expect(balance.totalTalkMs).toBeLessThan(DEFAULT_THRESHOLDS.minTalkMs);
    expect(flags(balance)).toEqual({ people: {}, groups: {} });
    // From exactly minTalkMs on, the same shape is flagged.
    const enough = balanceOf({ people, turns: talks(['s1', 1.6], ['l1', 0.4]) });
    expect(enough.totalTalkMs).toBe(DEFAULT_THRESHOLDS.minTalkMs);
    expect(flags(enough).groups).toMatchObject({ staff: 'over' });
  });

  it('thresholds are adjustable: 1.5× flags what 2× does not', () => {
    // l1 at 18 of 60: 1.8× a fair 10.
    const turns = talks(['l1', 18], ['l2', 10], ['l3', 10], ['c1', 10], ['s1', 6], ['s2', 6]);
    expect(flags(balanceOf({ people, turns })).people).toEqual({});
    const stricter: BalanceThresholds = { ...DEFAULT_THRESHOLDS, overFactor: 1.5 };
    expect(flags(balanceOf({ people, turns, thresholds: stricter })).people).toEqual({ l1: 'over' });
  });

  it('the under factor is adjustable too', () => {
    // Staff 12 of 60 against a fair 20: 0.6 of it. Not under half, but under 0.75.
    const turns = talks(['l1', 12], ['l2', 12], ['l3', 12], ['c1', 12], ['s1', 6], ['s2', 6]);
    expect(flags(balanceOf({ people, turns })).groups).toEqual({});
    const stricter: BalanceThresholds = { ...DEFAULT_THRESHOLDS, underFactor: 0.75 };
    expect(flags(balanceOf({ people, turns, thresholds: stricter })).groups).toEqual({ staff: 'under' });
  });

  it('minTalkMs is adjustable', () => {
    const turns = talks(['s1', 1.5], ['l1', 0.25]);
    expect(flags(balanceOf({ people, turns, thresholds: { ...DEFAULT_THRESHOLDS, minTalkMs: 30 * SEC } })).groups).toMatchObject({
      staff: 'over',
    });
  });

  it('judge a late arrival against their shorter time in the room', () => {
    // c arrived for the last 12 minutes and spoke 10 of 30: fair 30 × 12/132 ≈ 2.7, so over 2×.
    const three = [person('a', 'lived'), person('b', 'staff'), person('c', 'carer')];
    const balance = balanceOf({
      people: three,
      attendees: [attendee('a'), attendee('b'), attendee('c', { arrivedAt: at(48) })],
      turns: talks(['a', 10], ['b', 10], ['c', 10]),
    });
    expect(flags(balance)).toEqual({ people: { c: 'over' }, groups: { carer: 'over' } });
  });

  it('do not flag a group whose only member left early for having said less', () => {
    // The carer was there 10 minutes of 60 and said 3 of 60: fair 60 × 10/130 ≈ 4.6, half is 2.3.
    const three = [person('a', 'lived'), person('b', 'staff'), person('c', 'carer')];
    const balance = balanceOf({
      people: three,
      attendees: [attendee('a'), attendee('b'), attendee('c', { arrivedAt: at(0), leftAt: at(10) })],
      turns: talks(['a', 29], ['c', 3], ['b', 28]),
    });
    expect(groupOf(balance, 'carer').flag).toBeNull();
    expect(flags(balance)).toEqual({ people: {}, groups: {} });
  });
});

// ---------------------------------------------------------------- not yet heard

describe('not yet heard', () => {
  it('lists present people under heardAfterMs, least time first, name breaking ties', () => {
    const people = [
      person('p1', 'lived', 'Zainab'),
      person('p2', 'lived', 'Aoife'),
      person('p3', 'staff', 'Marek'),
      person('p4', 'carer', 'Chidi'),
      person('p5', 'staff', 'Bríd'),
      person('p6', 'staff', 'Dev'),
    ];
    const turns = [
      turn('p3', 0, 20 / 60), // 20 s
      turn('p4', 1, 1 + 10 / 60), // 10 s
      turn('p5', 2, 2.5), // exactly heardAfterMs: heard
      turn('p6', 3, 10), // plenty
    ];
    const balance = balanceOf({ people, turns });
    expect(balance.notYetHeard).toEqual(['p2', 'p1', 'p4', 'p3']);
  });

  it('follows heardAfterMs when the chair changes it', () => {
    const people = [person('a', 'lived', 'A'), person('b', 'staff', 'B')];
    const turns = [turn('a', 0, 1), turn('b', 1, 1.25)];
    expect(balanceOf({ people, turns }).notYetHeard).toEqual(['b']);
    expect(balanceOf({ people, turns, thresholds: { ...DEFAULT_THRESHOLDS, heardAfterMs: 2 * MIN } }).notYetHeard).toEqual(['b', 'a']);
    expect(balanceOf({ people, turns, thresholds: { ...DEFAULT_THRESHOLDS, heardAfterMs: 0 } }).notYetHeard).toEqual([]);
  });

  it('does not list someone who is not here, nor count cross-talk as being heard', () => {
    const people = [person('a', 'lived', 'A'), person('b', 'staff', 'B')];
    const balance = balanceOf({
      people,
      attendees: [attendee('a'), attendee('b', { arrivedAt: null })],
      turns: [turn(null, 0, 10, true)],
    });
    expect(balance.notYetHeard).toEqual(['a']);
  });

  it('leaves out someone who has gone home without being heard: the chair cannot invite them in', () => {
    const people = [person('a', 'lived', 'A'), person('b', 'staff', 'B'), person('c', 'carer', 'C')];
    const balance = balanceOf({
      people,
      attendees: [attendee('a'), attendee('b', { arrivedAt: at(0), leftAt: at(5) }), attendee('c')],
      turns: [turn('a', 0, 10)],
    });
    expect(balance.notYetHeard).toEqual(['c']);
    // Their time in the room still earned them a fair share.
    expect(personOf(balance, 'b').fairMs).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- a running turn

describe('a running turn (endedAt null)', () => {
  const people = [person('a', 'lived'), person('b', 'staff')];

  it('counts up to now, and further at a later now', () => {
    const turns = [turn('a', 0, 3), turn('b', 3, null)];
    const early = balanceOf({ people, turns, windows: [[at(0), at(5)]], now: at(5) });
    expect(personOf(early, 'b')).toMatchObject({ talkMs: 2 * MIN, turns: 1 });
    expect(early.totalTalkMs).toBe(5 * MIN);
    const later = balanceOf({ people, turns, windows: [[at(0), at(9)]], now: at(9) });
    expect(personOf(later, 'b').talkMs).toBe(6 * MIN);
    expect(later.totalTalkMs).toBe(9 * MIN);
    expect(personOf(later, 'a').fairMs).toBe(4.5 * MIN);
  });

  it('with now behind its start (a clock that jumped back) counts nothing, never less', () => {
    const balance = balanceOf({ people, turns: [turn('a', 10, null)], now: at(8) });
    expect(personOf(balance, 'a')).toMatchObject({ talkMs: 0, turns: 1 });
    expect(balance.totalTalkMs).toBe(0);
  });
});

// ---------------------------------------------------------------- property-style

interface RandomMeeting {
  input: BalanceInput;
  turns: Turn[];
  windows: Window[];
  anyonePresent: boolean;
}

function randomMeeting(seed: number): RandomMeeting {
  const random = prng(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

  // Some of the group's perspectives, so some groups have nobody at all.
  const perspectives = PERSPECTIVES.filter(() => random() < 0.7);
  if (perspectives.length === 0) perspectives.push(PERSPECTIVES[0]!);
  const people = Array.from({ length: 1 + int(14) }, (_, i) => person(`p${i}`, pick(perspectives).id, `Person ${int(5)}`));

  const length = (10 + int(170)) * MIN + int(1000);
  const attendees = people.map((p) => {
    const roll = random();
    if (roll < 0.15) return attendee(p.id, { arrivedAt: null });
    if (roll < 0.3) return attendee(p.id);
    const arrivedAt = T0 - 10 * MIN + int(length + 20 * MIN);
    const leftAt = random() < 0.3 ? arrivedAt + int(length) : null;
    return attendee(p.id, { arrivedAt, leftAt });
  });

  // Turns one after another, with gaps, cross-talk, and the last perhaps still running.
  const turns: Turn[] = [];
  let clock = T0 + int(5 * MIN);
  const count = int(120);
  for (let i = 0; i < count; i += 1) {
    const crossTalk = random() < 0.15;
    const startedAt = clock + (random() < 0.3 ? int(2 * MIN) : 0);
    const endedAt = startedAt + int(4 * MIN);
    turns.push({
      id: `t${i}`,
      meetingId: 'm1',
      itemId: null,
      personId: crossTalk ? null : pick(people).id,
      crossTalk,
      startedAt,
      endedAt: i === count - 1 && random() < 0.5 ? null : endedAt,
    });
    clock = endedAt;
  }
  const now = Math.max(clock, T0 + length) + int(10 * MIN);

  // The scope: the whole meeting, one to three item windows, or nothing yet.
  const shape = random();
  const windows: Window[] = [];
  if (shape < 0.4) windows.push([T0, now]);
  else if (shape < 0.9) {
    let from = T0 + int(30 * MIN);
    for (let n = 1 + int(3); n > 0 && from < now; n -= 1) {
      const to = Math.min(now, from + int(60 * MIN));
      windows.push([from, to]);
      from = to + int(30 * MIN);
    }
  }

  const talk = talkIn(turns, windows, now);
  const input: BalanceInput = { people, perspectives, attendees, talk, itemId: 'i1', now };
  const anyonePresent = attendees.some((a) => presenceMs(a, windows, now) > 0);
  return { input, turns, windows, anyonePresent };
}

/** The length of a turn worked out here, independently: every generated turn starts before now. */
const lengthOf = (t: Turn, now: EpochMs) => (t.endedAt ?? now) - t.startedAt;
const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('random meetings (seeded)', () => {
  const seeds = Array.from({ length: 500 }, (_, index) => index + 1);

  it('always add up: totals are the sum of the turns, and fair shares share out exactly the talk', () => {
    let withPresence = 0;
    let withOpenTurn = 0;
    let withFlags = 0;
    for (const seed of seeds) {
      const { input, turns, windows, anyonePresent } = randomMeeting(seed);
      const balance = computeBalance(input);
      // Every figure is of the turns as they count: cut to the windows the item ran in.
      const counted = input.talk.turns;
      const spoken = counted.filter((t) => !t.crossTalk);
      const crossTalk = counted.filter((t) => t.crossTalk);
      const why = `seed ${seed}`;
      if (anyonePresent) withPresence += 1;
      if (turns.some((t) => t.endedAt === null)) withOpenTurn += 1;
      if (balance.people.some((p) => p.flag) || balance.groups.some((g) => g.flag)) withFlags += 1;

      // Talk is exactly the non-cross-talk turns; cross-talk is reported apart.
      expect(balance.totalTalkMs, why).toBe(sumOf(spoken.map((t) => lengthOf(t, input.now))));
      expect(balance.crossTalkMs, why).toBe(sumOf(crossTalk.map((t) => lengthOf(t, input.now))));
      // Per person, it is their own turns, counted once each.
      const miscounted = balance.people.filter((p) => {
        const theirs = spoken.filter((t) => t.personId === p.personId);
        return p.talkMs !== sumOf(theirs.map((t) => lengthOf(t, input.now))) || p.turns !== theirs.length;
      });
      expect(miscounted, why).toEqual([]);
      // People's talk and groups' talk each add up to the total.
      expect(sumOf(balance.people.map((p) => p.talkMs)), why).toBe(balance.totalTalkMs);
      expect(sumOf(balance.groups.map((g) => g.talkMs)), why).toBe(balance.totalTalkMs);
      expect(sumOf(balance.groups.map((g) => g.turns)), why).toBe(spoken.length);
      // Fair shares share out exactly the talk among whoever was in the room, or nothing if nobody was.
      const fairPeople = sumOf(balance.people.map((p) => p.fairMs));
      const fairGroups = sumOf(balance.groups.map((g) => g.fairMs));
      if (anyonePresent) {
        expect(Math.abs(fairPeople - balance.totalTalkMs), why).toBeLessThanOrEqual(1e-6 * Math.max(1, balance.totalTalkMs));
        expect(Math.abs(fairGroups - balance.totalTalkMs), why).toBeLessThanOrEqual(1e-6 * Math.max(1, balance.totalTalkMs));
      } else {
        expect(fairPeople, why).toBe(0);
        expect(fairGroups, why).toBe(0);
      }
      // Nothing negative; no share without presence; a group nobody came from has no share and no flag.
      const figures = [
        balance.totalTalkMs,
        balance.crossTalkMs,
        ...balance.people.flatMap((p) => [p.talkMs, p.turns, p.presentMs, p.fairMs]),
        ...balance.groups.flatMap((g) => [g.talkMs, g.turns, g.fairMs, g.headcount]),
      ];
      expect(figures.filter((value) => !(value >= 0)), why).toEqual([]);
      expect(balance.people.filter((p) => p.presentMs === 0 && p.fairMs !== 0), why).toEqual([]);
      expect(balance.groups.filter((g) => g.headcount === 0 && (g.fairMs !== 0 || g.flag !== null)), why).toEqual([]);
      // No flags before enough has been said.
      if (balance.totalTalkMs < DEFAULT_THRESHOLDS.minTalkMs) {
        expect(balance.people.every((p) => p.flag === null) && balance.groups.every((g) => g.flag === null), why).toBe(true);
      }
      // Not yet heard: exactly the people in the room now, under the bar, least time first.
      const hereNow = (id: string) => {
        const a = input.attendees.find((x) => x.personId === id)!;
        return a.arrivedAt !== null && (a.arrivedAt ?? -Infinity) <= input.now && (a.leftAt == null || a.leftAt > input.now);
      };
      const running = windows.some(([from, to]) => from <= input.now && to >= input.now);
      const speaking = counted.at(-1)?.endedAt === null ? counted.at(-1)!.personId : null;
      const expected = balance.people
        .filter((p) => p.personId !== speaking && hereNow(p.personId) && (running || p.presentMs > 0) && p.talkMs < DEFAULT_THRESHOLDS.heardAfterMs)
        .map((p) => p.personId);
      expect([...balance.notYetHeard].sort(), why).toEqual(expected.sort());
      const heardMs = balance.notYetHeard.map((id) => personOf(balance, id).talkMs);
      expect(heardMs, why).toEqual([...heardMs].sort((a, b) => a - b));
    }
    // The generator really does reach the interesting cases.
    expect(withPresence).toBeGreaterThan(300);
    expect(seeds.length - withPresence).toBeGreaterThan(10);
    expect(withOpenTurn).toBeGreaterThan(100);
    expect(withFlags).toBeGreaterThan(100);
  });
});
