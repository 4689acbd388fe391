// The server's own retention of summaries (issue 11): summaries whose meeting was held longer ago
// than the chosen number of months are deleted when the server starts and once a day after.
import { QueryError, type Queryable } from './db.js';
import { purgeExpiredSessions } from './keys.js';
import { COUNT_CHANGE } from './summaries.js';

export const RETENTION_EVERY_MS = 24 * 60 * 60_000;
export const MAX_RETENTION_MONTHS = 1200;

/** Deletes summaries of meetings held before `today` minus `months`; returns how many. */
export async function deleteExpiredSummaries(db: Queryable, months: number, today: Date = new Date()): Promise<number> {
  const day = today.toISOString().slice(0, 10);
  const [row] = await db.query<{ n: unknown }>(
    `/* retention */ WITH gone AS (
       DELETE FROM summaries WHERE meeting_date < ($2::date - make_interval(months => $1::integer)) RETURNING group_id
     ), counted AS (${COUNT_CHANGE('SELECT group_id FROM gone')})
     SELECT count(*) AS n FROM gone`,
    [months, day],
  );
  return Number(row?.n ?? 0);
}

/** A whole number of months from 1 to 1200, or an error in words. */
export function parseRetentionMonths(raw: string | undefined, where: string): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const months = Number(raw.trim());
  if (!Number.isInteger(months) || months < 1 || months > MAX_RETENTION_MONTHS) {
    throw new Error(`${where} must be a whole number of months from 1 to ${MAX_RETENTION_MONTHS}, for example 24 (it was "${raw}").`);
  }
  return months;
}

/** Runs now, then every `everyMs`; stop() ends it. Errors are logged, never thrown: the next run tries again. */
export function startRetention(db: Queryable, months: number, everyMs = RETENTION_EVERY_MS): { first: Promise<number>; stop(): void } {
  const run = () =>
    deleteExpiredSummaries(db, months).then(
      (n) => {
        if (n > 0) console.log(`Retention: deleted ${n} summar${n === 1 ? 'y' : 'ies'} of meetings more than ${months} months ago.`);
        return n;
      },
      (error: Error) => {
        console.error('Retention could not delete old summaries:', error.message);
        return 0;
      },
    );
  const first = run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}

export const HOUSEKEEPING_EVERY_MS = 60 * 60_000;
/**
 * Erasure and deletion requests are kept this long after they arrive: long enough for a tablet's
 * retry of a lost reply (it is answered "unchanged", not carried out again), not for ever.
 */
export const REQUEST_ROWS_KEPT_DAYS = 90;

/** Deletes office sessions past their end and request rows older than REQUEST_ROWS_KEPT_DAYS. */
export async function purgeOldRows(db: Queryable): Promise<{ sessions: number; requests: number }> {
  const sessions = await purgeExpiredSessions(db);
  const requests = (
    await db.query("DELETE FROM privacy_requests WHERE received_at < now() - make_interval(days => $1::integer) RETURNING id", [REQUEST_ROWS_KEPT_DAYS])
  ).length;
  return { sessions, requests };
}

/** Purges every `everyMs` (the first an interval after the start); stop() ends it. Errors wait for the next run. */
export function startHousekeeping(db: Queryable, everyMs = HOUSEKEEPING_EVERY_MS): { stop(): void } {
  const timer = setInterval(() => {
    // A QueryError's message names the statement only; any other error's may quote data.
    purgeOldRows(db).catch((error: Error) => console.error(`Housekeeping could not purge old rows: ${error instanceof QueryError ? error.message : error.name}`));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
