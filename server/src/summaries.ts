// Storing and reading summaries. Idempotent by id in one statement: INSERT … ON CONFLICT with a
// revision guard, so two identical requests at once can never make two rows, and an older
// revision can never overwrite a newer one. The group's owner is checked in that same statement.
import { isoTime, type Queryable } from './db.js';
import type { Summary } from './summary-schema.js';

export type StoreOutcome = 'created' | 'updated' | 'unchanged' | 'ignored';

export interface StoredSummary {
  id: string;
  revision: number;
  receivedAt: string;
  updatedAt: string;
  summary: Summary;
}

interface Row {
  id: string;
  revision: number;
  meeting_id: string;
  received_at: unknown;
  updated_at: unknown;
  body: unknown;
  inserted?: boolean;
}

const parseBody = (body: unknown): Summary => (typeof body === 'string' ? JSON.parse(body) : body) as Summary;

const toStored = (row: Row): StoredSummary => ({
  id: row.id,
  revision: Number(row.revision),
  receivedAt: isoTime(row.received_at),
  updatedAt: isoTime(row.updated_at),
  summary: parseBody(row.body),
});

const COLUMNS = '(id, revision, group_id, meeting_id, meeting_date, body, device_key_id)';
const ON_CONFLICT = `
ON CONFLICT (id) DO UPDATE SET
  revision = EXCLUDED.revision,
  meeting_date = EXCLUDED.meeting_date,
  body = EXCLUDED.body,
  device_key_id = EXCLUDED.device_key_id,
  updated_at = now()
WHERE s.revision < EXCLUDED.revision AND s.meeting_id = EXCLUDED.meeting_id AND s.group_id = EXCLUDED.group_id
RETURNING s.received_at, s.updated_at, (s.xmax = 0) AS inserted`;

/**
 * Adds one to the change count of the groups `groupIds` (an SQL list or value) owns: how the
 * programme page's kept sums know a group's summaries changed (migration 005, figure-cache.ts).
 * Every statement that writes summaries runs it, in the same statement or transaction. A group
 * claimed by the same statement is not seen by it (one snapshot) and starts at 0, which is still
 * a change to a reader that had no count for it.
 */
export const COUNT_CHANGE = (groupIds: string) => `UPDATE group_owners SET changes = changes + 1 WHERE group_id IN (${groupIds})`;

/**
 * Stores one summary row: what the benchmark times as the direct insert, and a test's way to store
 * a row with no key. It counts no change (COUNT_CHANGE): not for the server's own writes.
 */
export const UPSERT_SQL = `INSERT INTO summaries AS s ${COLUMNS}
VALUES ($1, $2, $3, $4, $5::date, $6::jsonb, $7)${ON_CONFLICT}`;

/**
 * The same insert, made only when the group is the sending key's (`$7`, a device key's id): a group
 * nobody has yet becomes that key's in the same statement, so a summary costs one round trip. Both
 * parts of `owner` read one snapshot: exactly one of them has a row when the claim was made or the
 * group was owned before the statement began (a claim made by another statement at the same moment
 * leaves both empty, and nothing is written).
 */
export const OWNED_UPSERT_SQL = `/* store-summary */ WITH claim AS (
  INSERT INTO group_owners (group_id, key_id) VALUES ($3, $7) ON CONFLICT (group_id) DO NOTHING RETURNING key_id
), counted AS (
  ${COUNT_CHANGE('$3')}
), owner AS (
  SELECT key_id FROM claim UNION ALL SELECT key_id FROM group_owners WHERE group_id = $3
)
INSERT INTO summaries AS s ${COLUMNS}
SELECT $1::uuid, $2::integer, $3::text, $4::text, $5::date, $6::jsonb, $7::text
WHERE $7::text = (SELECT key_id FROM owner LIMIT 1)${ON_CONFLICT}`;

export function upsertParams(summary: Summary, keyId: string | null): unknown[] {
  return [summary.id, summary.revision, summary.groupId, summary.meetingId, summary.date, JSON.stringify(summary), keyId];
}

/** When nothing was written: whose the group is now, and what is stored under the id. */
const AFTER_NO_WRITE_SQL = `/* summary-not-written */
SELECT o.key_id AS owner, s.id, s.revision, s.group_id, s.meeting_id, s.received_at, s.updated_at, s.body
FROM (SELECT 1) AS one
LEFT JOIN group_owners o ON o.group_id = $2
LEFT JOIN summaries s ON s.id = $1::uuid`;

/** The same JSON value, whatever the order of its objects' keys (jsonb keeps its own order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameJson(item, (b as unknown[])[i]));
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const left = defined(a);
  const right = new Map(defined(b));
  return left.length === right.size && left.every(([key, value]) => right.has(key) && sameJson(value, right.get(key)));
}

export type Refusal =
  /** The group is another device key's. */
  | 'forbidden'
  /** The id is another meeting's or another group's summary. */
  | 'conflict'
  /** The same id and revision is stored with a different body. */
  | 'changed';

/** A summary's answer: refused, or stored with what the server now holds. */
export type StoreResult = { outcome: Refusal } | { outcome: StoreOutcome; stored: StoredSummary };

type WrittenRow = Pick<Row, 'received_at' | 'updated_at' | 'inserted'>;

const writtenResult = (summary: Summary, written: WrittenRow): StoreResult => ({
  outcome: written.inserted ? 'created' : 'updated',
  stored: { id: summary.id, revision: summary.revision, receivedAt: isoTime(written.received_at), updatedAt: isoTime(written.updated_at), summary },
});

/**
 * Why a summary was not written, from what is stored now; null when nothing is stored under its id
 * (another statement claimed its new group at the same moment: the caller tries again).
 */
async function whyNotWritten(db: Queryable, summary: Summary, keyId: string): Promise<StoreResult | null> {
  const [row] = await db.query<Row & { owner: string | null; group_id: string | null }>(AFTER_NO_WRITE_SQL, [summary.id, summary.groupId]);
  if (row?.owner && row.owner !== keyId) return { outcome: 'forbidden' };
  if (!row?.id) return null;
  if (row.meeting_id !== summary.meetingId || row.group_id !== summary.groupId) return { outcome: 'conflict' };
  const stored = toStored(row);
  if (stored.revision > summary.revision) return { outcome: 'ignored', stored };
  return sameJson(stored.summary, summary) ? { outcome: 'unchanged', stored } : { outcome: 'changed' };
}

/**
 * Stores the summary sent with device key `keyId`, if the group is that key's or nobody's yet. A
 * new or newer summary is stored in one statement and answered from what was sent (the row now
 * holds exactly that); only a summary that was not written needs a second query, to say why.
 */
export async function storeSummary(db: Queryable, summary: Summary, keyId: string): Promise<StoreResult> {
  // A second try only when another statement claimed the group at the same moment.
  for (let attempt = 0; ; attempt += 1) {
    const [written] = await db.query<WrittenRow>(OWNED_UPSERT_SQL, upsertParams(summary, keyId));
    if (written) return writtenResult(summary, written);
    const why = await whyNotWritten(db, summary, keyId);
    if (why) return why;
    if (attempt >= 2) throw new Error('A summary that was not written is not stored either.');
  }
}

/**
 * OWNED_UPSERT_SQL for many summaries in one statement: `$1` a JSON array of summaries, `$2` the
 * device key id each was sent with (an array in the same order; one batch's keys are all one, the
 * single sends coalesced into one statement are many tablets'). Each new group is claimed for the
 * key of its first summary, and a row is written only where its group is that row's key's, in the
 * one statement, so what is written is written whole or not at all. The ids must be distinct (one
 * statement cannot change a row twice).
 */
export const OWNED_BATCH_UPSERT_SQL = `/* store-summaries */ WITH input AS (
  SELECT (e->>'id')::uuid AS id, (e->>'revision')::integer AS revision, e->>'groupId' AS group_id,
         e->>'meetingId' AS meeting_id, (e->>'date')::date AS meeting_date, e AS body, k.key_id, n
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(e, n)
  JOIN unnest($2::text[]) WITH ORDINALITY AS k(key_id, kn) ON kn = n
), claim AS (
  INSERT INTO group_owners (group_id, key_id) SELECT DISTINCT ON (group_id) group_id, key_id FROM input ORDER BY group_id, n
  ON CONFLICT (group_id) DO NOTHING RETURNING group_id, key_id
), counted AS (
  ${COUNT_CHANGE('(SELECT group_id FROM input)')}
), owner AS (
  SELECT group_id, key_id FROM claim
  UNION ALL SELECT group_id, key_id FROM group_owners WHERE group_id IN (SELECT group_id FROM input)
)
INSERT INTO summaries AS s ${COLUMNS}
SELECT i.id, i.revision, i.group_id, i.meeting_id, i.meeting_date, i.body, i.key_id FROM input i
WHERE i.key_id = (SELECT o.key_id FROM owner o WHERE o.group_id = i.group_id LIMIT 1)${ON_CONFLICT.replace('RETURNING ', 'RETURNING s.id, ')}`;

/** A summary and the device key id it was sent with. */
export interface Sent {
  summary: Summary;
  keyId: string;
}

/** The summaries' new and newer rows written in one statement, by id (lower case). */
async function writeSent(db: Queryable, sent: readonly Sent[]): Promise<Map<string, WrittenRow>> {
  const rows = await db.query<WrittenRow & { id: string }>(OWNED_BATCH_UPSERT_SQL, [
    JSON.stringify(sent.map((s) => s.summary)),
    sent.map((s) => s.keyId),
  ]);
  return new Map(rows.map((row) => [row.id.toLowerCase(), row]));
}

/** A summary's answer once the statement has run: from its written row, or from what is stored. */
async function answerSent(db: Queryable, { summary, keyId }: Sent, written: Map<string, WrittenRow>): Promise<StoreResult> {
  const row = written.get(summary.id.toLowerCase());
  if (row) return writtenResult(summary, row);
  // Not written and nothing stored: a claim raced this statement; storeSummary tries again alone.
  return (await whyNotWritten(db, summary, keyId)) ?? (await storeSummary(db, summary, keyId));
}

/**
 * Stores several summaries, each sent with its own device key, with the same answer for each as
 * storeSummary would give it alone. The new and newer ones are written in one statement (one round
 * trip for them all); only those not written need a query each, to say why. Ids must be distinct.
 */
export async function storeSent(db: Queryable, sent: readonly Sent[]): Promise<StoreResult[]> {
  if (sent.length === 0) return [];
  const written = await writeSent(db, sent);
  const results: StoreResult[] = [];
  for (const one of sent) results.push(await answerSent(db, one, written));
  return results;
}

/** Several summaries sent with device key `keyId` (a batch), as storeSent stores them. Ids must be distinct. */
export function storeSummaries(db: Queryable, summaries: readonly Summary[], keyId: string): Promise<StoreResult[]> {
  return storeSent(db, summaries.map((summary) => ({ summary, keyId })));
}

/** A send's answer, or the error that stopped it. */
export type SentOutcome = StoreResult | { error: unknown };

/**
 * Single sends that arrived together (group commit), stored as storeSent stores them, each with its
 * own answer or error. When the one statement fails, each is stored alone: a summary the database
 * refuses fails its own send only, never the others'. Ids must be distinct.
 */
export async function storeTogether(db: Queryable, sent: readonly Sent[]): Promise<SentOutcome[]> {
  let written: Map<string, WrittenRow> | null = null;
  if (sent.length > 1) written = await writeSent(db, sent).catch(() => null);
  const results: SentOutcome[] = [];
  for (const one of sent) {
    const result = written ? answerSent(db, one, written) : storeSummary(db, one.summary, one.keyId);
    results.push(await result.catch((error: unknown) => ({ error })));
  }
  return results;
}

export interface SummaryFilter {
  group?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** One page's place: the last row's (group, meeting date, id), the listing's order. */
type Place = [groupId: string, meetingDate: string, id: string];

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;

/** A cursor is opaque to the caller: base64url of the last row's place. */
export function encodeCursor(place: Place): string {
  return Buffer.from(JSON.stringify(place), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The place in a cursor this server made, or null for anything else. */
export function decodeCursor(cursor: string): Place | null {
  try {
    const place: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(place) || place.length !== 3 || !place.every((p) => typeof p === 'string')) return null;
    const [group, date, id] = place as Place;
    return group.length <= 100 && /^\d{4}-\d{2}-\d{2}$/.test(date) && UUID.test(id) ? [group, date, id] : null;
  } catch {
    return null;
  }
}

function whereOf(filter: SummaryFilter, params: unknown[]): string[] {
  const where: string[] = [];
  if (filter.group) {
    params.push(filter.group);
    where.push(`group_id = $${params.length}`);
  }
  if (filter.from) {
    params.push(filter.from);
    where.push(`meeting_date >= $${params.length}::date`);
  }
  if (filter.to) {
    params.push(filter.to);
    where.push(`meeting_date <= $${params.length}::date`);
  }
  return where;
}

const PLACE = '(group_id, meeting_date, id)';
const placeParams = (params: unknown[], place: Place) => {
  params.push(...place);
  const n = params.length;
  return `($${n - 2}::text, $${n - 1}::date, $${n}::uuid)`;
};

/**
 * One page of summaries in a stable order (group, meeting date, id), after `cursor`'s place, and
 * the cursor of the next page (null on the last). Never more than MAX_PAGE rows.
 */
export async function listSummaries(
  db: Queryable,
  filter: SummaryFilter = {},
  page: { limit?: number; after?: Place | null } = {},
): Promise<{ summaries: StoredSummary[]; next: string | null }> {
  const limit = Math.min(Math.max(1, Math.floor(page.limit ?? DEFAULT_PAGE)), MAX_PAGE);
  const params: unknown[] = [];
  const where = whereOf(filter, params);
  if (page.after) where.push(`${PLACE} > ${placeParams(params, page.after)}`);
  params.push(limit + 1);
  // The order names the table's columns: a bare `meeting_date` would be the text column of the
  // SELECT, which no index holds, so every page would be sorted (found at 100,000 summaries).
  const rows = await db.query<Row & { group_id: string; meeting_date: string }>(
    `/* list-summaries */ SELECT id, revision, group_id, meeting_id, meeting_date::text AS meeting_date, received_at, updated_at, body FROM summaries
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY summaries.group_id, summaries.meeting_date, summaries.id
     LIMIT $${params.length}`,
    params,
  );
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return { summaries: shown.map(toStored), next: more && last ? encodeCursor([last.group_id, last.meeting_date, last.id]) : null };
}

/** How many summaries match, and how many of those come before `after` (where a page starts). */
export async function countMatching(db: Queryable, filter: SummaryFilter = {}, after: Place | null = null): Promise<{ total: number; before: number }> {
  const params: unknown[] = [];
  const where = whereOf(filter, params);
  const before = after ? `count(*) FILTER (WHERE ${PLACE} <= ${placeParams(params, after)})` : '0';
  const [row] = await db.query<{ total: unknown; before: unknown }>(
    `/* count-summaries */ SELECT count(*) AS total, ${before} AS before FROM summaries ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`,
    params,
  );
  return { total: Number(row?.total ?? 0), before: Number(row?.before ?? 0) };
}

export async function countSummaries(db: Queryable, id?: string): Promise<number> {
  const rows = id
    ? await db.query<{ n: unknown }>('SELECT count(*) AS n FROM summaries WHERE id = $1', [id])
    : await db.query<{ n: unknown }>('SELECT count(*) AS n FROM summaries');
  return Number(rows[0]?.n ?? 0);
}
