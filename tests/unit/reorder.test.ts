import { describe, expect, it } from 'vitest';
import { byOrder, moveBy, moveTo, renumber, sortByOrder } from '../../src/domain/reorder';

const list = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const ids = (items: readonly { id: string }[]): string => items.map((item) => item.id).join('');

describe('moveBy (the up and down buttons)', () => {
  it.each([
    ['a', 1, 'bacd'],
    ['a', -1, 'abcd'],
    ['d', 1, 'abcd'],
    ['d', -1, 'abdc'],
    ['b', -1, 'bacd'],
    ['b', 1, 'acbd'],
    ['c', 2, 'abdc'],
    ['b', -5, 'bacd'],
    ['a', 99, 'bcda'],
    ['c', 0, 'abcd'],
    ['zz', 1, 'abcd'],
  ])('moves %s by %i → %s', (id, delta, expected) => {
    expect(ids(moveBy(list, id, delta))).toBe(expected);
  });

  it('returns a new array and leaves the input alone', () => {
    const before = ids(list);
    const moved = moveBy(list, 'a', 1);
    expect(moved).not.toBe(list);
    expect(ids(list)).toBe(before);
    // The same objects, only in a new order: nothing is copied or rebuilt.
    expect(moved[1]).toBe(list[0]);
  });

  it('copes with an empty or one-item list', () => {
    expect(moveBy([], 'a', 1)).toEqual([]);
    expect(ids(moveBy([{ id: 'a' }], 'a', -1))).toBe('a');
  });
});

describe('moveTo (drag and drop)', () => {
  it.each([
    ['a', 0, 'abcd'],
    ['a', 3, 'bcda'],
    ['a', 2, 'bcad'],
    ['d', 0, 'dabc'],
    ['c', 1, 'acbd'],
    ['b', -3, 'bacd'],
    ['b', 10, 'acdb'],
    ['b', Number.POSITIVE_INFINITY, 'acdb'],
    ['c', Number.NEGATIVE_INFINITY, 'cabd'],
    ['b', 2.4, 'acbd'],
    ['b', 2.6, 'acdb'],
    ['b', Number.NaN, 'abcd'],
    ['missing', 0, 'abcd'],
  ])('moves %s to %s → %s', (id, index, expected) => {
    expect(ids(moveTo(list, id, index))).toBe(expected);
  });

  it('never loses or duplicates an item, whatever is asked', () => {
    // Invariant: the result is always a permutation of the input.
    const sorted = ids(list);
    for (const item of list) {
      for (let index = -2; index <= list.length + 2; index += 1) {
        const moved = moveTo(list, item.id, index);
        expect(moved).toHaveLength(list.length);
        expect(ids(moved).split('').sort().join('')).toBe(sorted);
        expect(moved.findIndex((m) => m.id === item.id)).toBe(Math.min(Math.max(index, 0), list.length - 1));
      }
    }
  });

  it('moveBy is moveTo from where the item is', () => {
    for (const [from, item] of list.entries()) {
      for (let delta = -4; delta <= 4; delta += 1) {
        expect(ids(moveBy(list, item.id, delta))).toBe(ids(moveTo(list, item.id, from + delta)));
      }
    }
  });
});

describe('renumber', () => {
  it('gives order 0..n-1 in list order', () => {
    const items = [
      { id: 'x', order: 5 },
      { id: 'y', order: 0 },
      { id: 'z', order: 2 },
    ];
    expect(renumber(items).map((item) => item.order)).toEqual([0, 1, 2]);
    expect(renumber(items).map((item) => item.id)).toEqual(['x', 'y', 'z']);
  });

  it('keeps items already in place as the same objects, so only changes need saving', () => {
    const items = [
      { id: 'x', order: 0 },
      { id: 'y', order: 7 },
    ];
    const renumbered = renumber(items);
    expect(renumbered[0]).toBe(items[0]);
    expect(renumbered[1]).not.toBe(items[1]);
    expect(items[1]?.order).toBe(7);
  });

  it('is empty for an empty list', () => {
    expect(renumber([])).toEqual([]);
  });
});

describe('sortByOrder', () => {
  it('sorts by order, then id for a tie, without touching the input', () => {
    const items = [
      { id: 'b', order: 1 },
      { id: 'c', order: 0 },
      { id: 'a', order: 1 },
    ];
    expect(sortByOrder(items).map((item) => item.id)).toEqual(['c', 'a', 'b']);
    expect(items.map((item) => item.id)).toEqual(['b', 'c', 'a']);
    expect(byOrder(items[0]!, items[0]!)).toBe(0);
  });
});
