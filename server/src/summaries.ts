// Storing and reading summaries. Idempotent by id in one statement: INSERT … ON CONFLICT with a
// revision guard, so two identical requests at once can never make two rows, and an older
// revision can never overwrite a newer one.
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

export const UPSERT_SQL = `
INSERT INTO summaries AS s (id, revision, group_id, meeting_id, meeting_date, body, device_key_id)
VALUES ($1, $2, $3, $4, $5::date, $6::jsonb, $7)
ON CONFLICT (id) DO UPDATE SET
  revision = EXCLUDED.revision,
  group_id = EXCLUDED.group_id,
  meeting_date = EXCLUDED.meeting_date,
  body = EXCLUDED.body,
  device_key_id = EXCLUDED.device_key_id,
  updated_at = now()
WHERE s.revision < EXCLUDED.revision AND s.meeting_id = EXCLUDED.meeting_id
RETURNING s.id, s.revision, s.meeting_id, s.received_at, s.updated_at, s.body, (s.xmax = 0) AS inserted`;

export function upsertParams(summary: Summary, keyId: string | null): unknown[] {
  return [summary.id, summary.revision, summary.groupId, summary.meetingId, summary.date, JSON.stringify(summary), keyId];
}

export async function storeSummary(
  db: Queryable,
  summary: Summary,
  keyId: string | null,
): Promise<{ outcome: StoreOutcome; stored: StoredSummary }> {
  const written = await db.query<Row>(UPSERT_SQL, upsertParams(summary, keyId));
  if (written[0]) return { outcome: written[0].inserted ? 'created' : 'updated', stored: toStored(written[0]) };
  // The row exists and was not replaced: the same or a newer revision is stored, or the id is
  // another meeting's.
  const rows = await db.query<Row>(
    'SELECT id, revision, meeting_id, received_at, updated_at, body FROM summaries WHERE id = $1',
    [summary.id],
  );
  const row = rows[0];
  if (!row) throw new Error('A summary that conflicted on insert is gone.');
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
