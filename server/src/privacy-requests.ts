// Erasure and deletion requests from tablets (UK GDPR: the right to erasure, and the chair deleting a
// meeting or a group). Idempotent by request id: the request row and the change it asks for are
// written in one transaction, so a request sent again (a lost reply, a retry) is carried out once.
// A request about something the server never had is still done: there is nothing left to remove.
import { z } from 'zod';
import type { Database, Queryable } from './db.js';
import { mayChangeGroup } from './groups.js';
import { COUNT_CHANGE } from './summaries.js';
import type { Caller } from './keys.js';

const deviceId = z.string().trim().min(1).max(100);
const uuid = z.uuid({ error: 'Must be a UUID made on the device.' });

export const PRIVACY_REQUEST_SCHEMAS = {
  /** Replace the person's name with the pseudonym in every stored summary of the group. */
  'erase-person': z.strictObject({ id: uuid, groupId: deviceId, personId: deviceId, pseudonym: z.string().trim().min(1).max(200) }),
  /** Delete the meeting's summary. */
  'delete-meeting': z.strictObject({ id: uuid, groupId: deviceId, meetingId: deviceId, summaryId: uuid }),
  /** Delete every summary of the group. */
  'delete-group': z.strictObject({ id: uuid, groupId: deviceId }),
} as const;

export type PrivacyRequestKind = keyof typeof PRIVACY_REQUEST_SCHEMAS;
export type PrivacyRequestBody<K extends PrivacyRequestKind> = z.infer<(typeof PRIVACY_REQUEST_SCHEMAS)[K]>;
export const PRIVACY_REQUEST_KINDS = Object.keys(PRIVACY_REQUEST_SCHEMAS) as PrivacyRequestKind[];

export type RequestOutcome = 'done' | 'unchanged' | 'conflict' | 'forbidden';

type AnyBody = { id: string; groupId: string } & Record<string, string>;

const parseJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function sameRequest(stored: unknown, body: AnyBody): boolean {
  if (!stored || typeof stored !== 'object') return false;
  const keys = Object.keys(body);
  return keys.length === Object.keys(stored).length && keys.every((key) => (stored as Record<string, unknown>)[key] === body[key]);
}

/**
 * Carries out the request once. `affected` is how many stored summaries it changed or deleted
 * the first time (0 when the server had nothing of it).
 */
export async function carryOutRequest<K extends PrivacyRequestKind>(
  db: Database,
  kind: K,
  body: PrivacyRequestBody<K>,
  caller: Caller,
): Promise<{ outcome: RequestOutcome; affected: number }> {
  const request = body as unknown as AnyBody;
  const result = await db.transaction(async (tx) => {
    // Another tablet's group is not this key's to change, nor to learn anything about.
    if (!(await mayChangeGroup(tx, caller, request.groupId))) return { outcome: 'forbidden' as const, affected: 0 };
    const fresh = await tx.query(
      `INSERT INTO privacy_requests (id, kind, group_id, body, affected, device_key_id)
       VALUES ($1, $2, $3, $4::jsonb, 0, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [request.id, kind, request.groupId, JSON.stringify(request), caller.id],
    );
    if (!fresh[0]) {
      const [row] = await tx.query<{ kind: string; body: unknown; affected: number }>(
        'SELECT kind, body, affected FROM privacy_requests WHERE id = $1',
        [request.id],
      );
      if (row && row.kind === kind && sameRequest(parseJson(row.body), request)) {
        return { outcome: 'unchanged' as const, affected: Number(row.affected) };
      }
      return { outcome: 'conflict' as const, affected: 0 };
    }
    const affected = await CARRY_OUT[kind](tx, request);
    if (affected > 0) await tx.query(`/* count-change */ ${COUNT_CHANGE('$1')}`, [request.groupId]);
    await tx.query('UPDATE privacy_requests SET affected = $2 WHERE id = $1', [request.id, affected]);
    return { outcome: 'done' as const, affected };
  });
  if (result.outcome === 'done' && result.affected > 0) {
    // Lets the space of the old row versions (which held the name) be reused; PGlite has no
    // autovacuum. Best effort: the rows themselves are already changed or gone.
    await db.exec('VACUUM summaries').catch(() => undefined);
  }
  return result;
}

/** Summaries read at once while erasing a person. */
const ERASE_PAGE = 200;

const CARRY_OUT: Record<PrivacyRequestKind, (tx: Queryable, request: AnyBody) => Promise<number>> = {
  async 'erase-person'(tx, request) {
    // Only the summaries where the person owns an action, a page at a time: a group may hold years of
    // summaries, and nothing here reads an unbounded list.
    const ownsAnAction = JSON.stringify([{ ownerId: request.personId }]);
    let affected = 0;
    let after: string | null = null;
    for (;;) {
      const rows: { id: string; body: unknown }[] = await tx.query<{ id: string; body: unknown }>(
        `SELECT id, body FROM summaries WHERE group_id = $1 AND body->'actions' @> $2::jsonb${after === null ? '' : ' AND id > $3'} ORDER BY id LIMIT ${ERASE_PAGE} FOR UPDATE`,
        after === null ? [request.groupId, ownsAnAction] : [request.groupId, ownsAnAction, after],
      );
      for (const row of rows) {
        const body = parseJson(row.body) as StoredBody;
        const erased = erasePerson(body, request.personId!, request.pseudonym!);
        if (JSON.stringify(erased) === JSON.stringify(body)) continue;
        await tx.query('UPDATE summaries SET body = $2::jsonb, updated_at = now() WHERE id = $1', [row.id, JSON.stringify(erased)]);
        affected += 1;
      }
      if (rows.length < ERASE_PAGE) return affected;
      after = rows.at(-1)!.id;
    }
  },
  async 'delete-meeting'(tx, request) {
    const rows = await tx.query('DELETE FROM summaries WHERE group_id = $1 AND (id = $2 OR meeting_id = $3) RETURNING id', [
      request.groupId,
      request.summaryId,
      request.meetingId,
    ]);
    return rows.length;
  },
  async 'delete-group'(tx, request) {
    return (await tx.query('DELETE FROM summaries WHERE group_id = $1 RETURNING id', [request.groupId])).length;
  },
};

interface StoredBody {
  actions?: { owner?: string; ownerId?: string }[];
  [field: string]: unknown;
}

/**
 * The summary with the person, as the owner of their actions (found by their device id), named by
 * the pseudonym. Free text is not searched for the name: a pattern cannot tell the name Will from
 * the word "will" ("We will pilot" became "We Former member 3 pilot"). The device, which knows its
 * records, sends each summary that held the name again as a new revision without it, before this
 * request; this catches only what it could not (a summary the device no longer has).
 */
export function erasePerson(body: StoredBody, personId: string, pseudonym: string): StoredBody {
  if (!body.actions?.some((action) => action.ownerId === personId)) return body;
  return { ...body, actions: body.actions.map((action) => (action.ownerId === personId ? { ...action, owner: pseudonym } : action)) };
}
