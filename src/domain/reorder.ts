/**
 * Reordering shared by the up/down buttons (moveBy) and by drag (moveTo), so
 * keyboard, switch and touch users get exactly the same result.
 */

/**
 * `list` with the item `id` moved to `index` (clamped to the list), as a new
 * array. An unknown id gives a copy in the same order: a stale drag after a
 * delete must not lose or duplicate anything.
 */
export function moveTo<T extends { id: string }>(list: readonly T[], id: string, index: number): T[] {
  const from = list.findIndex((item) => item.id === id);
  const copy = list.slice();
  // NaN comes from a broken drop target: leave everything where it was.
  if (from < 0 || Number.isNaN(index)) return copy;
  const target = clampIndex(index, copy.length);
  if (target === from) return copy;
  const [moved] = copy.splice(from, 1);
  if (moved === undefined) return copy;
  copy.splice(target, 0, moved);
  return copy;
}

/** Moves `id` by `delta` places (-1 is "up"); stops at the ends rather than wrapping. */
export function moveBy<T extends { id: string }>(list: readonly T[], id: string, delta: number): T[] {
  const from = list.findIndex((item) => item.id === id);
  if (from < 0) return list.slice();
  return moveTo(list, id, from + delta);
}

/**
 * `order` 0..n-1 in list order. Items already in place are returned as the
 * same objects, so a caller can save only the ones that changed.
 */
export function renumber<T extends { order: number }>(list: readonly T[]): T[] {
  return list.map((item, index) => (item.order === index ? item : { ...item, order: index }));
}

/** Sorts by `order`, then id, so two devices with a tie still show one order. */
export function byOrder<T extends { order: number; id: string }>(a: T, b: T): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortByOrder<T extends { order: number; id: string }>(list: readonly T[]): T[] {
  return list.slice().sort(byOrder);
}

function clampIndex(index: number, length: number): number {
  // A fractional index from a drop between rows rounds to the nearer place.
  return Math.min(Math.max(Math.round(index), 0), length - 1);
}

/**
 * What to save when `id` moves to `index` in `list`: only the items whose
 * `order` changed, renumbered. An empty array when nothing moved.
 */
export function reorderedTo<T extends { id: string; order: number }>(list: readonly T[], id: string, index: number): T[] {
  const sorted = sortByOrder(list);
  return renumber(moveTo(sorted, id, index)).filter((item) => !sorted.includes(item));
}

export function reorderedBy<T extends { id: string; order: number }>(list: readonly T[], id: string, delta: number): T[] {
  const from = sortByOrder(list).findIndex((item) => item.id === id);
  return from < 0 ? [] : reorderedTo(list, id, from + delta);
}
