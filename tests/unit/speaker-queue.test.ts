import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../src/domain/balance-model';
import { isWaiting, moveInQueue, orderQueue } from '../../src/domain/speaker-queue';

const SEC = 1000;
const T0 = Date.UTC(2030, 2, 14, 10, 0) + 123;

/** Someone who asked `askedSeconds` after T0; the entry id is `q-<personId>`. */
function entry(personId: string, askedSeconds: number, overrides: Partial<QueueEntry> = {}): QueueEntry {
  return { id: `q-${personId}`, meetingId: 'm1', personId, askedAt: T0 + askedSeconds * SEC, position: null, doneAt: null, ...overrides };
}

const talk = (minutes: Record<string, number>) => new Map(Object.entries(minutes).map(([id, m]) => [id, m * 60 * SEC]));
const NONE = talk({});
const people = (entries: readonly QueueEntry[]) => entries.map((e) => e.personId);
function permutations<T>(list: readonly T[]): T[][] {
  if (list.length <= 1) return [list.slice()];
  return list.flatMap((first, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [first, ...rest]));
}

describe('orderQueue, in the order asked', () => {
  it('calls people in the order they asked, however they are stored', () => {
    // Ids in the opposite order to asking, so only the asking time can give this order.
    const entries = [entry('c', 30, { id: 'q1' }), entry('a', 10, { id: 'q3' }), entry('b', 20, { id: 'q2' })];
    expect(people(orderQueue(entries, 'asked', talk({ a: 9, b: 5, c: 0 }), NONE))).toEqual(['a', 'b', 'c']);
  });

  it('breaks a tie in asking time the same way every time', () => {
    const entries = [entry('b', 10), entry('a', 10)];
    expect(people(orderQueue(entries, 'asked', NONE, NONE))).toEqual(['a', 'b']);
    expect(people(orderQueue(entries.slice().reverse(), 'asked', NONE, NONE))).toEqual(['a', 'b']);
  });

  it('does not reorder the list it is given', () => {
    const entries = [entry('c', 30), entry('a', 10)];
    orderQueue(entries, 'asked', NONE, NONE);
    expect(people(entries)).toEqual(['c', 'a']);
  });
});

describe('orderQueue, least heard first', () => {
  it.each<[string, Record<string, number>, Record<string, number>, string[]]>([
    ['least talk this meeting first', { a: 5, b: 1, c: 3 }, {}, ['b', 'c', 'a']],
    ['someone who has said nothing (no figure) counts as zero', { a: 5, c: 3 }, {}, ['b', 'c', 'a']],
    ['equal in the meeting: least talk on this item first', { a: 2, b: 2, c: 2 }, { a: 1, b: 0.5, c: 2 }, ['b', 'a', 'c']],
    ['meeting talk decides before item talk', { a: 1, b: 2, c: 3 }, { a: 2, b: 1, c: 0 }, ['a', 'b', 'c']],
    ['equal on both: whoever asked first', { a: 2, b: 2, c: 2 }, { a: 1, b: 1, c: 1 }, ['a', 'b', 'c']],
  ])('%s', (_label, meeting, item, expected) => {
    // Asked in the order a, b, c; ids the other way round, so they never decide it.
    const entries = [entry('c', 30, { id: 'q1' }), entry('b', 20, { id: 'q2' }), entry('a', 10, { id: 'q3' })];
    expect(people(orderQueue(entries, 'least-heard', talk(meeting), talk(item)))).toEqual(expected);
  });
});

describe('orderQueue, both modes', () => {
  it.each(['asked', 'least-heard'] as const)('leaves out people already given the floor or taken off (%s)', (mode) => {
    const entries = [entry('a', 10, { doneAt: T0 + 40 * SEC }), entry('b', 20), entry('c', 30, { doneAt: T0 + 50 * SEC, position: 0 })];
    expect(people(orderQueue(entries, mode, NONE, NONE))).toEqual(['b']);
  });

  it.each(['asked', 'least-heard'] as const)('is empty when nobody is waiting (%s)', (mode) => {
    expect(orderQueue([], mode, NONE, NONE)).toEqual([]);
    expect(orderQueue([entry('a', 1, { doneAt: T0 })], mode, NONE, NONE)).toEqual([]);
  });
});

describe('moveInQueue', () => {
  const ordered = [entry('a', 10), entry('b', 20), entry('c', 30), entry('d', 40)];

  it.each<[string, string, number, string[]]>([
    ['up one', 'c', -1, ['a', 'c', 'b', 'd']],
    ['down one', 'b', 1, ['a', 'c', 'b', 'd']],
    ['to the top', 'd', -3, ['d', 'a', 'b', 'c']],
    ['up past the top stops at the top', 'b', -10, ['b', 'a', 'c', 'd']],
    ['the top one up: it stays at the top', 'a', -1, ['a', 'b', 'c', 'd']],
    ['the last one down: it stays last', 'd', 1, ['a', 'b', 'c', 'd']],
    ['down past the end stops at the end', 'a', 10, ['b', 'c', 'd', 'a']],
    ['by nothing', 'b', 0, ['a', 'b', 'c', 'd']],
    ['someone not in the queue: nothing moves', 'zz', -1, ['a', 'b', 'c', 'd']],
  ])('moves %s', (_label, personId, delta, expected) => {
    const moved = moveInQueue(ordered, `q-${personId}`, delta);
    expect(people(moved)).toEqual(expected);
    // Every entry is given its place, so the chair's order sticks.
    expect(moved.map((e) => e.position)).toEqual([0, 1, 2, 3]);
  });

  it('changes nothing else about the entries, nor the list it is given', () => {
    const moved = moveInQueue(ordered, 'q-c', -1);
    expect(moved.map(({ position: _position, ...rest }) => rest)).toEqual(
      [ordered[0], ordered[2], ordered[1], ordered[3]].map((e) => {
        const { position: _position, ...rest } = e!;
        return rest;
      }),
    );
    expect(people(ordered)).toEqual(['a', 'b', 'c', 'd']);
    expect(ordered.every((e) => e.position === null)).toBe(true);
  });
});

describe('a chair’s hand moves', () => {
  it('stick in least-heard mode even when the talk figures change', () => {
    const entries = [entry('a', 10), entry('b', 20), entry('c', 30)];
    const before = orderQueue(entries, 'least-heard', talk({ a: 1, b: 2, c: 3 }), NONE);
    expect(people(before)).toEqual(['a', 'b', 'c']);
    // The chair brings c to the top.
    const moved = moveInQueue(before, 'q-c', -2);
    // Now a has said the most, which would put a last by the rule; the hand order wins.
    expect(people(orderQueue(moved, 'least-heard', talk({ a: 9, b: 2, c: 3 }), NONE))).toEqual(['c', 'a', 'b']);
    expect(people(orderQueue(moved, 'asked', NONE, NONE))).toEqual(['c', 'a', 'b']);
  });

  it('survive new arrivals to the queue: the new ones go after the positioned ones, in the queue’s own order', () => {
    const moved = moveInQueue(orderQueue([entry('a', 10), entry('b', 20)], 'asked', NONE, NONE), 'q-b', -1);
    // Two more ask after the move; d has said nothing at all, so would be first by the rule.
    const entries = [...moved, entry('e', 40), entry('d', 50)];
    const meeting = talk({ a: 5, b: 4, e: 2 });
    // Whatever order storage gives them back in.
    for (const stored of permutations(entries)) {
      expect(people(orderQueue(stored, 'least-heard', meeting, NONE))).toEqual(['b', 'a', 'd', 'e']);
      expect(people(orderQueue(stored, 'asked', meeting, NONE))).toEqual(['b', 'a', 'e', 'd']);
    }
  });

  it('keep their order when someone positioned is given the floor', () => {
    const moved = moveInQueue([entry('a', 10), entry('b', 20), entry('c', 30)], 'q-c', -2);
    const afterFloor = moved.map((e) => (e.personId === 'c' ? { ...e, doneAt: T0 + 60 * SEC } : e));
    expect(people(orderQueue([...afterFloor, entry('d', 70)], 'least-heard', NONE, NONE))).toEqual(['a', 'b', 'd']);
  });
});

describe('isWaiting', () => {
  it.each<[string, QueueEntry[], boolean]>([
    ['nobody in the queue', [], false],
    ['waiting', [entry('a', 10)], true],
    ['only an entry that is done', [entry('a', 10, { doneAt: T0 })], false],
    ['done once, and waiting again', [entry('a', 10, { doneAt: T0, id: 'q1' }), entry('a', 90, { id: 'q2' })], true],
    ['someone else waiting', [entry('b', 10)], false],
  ])('%s', (_label, entries, expected) => {
    expect(isWaiting(entries, 'a')).toBe(expected);
  });
});
