// Reflection across meetings for the programme office (issue 24): a group's meetings over time,
// and every group side by side for a period. The figures are summed in SQL over the summaries'
// `figures` (what the pages read of each body, kept by the database: migration 004), one row per
// meeting or per group, so a page never loads the summaries themselves: its work is bounded by the
// meetings of the groups on that page.
import type { Queryable } from './db.js';

/** Talk time of one perspective over the chosen meetings. */
export interface TalkFigure {
  perspective: string;
  talkSeconds: number;
  fairShareSeconds: number;
  /** The most people of this perspective present at any one of the meetings. */
  mostPresent: number;
}

/** How many gave each answer to one check-in question over the chosen meetings. */
export interface CheckInFigure {
  prompt: string;
  counts: Record<string, number>;
}

/** The figures of one meeting, or of one group's meetings in a period. */
export interface Figures {
  meetings: number;
  talk: TalkFigure[];
  checkIn: CheckInFigure[];
  /** Decisions made in the group (consensus, vote or the chair), deferred, or made elsewhere. */
  decisions: { inGroup: number; deferred: number; elsewhere: number };
  /**
   * Each action as it last stood in the meetings chosen (an action followed up at several meetings
   * counts once, as the latest says): done by its due date, done after it, done on a day not sent
   * (summaries from before Heard sent it), open past its due date at that meeting, open and not yet
   * due, dropped.
   */
  actions: { onTime: number; late: number; doneUndated: number; overdue: number; open: number; dropped: number };
  dissent: { parked: number; resolved: number; standing: number };
  jargon: number;
}

export const emptyFigures = (): Figures => ({
  meetings: 0,
  talk: [],
  checkIn: [],
  decisions: { inGroup: 0, deferred: 0, elsewhere: 0 },
  actions: { onTime: 0, late: 0, doneUndated: 0, overdue: 0, open: 0, dropped: 0 },
  dissent: { parked: 0, resolved: 0, standing: 0 },
  jargon: 0,
});

/** Which summaries, and what one row of figures stands for: a meeting (its summary id) or a group. */
type Choice = { by: 'meeting'; ids: string[] } | { by: 'group'; groupIds: string[] | null; from: string; to: string };

function chosen(choice: Choice): { cte: string; params: unknown[] } {
  if (choice.by === 'meeting') {
    return { cte: 'SELECT id::text AS k, id, meeting_date, figures FROM summaries WHERE id = ANY($1::uuid[])', params: [choice.ids] };
  }
  return {
    cte: 'SELECT group_id AS k, id, meeting_date, figures FROM summaries WHERE ($1::text[] IS NULL OR group_id = ANY($1::text[])) AND meeting_date BETWEEN $2::date AND $3::date',
    params: [choice.groupIds, choice.from, choice.to],
  };
}

const TALK_SQL = (cte: string) => `/* reflection-talk */ WITH chosen AS (${cte})
SELECT k, v->>'perspective' AS perspective,
  sum((v->>'talkSeconds')::bigint) AS talk,
  sum((v->>'fairShareSeconds')::bigint) AS fair,
  max((v->>'present')::integer) AS most_present
FROM chosen CROSS JOIN LATERAL jsonb_array_elements(figures->'voiceBalance') AS v
GROUP BY k, v->>'perspective'
ORDER BY k, v->>'perspective'`;

const CHECK_IN_SQL = (cte: string) => `/* reflection-check-in */ WITH chosen AS (${cte})
SELECT k, p->>'prompt' AS prompt, a.key AS answer, sum((a.value #>> '{}')::bigint) AS n
FROM chosen
  CROSS JOIN LATERAL jsonb_array_elements(figures->'checkIn'->'prompts') AS p
  CROSS JOIN LATERAL jsonb_each(p->'counts') AS a
GROUP BY k, p->>'prompt', a.key
ORDER BY k, p->>'prompt', a.key`;

const COUNTS_SQL = (cte: string) => `/* reflection-counts */ WITH chosen AS (${cte})
SELECT k, count(*) AS meetings,
  sum((figures->'decisions'->>'inGroup')::bigint) AS in_group,
  sum((figures->'decisions'->>'deferred')::bigint) AS deferred,
  sum((figures->'decisions'->>'elsewhere')::bigint) AS elsewhere,
  sum((figures->'dissent'->>'parked')::bigint) AS parked,
  sum((figures->'dissent'->>'resolved')::bigint) AS resolved,
  sum((figures->'dissent'->>'standing')::bigint) AS standing,
  sum((figures->>'jargon')::bigint) AS jargon
FROM chosen
GROUP BY k`;

// Every action once: those agreed at a meeting and those followed up at one, the latest meeting's
// word on each. An action from before actions had a ref is its own (its summary and place).
const ACTIONS_SQL = (cte: string) => `/* reflection-actions */ WITH chosen AS (${cte}),
every AS (
  SELECT k, meeting_date, x, COALESCE(x->>'ref', id::text || '#' || n) AS ref
  FROM chosen CROSS JOIN LATERAL jsonb_array_elements(figures->'actions') WITH ORDINALITY AS a(x, n)
  UNION ALL
  SELECT k, meeting_date, x, x->>'ref' AS ref
  FROM chosen CROSS JOIN LATERAL jsonb_array_elements(figures->'followedUp') AS f(x)
),
latest AS (SELECT DISTINCT ON (k, ref) k, meeting_date, x FROM every ORDER BY k, ref, meeting_date DESC)
SELECT k,
  count(*) FILTER (WHERE x->>'status' = 'done' AND (x->>'doneOn')::date <= (x->>'due')::date) AS on_time,
  count(*) FILTER (WHERE x->>'status' = 'done' AND (x->>'doneOn')::date > (x->>'due')::date) AS late,
  count(*) FILTER (WHERE x->>'status' = 'done' AND x->>'doneOn' IS NULL) AS done_undated,
  count(*) FILTER (WHERE x->>'status' = 'open' AND (x->>'due')::date < meeting_date) AS overdue,
  count(*) FILTER (WHERE x->>'status' = 'open' AND (x->>'due')::date >= meeting_date) AS open,
  count(*) FILTER (WHERE x->>'status' = 'dropped') AS dropped
FROM latest
GROUP BY k`;

type Numeric = string | number | null;

/** The shares of talk and of check-in answers: all that "what changed most" compares. */
export type Shares = Pick<Figures, 'talk' | 'checkIn'>;

/**
 * The figures for each meeting or group chosen, by its key (summary id or group id). With
 * `sharesOnly`, only talk and check-in are summed (the rest stay empty): half the queries.
 */
async function figuresBy(db: Queryable, choice: Choice, sharesOnly = false): Promise<Map<string, Figures>> {
  const { cte, params } = chosen(choice);
  const none = Promise.resolve([]);
  const [talk, checkIn, counts, actions] = await Promise.all([
    db.query<{ k: string; perspective: string; talk: Numeric; fair: Numeric; most_present: Numeric }>(TALK_SQL(cte), params),
    db.query<{ k: string; prompt: string; answer: string; n: Numeric }>(CHECK_IN_SQL(cte), params),
    sharesOnly ? none : db.query<Record<string, Numeric> & { k: string }>(COUNTS_SQL(cte), params),
    sharesOnly ? none : db.query<Record<string, Numeric> & { k: string }>(ACTIONS_SQL(cte), params),
  ]);
  const byKey = new Map<string, Figures>();
  const of = (k: string) => {
    let figures = byKey.get(k);
    if (!figures) byKey.set(k, (figures = emptyFigures()));
    return figures;
  };
  for (const row of counts) {
    const f = of(row.k);
    const n = (column: string) => Number(row[column] ?? 0);
    f.meetings = n('meetings');
    f.decisions = { inGroup: n('in_group'), deferred: n('deferred'), elsewhere: n('elsewhere') };
    f.dissent = { parked: n('parked'), resolved: n('resolved'), standing: n('standing') };
    f.jargon = n('jargon');
  }
  for (const row of actions) {
    const n = (column: string) => Number(row[column] ?? 0);
    of(row.k).actions = { onTime: n('on_time'), late: n('late'), doneUndated: n('done_undated'), overdue: n('overdue'), open: n('open'), dropped: n('dropped') };
  }
  for (const row of talk) {
    of(row.k).talk.push({
      perspective: row.perspective,
      talkSeconds: Number(row.talk ?? 0),
      fairShareSeconds: Number(row.fair ?? 0),
      mostPresent: Number(row.most_present ?? 0),
    });
  }
  for (const row of checkIn) {
    const list = of(row.k).checkIn;
    let prompt = list.find((p) => p.prompt === row.prompt);
    if (!prompt) list.push((prompt = { prompt: row.prompt, counts: {} }));
    prompt.counts[row.answer] = Number(row.n ?? 0);
  }
  return byKey;
}

/** One meeting of a group, as its timeline lists it. */
export interface TimelineMeeting {
  id: string;
  date: string;
  figures: Figures;
}

export const TIMELINE_PAGE = 12;
export const PROGRAMME_PAGE = 20;

/**
 * One page of a group's meetings, oldest first: page 0 is the latest `limit` meetings, page 1 the
 * `limit` before those, and so on. A group holds one tablet's meetings (a few hundred at most), so
 * counting back along its (group, date) index is cheap.
 */
export async function groupTimeline(
  db: Queryable,
  groupId: string,
  page: number,
  limit = TIMELINE_PAGE,
): Promise<{ meetings: TimelineMeeting[]; total: number }> {
  const [rows, [counted]] = await Promise.all([
    db.query<{ id: string; date: string }>(
      `/* timeline-page */ SELECT id::text AS id, meeting_date::text AS date FROM summaries WHERE group_id = $1
       ORDER BY meeting_date DESC, id DESC OFFSET $2 LIMIT $3`,
      [groupId, page * limit, limit],
    ),
    db.query<{ total: Numeric }>('/* timeline-count */ SELECT count(*) AS total FROM summaries WHERE group_id = $1', [groupId]),
  ]);
  const meetings = rows.reverse();
  const figures = await figuresBy(db, { by: 'meeting', ids: meetings.map((m) => m.id) });
  return { meetings: meetings.map((m) => ({ ...m, figures: figures.get(m.id) ?? emptyFigures() })), total: Number(counted?.total ?? 0) };
}

/** A group as the office names it: the name its tablet last sent, if it sends names. */
export async function groupNames(db: Queryable, groupIds: readonly string[]): Promise<Map<string, string>> {
  if (groupIds.length === 0) return new Map();
  // Each group's latest named summary, found along the index of named summaries (migration 004):
  // a group that never sent a name costs one empty look-up, not a read of every summary it has.
  const rows = await db.query<{ group_id: string; name: string }>(
    `/* group-names */ SELECT g.group_id, latest.name FROM unnest($1::text[]) AS g(group_id)
     CROSS JOIN LATERAL (
       SELECT body->>'groupName' AS name FROM summaries
       WHERE summaries.group_id = g.group_id AND body ? 'groupName'
       ORDER BY meeting_date DESC, updated_at DESC LIMIT 1
     ) AS latest`,
    [[...groupIds]],
  );
  return new Map(rows.map((r) => [r.group_id, r.name]));
}

/** A period of meeting dates, from and to inclusive (yyyy-MM-dd). */
export interface Period {
  key: string;
  from: string;
  to: string;
}

/**
 * One page of the groups that met in a period, after `after`: read from the ids of every group
 * that met (the kept sums' keys, in JavaScript's string order, which the cursor `after` follows
 * too), so the page, its total and how many came before it cost no query of their own.
 */
export function pageOfGroups(
  everyGroupId: readonly string[],
  after: string | null,
  limit = PROGRAMME_PAGE,
): { groupIds: string[]; next: string | null; total: number; before: number } {
  const rest = after === null ? everyGroupId : everyGroupId.filter((groupId) => groupId > after);
  const groupIds = rest.slice(0, limit);
  const total = everyGroupId.length;
  return { groupIds, next: rest.length > limit ? groupIds[groupIds.length - 1]! : null, total, before: total - rest.length };
}

/**
 * Each group's figures for its meetings in the period (a group with none there is absent): of the
 * groups in `groupIds`, or of every group when it is null.
 */
export function programmeFigures(db: Queryable, groupIds: string[] | null, period: Period): Promise<Map<string, Figures>> {
  return groupIds?.length === 0 ? Promise.resolve(new Map()) : figuresBy(db, { by: 'group', groupIds, from: period.from, to: period.to });
}

/** Each group's shares of talk and check-in answers for its meetings in the period: of the groups in `groupIds`, or of every group. */
export function programmeShares(db: Queryable, period: Period, groupIds: string[] | null = null): Promise<Map<string, Shares>> {
  return groupIds?.length === 0 ? Promise.resolve(new Map()) : figuresBy(db, { by: 'group', groupIds, from: period.from, to: period.to }, true);
}

/** The first and last meeting dates stored, for the period chooser. */
export async function meetingDateRange(db: Queryable): Promise<{ first: string; last: string } | null> {
  const [row] = await db.query<{ first: string | null; last: string | null }>(
    '/* meeting-date-range */ SELECT min(meeting_date)::text AS first, max(meeting_date)::text AS last FROM summaries',
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
