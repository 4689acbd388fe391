import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countTalk } from '../../src/domain/talk';
import { useFreshDb } from '../support/fresh-db';
import { db, useDatabaseForTests } from '../../src/db/connection';
import { createHeardDb } from '../../src/db/schema';
import { getMeetingTurns, getQueueAndGlossary } from '../../src/db/balance-repo';
import { watch } from '../../src/db/live';
import { watchTurns } from '../../src/db/tap-store';
import type { QueueEntry, Turn } from '../../src/domain/balance-model';
import { computeBalance, turnMs } from '../../src/domain/balance';
import type { Attendee } from '../../src/domain/model';
import {
  askToSpeak,
  changeSpeaker,
  clearQueueOrder,
  explainTerm,
  flagJargon,
  giveFloor,
  leaveQueue,
  markArrived,
  markLeft,
  markNotHere,
  moveQueueEntry,
  removeTurn,
  shorten,
  tapSpeaker,
  undoTap,
  type TapContext,
} from '../../src/state/balance-actions';
import { setClockForTests } from '../../src/state/clock';
import { orderQueue } from '../../src/domain/speaker-queue';

useFreshDb();
const SEC = 1000;
const T0 = new Date(2030, 2, 14, 10, 0).getTime() + 123;
let clock = T0;
/** Moves the app's clock on by `seconds`. */
const later = (seconds: number) => {
  clock += seconds * SEC;
  return clock;
};

beforeEach(() => {
  clock = T0;
  setClockForTests(() => clock);
});
afterEach(() => setClockForTests(null));

/** A meeting running on one item since long before these taps, with nobody waiting: talk counts throughout. */
const onItem = (itemId: string, queue: QueueEntry[] = []): TapContext => ({ spans: [{ from: 0, to: null, itemId, endedBy: null }], queue });

/** The meeting's turns as the app reads them back (settled: in order, each ending at the latest where the next begins). */
async function turnsOf(meetingId = 'm1'): Promise<Turn[]> {
  return getMeetingTurns(meetingId);
}
const openTurns = async (meetingId = 'm1') => (await turnsOf(meetingId)).filter((t) => t.endedAt === null);
const queueOf = async (meetingId = 'm1') => db().queue.where('meetingId').equals(meetingId).toArray();
const speaking = (turns: Turn[]) => turns.map((t) => [t.personId, t.startedAt - T0, t.endedAt === null ? null : t.endedAt - T0]);

describe('tapping who is speaking', () => {
  it('stores a turn at the moment of the tap', async () => {
    later(7);
    expect(await tapSpeaker('m1', { personId: 'a' }, onItem('i1'))).toMatchObject({ ok: true });
    const [stored, ...rest] = await turnsOf();
    expect(rest).toEqual([]);
    expect(stored).toEqual({
      id: expect.any(String),
      meetingId: 'm1',
      itemId: 'i1',
      personId: 'a',
      crossTalk: false,
      startedAt: T0 + 7 * SEC,
      endedAt: null,
    });
  });

  it('hands over to another person in one step: the first ends as the second starts', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(30);
    await tapSpeaker('m1', { personId: 'b' }, onItem('i1'));
    expect(speaking(await turnsOf())).toEqual([
      ['a', 0, 30 * SEC],
      ['b', 30 * SEC, null],
    ]);
    expect(await openTurns()).toHaveLength(1);
  });

  it('stops on a second tap of the speaker, or on "Nobody speaking"; cross-talk counts against nobody', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(10);
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(5);
    await tapSpeaker('m1', { crossTalk: true }, onItem('i1'));
    later(5);
    await tapSpeaker('m1', null, onItem('i1'));
    const turns = await turnsOf();
    expect(speaking(turns)).toEqual([
      ['a', 0, 10 * SEC],
      [null, 15 * SEC, 20 * SEC],
    ]);
    expect(turns[1]?.crossTalk).toBe(true);
    expect(await openTurns()).toEqual([]);
  });

  it('never leaves two people speaking, even with several taps at once', async () => {
    // Invariant: whatever order concurrent taps land in, at most one turn is open,
    // and each tap of a new person starts exactly one turn.
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((personId) => tapSpeaker('m1', { personId }, onItem('i1'))));
    const turns = await turnsOf();
    expect(turns).toHaveLength(5);
    expect(turns.filter((t) => t.endedAt === null)).toHaveLength(1);
    expect(new Set(turns.map((t) => t.personId))).toEqual(new Set(['a', 'b', 'c', 'd', 'e']));

    // And with the clock moving, stops and repeats mixed in.
    for (let round = 0; round < 5; round += 1) {
      later(3);
      await Promise.all([
        tapSpeaker('m1', { personId: 'a' }, onItem('i1')),
        tapSpeaker('m1', null, onItem('i1')),
        tapSpeaker('m1', { personId: 'b' }, onItem('i1')),
        tapSpeaker('m1', { crossTalk: true }, onItem('i1')),
        tapSpeaker('m1', { personId: 'b' }, onItem('i1')),
      ]);
      expect((await openTurns()).length).toBeLessThanOrEqual(1);
    }
    for (const t of await turnsOf()) if (t.endedAt !== null) expect(t.endedAt).toBeGreaterThanOrEqual(t.startedAt);
  });

  it('keeps each meeting’s turns to itself', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    await tapSpeaker('m2', { personId: 'b' }, onItem('j1'));
    // A tap in m2 does not end m1's running turn.
    expect(await openTurns('m1')).toHaveLength(1);
    expect(await openTurns('m2')).toHaveLength(1);
    expect((await getMeetingTurns('m1')).map((t) => t.personId)).toEqual(['a']);
  });
});

describe('undo', () => {
  it('after a hand-over restores the previous speaker', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(20);
    await tapSpeaker('m1', { personId: 'b' }, onItem('i1'));
    later(4);
    expect(await undoTap('m1')).toMatchObject({ ok: true });
    expect(speaking(await turnsOf())).toEqual([['a', 0, null]]);
  });

  it('after a stop lets the speaker carry on', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(20);
    await tapSpeaker('m1', null, onItem('i1'));
    await undoTap('m1');
    expect(speaking(await turnsOf())).toEqual([['a', 0, null]]);
  });

  it('twice takes back two taps', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(20);
    await tapSpeaker('m1', { personId: 'b' }, onItem('i1'));
    later(20);
    await undoTap('m1');
    await undoTap('m1');
    expect(await turnsOf()).toEqual([]);
  });

  it('after a stop with the clock held back behind the turn’s start reopens it, not deletes it', async () => {
    later(100);
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(-20);
    await tapSpeaker('m1', null, onItem('i1'));
    expect(speaking(await turnsOf())).toEqual([['a', 100 * SEC, 100 * SEC]]);
    await undoTap('m1');
    expect(speaking(await turnsOf())).toEqual([['a', 100 * SEC, null]]);
  });

  it('after a hand-over with the clock held back (both taps at one moment) restores the previous speaker', async () => {
    later(100);
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    await tapSpeaker('m1', { personId: 'b' }, onItem('i1'));
    // b's turn begins a millisecond after a's, so the order of the taps is kept.
    expect(speaking(await turnsOf())).toEqual([
      ['a', 100 * SEC, 100 * SEC + 1],
      ['b', 100 * SEC + 1, null],
    ]);
    await undoTap('m1');
    expect(speaking(await turnsOf())).toEqual([['a', 100 * SEC, null]]);
  });

  it('after a start with the clock behind the last stop takes back only the start: never two speaking', async () => {
    later(100);
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(100);
    await tapSpeaker('m1', null, onItem('i1'));
    later(-50);
    await tapSpeaker('m1', { personId: 'b' }, onItem('i1'));
    await undoTap('m1');
    expect(speaking(await turnsOf())).toEqual([['a', 100 * SEC, 200 * SEC]]);
  });

  it('with nothing to take back is refused as a rule, not a storage failure', async () => {
    expect(await undoTap('m1')).toEqual({ ok: false, problem: 'rule', rule: 'nothing-to-undo' });
  });
});

describe('the speaker queue', () => {
  it('keeps one place for someone who asks twice, even at the same moment', async () => {
    await askToSpeak('m1', 'a');
    later(5);
    await askToSpeak('m1', 'a');
    await Promise.all([askToSpeak('m1', 'b'), askToSpeak('m1', 'b'), askToSpeak('m1', 'b')]);
    const queue = await queueOf();
    expect(queue.map((e) => [e.personId, e.askedAt - T0]).sort()).toEqual([
      ['a', 0],
      ['b', 5 * SEC],
    ]);
    expect(queue.every((e) => e.position === null && e.doneAt === null)).toBe(true);
  });

  it('"Next speaker" starts the turn and marks the entry done, together', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(5);
    await askToSpeak('m1', 'b');
    const [entry] = await queueOf();
    later(40);
    expect(await giveFloor('m1', entry!, onItem('i1'))).toMatchObject({ ok: true });
    expect(speaking(await turnsOf())).toEqual([
      ['a', 0, 45 * SEC],
      ['b', 45 * SEC, null],
    ]);
    expect((await queueOf())[0]).toEqual({ ...entry, doneAt: T0 + 45 * SEC, floorTurnId: (await turnsOf())[1]!.id });
    // Given the floor, they can ask again later and get a new place.
    await askToSpeak('m1', 'b');
    expect((await queueOf()).filter((e) => e.doneAt === null)).toHaveLength(1);
  });

  it('undoing "Next speaker" puts them back in the queue, in the place they had', async () => {
    await askToSpeak('m1', 'b');
    later(1);
    await askToSpeak('m1', 'c');
    const ordered = orderQueue(await queueOf(), 'asked', new Map(), new Map());
    later(10);
    await giveFloor('m1', ordered[0]!, onItem('i1'));
    expect(orderQueue(await queueOf(), 'asked', new Map(), new Map()).filter((e) => e.doneAt === null).map((e) => e.personId)).toEqual(['c']);
    await undoTap('m1');
    expect(await turnsOf()).toEqual([]);
    const waiting = orderQueue(await queueOf(), 'asked', new Map(), new Map()).filter((e) => e.doneAt === null);
    expect(waiting.map((e) => e.personId)).toEqual(['b', 'c']);
    // A plain tap's undo leaves the queue alone.
    await tapSpeaker('m1', { personId: 'd' }, onItem('i1'));
    await undoTap('m1');
    expect((await queueOf()).filter((e) => e.doneAt === null)).toHaveLength(2);
  });

  it('"Next speaker" for someone already speaking keeps their turn running', async () => {
    await askToSpeak('m1', 'a');
    const [entry] = await queueOf();
    // The chair tapped a's tile directly while a was still in the queue.
    later(2);
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(10);
    await giveFloor('m1', entry!, onItem('i1'));
    expect(speaking(await turnsOf())).toEqual([['a', 2 * SEC, null]]);
    expect((await queueOf())[0]?.doneAt).toBe(T0 + 12 * SEC);
  });

  it('taking someone off, moving someone, and clearing the hand order', async () => {
    for (const personId of ['a', 'b', 'c']) {
      await askToSpeak('m1', personId);
      later(1);
    }
    const ordered = orderQueue(await queueOf(), 'asked', new Map(), new Map());
    await moveQueueEntry(ordered, ordered[2]!.id, -2);
    expect(orderQueue(await queueOf(), 'asked', new Map(), new Map()).map((e) => e.personId)).toEqual(['c', 'a', 'b']);

    const a = (await queueOf()).find((e) => e.personId === 'a')!;
    later(3);
    await leaveQueue(a);
    expect((await db().queue.get(a.id))?.doneAt).toBe(clock);

    await clearQueueOrder(await queueOf());
    expect((await queueOf()).every((e: QueueEntry) => e.position === null)).toBe(true);
    expect(orderQueue(await queueOf(), 'asked', new Map(), new Map()).map((e) => e.personId)).toEqual(['b', 'c']);
  });
});

describe('arrivals and departures', () => {
  const expected: Attendee = { meetingId: 'm1', personId: 'a', expected: true };
  const stored = () => db().attendees.get(['m1', 'a']);

  it('markArrived writes the arrival time; back after leaving, keeps the arrival and the time away apart', async () => {
    later(600);
    await markArrived(expected);
    expect(await stored()).toEqual({ ...expected, arrivedAt: T0 + 600 * SEC, leftAt: null });
    // Back after leaving at 30 s: here from the start, away from 30 s to now.
    later(60);
    await markArrived({ ...expected, arrivedAt: T0, leftAt: T0 + 30 * SEC });
    expect(await stored()).toEqual({ ...expected, arrivedAt: T0, leftAt: null, away: [[T0 + 30 * SEC, T0 + 660 * SEC]] });
  });

  it('markLeft writes the leaving time and keeps the arrival', async () => {
    later(1800);
    await markLeft({ ...expected, arrivedAt: T0 + 60 * SEC });
    expect(await stored()).toEqual({ ...expected, arrivedAt: T0 + 60 * SEC, leftAt: T0 + 1800 * SEC });
  });

  it('markNotHere clears arrival, leaving and time away, so they have no fair share', async () => {
    await markNotHere({ ...expected, arrivedAt: T0, leftAt: T0 + 5 * SEC, away: [[T0 + SEC, T0 + 2 * SEC]] });
    expect(await stored()).toEqual({ ...expected, arrivedAt: null, leftAt: null, away: [] });
  });
});

describe('a reload in the middle of a turn', () => {
  it('keeps the turn running, with the right time, read back from storage', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(25);
    await tapSpeaker('m1', { personId: 'b' }, onItem('i1'));

    // The tab is closed and opened again 95 seconds later: a new connection to the same database.
    useDatabaseForTests(createHeardDb(db().name));
    later(95);

    const turns = await getMeetingTurns('m1');
    const running = turns.find((t) => t.endedAt === null)!;
    expect(running).toMatchObject({ personId: 'b', startedAt: T0 + 25 * SEC });
    expect(turnMs(running, clock)).toBe(95 * SEC);
    const balance = computeBalance({
      people: [
        { id: 'a', perspectiveId: 'lived', name: 'A' },
        { id: 'b', perspectiveId: 'staff', name: 'B' },
      ],
      perspectives: [
        { id: 'lived', label: 'Lived experience' },
        { id: 'staff', label: 'Staff' },
      ],
      attendees: [
        { meetingId: 'm1', personId: 'a', expected: true },
        { meetingId: 'm1', personId: 'b', expected: true },
      ],
      talk: countTalk(turns, [{ from: T0, to: null, itemId: 'i1', endedBy: null }]),
      now: clock,
    });
    expect(balance.people.map((p) => [p.personId, p.talkMs])).toEqual([
      ['a', 25 * SEC],
      ['b', 95 * SEC],
    ]);

    // And the next tap after the reload ends it there.
    later(5);
    await tapSpeaker('m1', null, onItem('i1'));
    expect(speaking(await turnsOf())).toEqual([
      ['a', 0, 25 * SEC],
      ['b', 25 * SEC, 125 * SEC],
    ]);
  });
});

describe('corrections afterwards', () => {
  async function oneTurn(seconds: number): Promise<Turn> {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(seconds);
    await tapSpeaker('m1', null, onItem('i1'));
    return (await turnsOf())[0]!;
  }

  it('shorten stores the shorter turn', async () => {
    const turn = await oneTurn(90);
    expect(await shorten(turn, 60 * SEC)).toMatchObject({ ok: true });
    expect((await turnsOf())[0]).toEqual({ ...turn, endedAt: turn.startedAt + 60 * SEC });
  });

  it('shorten refuses a longer or empty turn and leaves the stored one alone', async () => {
    const turn = await oneTurn(90);
    expect(await shorten(turn, 91 * SEC)).toEqual({ ok: false, problem: 'rule', rule: 'longer-than-before' });
    expect(await shorten(turn, 0)).toEqual({ ok: false, problem: 'rule', rule: 'not-positive' });
    expect((await turnsOf())[0]).toEqual(turn);
  });

  it('change the speaker, to someone or to cross-talk, and delete a turn', async () => {
    const turn = await oneTurn(30);
    await changeSpeaker(turn, 'b');
    expect((await turnsOf())[0]).toEqual({ ...turn, personId: 'b', crossTalk: false });
    await changeSpeaker(turn, null);
    expect((await turnsOf())[0]).toEqual({ ...turn, personId: null, crossTalk: true });
    await removeTurn(turn);
    expect(await turnsOf()).toEqual([]);
  });
});

describe('the jargon flag', () => {
  it('puts the term in the meeting’s glossary, to be explained, and keeps it for the group', async () => {
    later(12);
    await flagJargon('group-1', 'm1', 'Care Act assessment', 'a');
    const { glossary } = await getQueueAndGlossary('m2', 'group-1');
    expect(glossary).toEqual([
      {
        id: expect.any(String),
        groupId: 'group-1',
        meetingId: 'm1',
        term: 'Care Act assessment',
        explanation: '',
        askedById: 'a',
        source: 'jargon-flag',
        createdAt: T0 + 12 * SEC,
        updatedAt: T0 + 12 * SEC,
      },
    ]);
    later(60);
    await explainTerm(glossary[0]!, 'A council check of what support someone needs');
    expect((await getQueueAndGlossary('m1', 'group-1')).glossary[0]).toEqual({
      ...glossary[0],
      explanation: 'A council check of what support someone needs',
      updatedAt: T0 + 72 * SEC,
    });
    expect((await getQueueAndGlossary('m1', 'other-group')).glossary).toEqual([]);
  });
});

describe('one record per tap', () => {
  it('a tap puts exactly one record, and live views see it at once', async () => {
    const seen: string[][] = [];
    const stop = watch(
      // As the record's live view reads them: in a transaction of its own.
      () => db().transaction('r', db().turns, () => getMeetingTurns('m1')),
      (turns) => seen.push(turns.map((t) => `${t.personId}:${t.endedAt === null ? 'speaking' : 'done'}`)),
      (error) => seen.push([String(error)]),
    );
    try {
      await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
      later(20);
      await tapSpeaker('m1', { personId: 'b' }, onItem('i1'));
      await expect.poll(() => seen.at(-1)).toEqual(['a:done', 'b:speaking']);
    } finally {
      stop();
    }
    // The hand-over wrote b's turn alone: a's record is as its own tap left it.
    const stored = await db().turns.where('meetingId').equals('m1').toArray();
    expect(stored.map((t) => [t.personId, t.endedAt])).toEqual(expect.arrayContaining([['a', null], ['b', null]]));
  });

  it('the running screen hears of each stored tap record by record, and of any other change to the turns', async () => {
    await db().open();
    const heard: string[] = [];
    const stop = watchTurns((change) => heard.push(change.kind === 'tap-stored' ? `tap ${change.turn.personId}` : 'elsewhere'));
    try {
      await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
      await expect.poll(() => heard).toEqual(['tap a']);
      later(5);
      await undoTap('m1');
      await expect.poll(() => heard).toEqual(['tap a', 'elsewhere']);
    } finally {
      stop();
    }
  });

  it('after an undo, a tap on the same person starts a new turn rather than stopping the one taken back', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(5);
    await undoTap('m1');
    later(5);
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    expect(speaking(await turnsOf())).toEqual([['a', 10 * SEC, null]]);
  });

  it('a turn another tab stored is taken into account by the next tap here', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    // Another tab, with a connection of its own, hands over to b.
    const otherTab = createHeardDb(db().name);
    later(10);
    await otherTab.turns.put({ id: 'from-other-tab', meetingId: 'm1', itemId: 'i1', personId: 'b', crossTalk: false, startedAt: clock, endedAt: null });
    otherTab.close();
    later(10);
    // Here, b is tapped again: that stops b, as the screen (updated from the other tab) showed b speaking.
    await tapSpeaker('m1', { personId: 'b' }, onItem('i1'));
    expect(speaking(await turnsOf())).toEqual([
      ['a', 0, 10 * SEC],
      ['b', 10 * SEC, 20 * SEC],
    ]);
  });

  it('deleting a turn leaves the turn before it as long as it was', async () => {
    await tapSpeaker('m1', { personId: 'a' }, onItem('i1'));
    later(30);
    await tapSpeaker('m1', { personId: 'b' }, onItem('i1'));
    later(10);
    await tapSpeaker('m1', { personId: 'c' }, onItem('i1'));
    const mistaken = (await turnsOf())[1]!;
    await removeTurn(mistaken);
    expect(speaking(await turnsOf())).toEqual([
      ['a', 0, 30 * SEC],
      ['c', 40 * SEC, null],
    ]);
  });
});
