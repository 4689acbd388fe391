// The programme reflection page's sums, kept between requests (issue 24). Summing every group's
// meetings over a quarter takes about a third of a second at 100,000 summaries, and a group's sums
// change only when its summaries do. Each group's sums are kept with its change count (migration
// 005), which every statement that writes a group's summaries raises in the same transaction (a
// send, a revision, an erasure, a deletion); a request reads the counts and sums again only the
// groups whose count has moved. So a new summary costs its own group's sums, not the programme's.
//
// Counts are read before the sums. A change that lands between the two is in the sums but not in
// the count kept with them, so the next request sums that group again: never the other way round.
import type { Queryable } from './db.js';
import { programmeFigures, programmeShares, type Figures, type Period, type Shares } from './reflection.js';

/** How many periods' sums are kept (a period and the one before it for each page asked for). */
const PERIODS_KEPT = 8;

export interface FigureCache {
  /**
   * Each group's figures for its meetings in the period, as `programmeFigures` gives them for every
   * group, in the order of their ids as JavaScript compares strings (the programme page pages by it).
   */
  figures(period: Period): Promise<Map<string, Figures>>;
  /** Each group's shares of talk and check-in answers in the period, as `programmeShares` gives them. */
  shares(period: Period): Promise<Map<string, Shares>>;
}

interface Kept<T> {
  /** Each group's change count when its sums were made. */
  counts: Map<string, string | null>;
  sums: Map<string, T>;
  /** The refresh under way: the next waits for it rather than summing the same groups beside it. */
  busy: Promise<unknown>;
}

export function createFigureCache(db: Queryable, periodsKept = PERIODS_KEPT): FigureCache {
  const kept = new Map<string, Kept<Figures | Shares>>();

  /**
   * The groups with meetings in the period, each with its change count; null for a group nobody
   * owns (summaries from before keys had owners), which is summed at every request.
   */
  async function changeCounts(period: Period): Promise<Map<string, string | null>> {
    const rows = await db.query<{ group_id: string; changes: unknown }>(
      // One probe of group_owners per group that met: a join would read every group ever owned.
      `/* group-changes */ SELECT g.group_id, (SELECT o.changes::text FROM group_owners o WHERE o.group_id = g.group_id) AS changes
       FROM (SELECT DISTINCT group_id FROM summaries WHERE meeting_date BETWEEN $1::date AND $2::date) AS g`,
      [period.from, period.to],
    );
    return new Map(rows.map((row) => [row.group_id, row.changes === null ? null : String(row.changes)]));
  }

  async function refresh<T>(entry: Kept<T>, period: Period, sum: (groupIds: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>> {
    const counts = await changeCounts(period);
    const stale = [...counts].filter(([groupId, count]) => count === null || entry.counts.get(groupId) !== count).map(([groupId]) => groupId);
    if (stale.length > 0) {
      const sums = await sum(stale);
      for (const groupId of stale) {
        const figures = sums.get(groupId);
        // A group whose summaries in the period were deleted since the counts were read has no sums.
        if (figures) entry.sums.set(groupId, figures);
        else entry.sums.delete(groupId);
        entry.counts.set(groupId, counts.get(groupId) ?? null);
      }
    }
    return new Map([...entry.sums].filter(([groupId]) => counts.has(groupId)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  function read<T extends Figures | Shares>(kind: string, period: Period, sum: (groupIds: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>> {
    const key = `${kind} ${period.from} ${period.to}`;
    const entry = (kept.get(key) ?? { counts: new Map(), sums: new Map(), busy: Promise.resolve() }) as Kept<T>;
    // The most recently read last, so the first in the map is the one to drop.
    kept.delete(key);
    kept.set(key, entry as Kept<Figures | Shares>);
    for (const old of kept.keys()) if (kept.size > periodsKept) kept.delete(old);
    const result = entry.busy.then(() => refresh(entry, period, sum));
    entry.busy = result.catch(() => undefined);
    return result;
  }

  return {
    figures: (period) => read('figures', period, (groupIds) => programmeFigures(db, groupIds, period)),
    shares: (period) => read('shares', period, (groupIds) => programmeShares(db, period, groupIds)),
  };
}
