// Storing and reading summaries. Idempotent by id in one statement: INSERT … ON CONFLICT with a
// revision guard, so two identical requests at once can never make two rows, and an older
// revision can never overwrite a newer one. The device key is checked in that same statement.
import type { Queryable } from './db.js';
import type { Summary } from './summary-schema.js';

export type StoreOutcome = 'created' | 'updated' | 'unchanged' | 'ignored' | 'conflict';

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

const iso = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();
const parseBody = (body: unknown): Summary => (typeof body === 'string' ? JSON.parse(body) : body) as Summary;

const toStored = (row: Row): StoredSummary => ({
  id: row.id,
  revision: Number(row.revision),
  receivedAt: iso(row.received_at),
  updatedAt: iso(row.updated_at),
  summary: parseBody(row.body),
});

const COLUMNS = '(id, revision, group_id, meeting_id, meeting_date, body, device_key_id)';
const ON_CONFLICT = `
ON CONFLICT (id) DO UPDATE SET
  revision = EXCLUDED.revision,
  group_id = EXCLUDED.group_id,
  meeting_date = EXCLUDED.meeting_date,
  body = EXCLUDED.body,
  device_key_id = EXCLUDED.device_key_id,
  updated_at = now()
WHERE s.revision < EXCLUDED.revision AND s.meeting_id = EXCLUDED.meeting_id
RETURNING s.received_at, s.updated_at, (s.xmax = 0) AS inserted`;

/** Stores one summary row: what the benchmark times as the direct insert. */
export const UPSERT_SQL = `INSERT INTO summaries AS s ${COLUMNS}
VALUES ($1, $2, $3, $4, $5::date, $6::jsonb, $7)${ON_CONFLICT}`;

/**
 * The same insert with the device key checked inside it: the row is written only when `$7` is the
 * hash of a key that exists and is not revoked, read in the same statement, so a revoked key stops
 * working at once and a summary costs one round trip to the database.
 */
export const KEYED_UPSERT_SQL = `INSERT INTO summaries AS s ${COLUMNS}
SELECT $1::uuid, $2::integer, $3::text, $4::text, $5::date, $6::jsonb, k.id
FROM device_keys k WHERE k.key_hash = $7 AND k.revoked_at IS NULL${ON_CONFLICT}`;

export function upsertParams(summary: Summary, keyIdOrHash: string | null): unknown[] {
  return [summary.id, summary.revision, summary.groupId, summary.meetingId, summary.date, JSON.stringify(summary), keyIdOrHash];
}

/** When nothing was written: whose key it was, and what is stored under the id. */
const AFTER_NO_WRITE_SQL = `
SELECT k.id AS key_id, s.id, s.revision, s.meeting_id, s.received_at, s.updated_at, s.body
FROM (SELECT 1) AS one
LEFT JOIN device_keys k ON k.key_hash = $2 AND k.revoked_at IS NULL
LEFT JOIN summaries s ON s.id = $1::uuid`;

/**
 * Stores the summary if `keyHash` is an active device key's. A new or newer summary is stored in
 * one statement and answered from what was sent (the row now holds exactly that); only a summary
 * that was not written needs a second query, to tell a refused key from a stored revision.
 */
export async function storeSummary(
  db: Queryable,
  summary: Summary,
  keyHash: string,
): Promise<{ outcome: 'key-refused' } | { outcome: StoreOutcome; stored: StoredSummary }> {
  const [written] = await db.query<Pick<Row, 'received_at' | 'updated_at' | 'inserted'>>(KEYED_UPSERT_SQL, upsertParams(summary, keyHash));
  if (written) {
    return {
      outcome: written.inserted ? 'created' : 'updated',
      stored: { id: summary.id, revision: summary.revision, receivedAt: iso(written.received_at), updatedAt: iso(written.updated_at), summary },
    };
  }
  const [row] = await db.query<Row & { key_id: string | null }>(AFTER_NO_WRITE_SQL, [summary.id, keyHash]);
  if (!row?.key_id) return { outcome: 'key-refused' };
  // The row exists and was not replaced: the same or a newer revision is stored, or the id is
  // another meeting's.
  if (!row.id) throw new Error('A summary that conflicted on insert is gone.');
  const stored = toStored(row);
  if (row.meeting_id !== summary.meetingId) return { outcome: 'conflict', stored };
  return { outcome: stored.revision === summary.revision ? 'unchanged' : 'ignored', stored };
}

export interface SummaryFilter {
  group?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
}

export async function listSummaries(db: Queryable, filter: SummaryFilter = {}): Promise<StoredSummary[]> {
  const where: string[] = [];
  const params: unknown[] = [];
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
  params.push(filter.limit ?? 1000);
  const rows = await db.query<Row>(
    `SELECT id, revision, meeting_id, received_at, updated_at, body FROM summaries
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY group_id, meeting_date, received_at, id
     LIMIT $${params.length}`,
    params,
  );
  return rows.map(toStored);
}

export async function countSummaries(db: Queryable, id?: string): Promise<number> {
  const rows = id
    ? await db.query<{ n: unknown }>('SELECT count(*) AS n FROM summaries WHERE id = $1', [id])
    : await db.query<{ n: unknown }>('SELECT count(*) AS n FROM summaries');
  return Number(rows[0]?.n ?? 0);
}
