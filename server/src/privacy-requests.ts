// Erasure and deletion requests from tablets (UK GDPR: the right to erasure, and the chair deleting a
// meeting or a group). Idempotent by request id: the request row and the change it asks for are
// written in one transaction, so a request sent again (a lost reply, a retry) is carried out once.
// A request about something the server never had is still done: there is nothing left to remove.
import { z } from 'zod';
import type { Database, Queryable } from './db.js';
import { mayChangeGroup } from './groups.js';
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

const CARRY_OUT: Record<PrivacyRequestKind, (tx: Queryable, request: AnyBody) => Promise<number>> = {
  async 'erase-person'(tx, request) {
    const rows = await tx.query<{ id: string; body: unknown }>('SELECT id, body FROM summaries WHERE group_id = $1 ORDER BY id FOR UPDATE', [
      request.groupId,
    ]);
    const bodies = rows.map((row) => ({ id: row.id, body: parseJson(row.body) as StoredBody }));
    const names = namesOf(bodies.map((b) => b.body), request.personId!);
    let affected = 0;
    for (const { id, body } of bodies) {
      const erased = erasePerson(body, request.personId!, names, request.pseudonym!);
      if (JSON.stringify(erased) === JSON.stringify(body)) continue;
      await tx.query('UPDATE summaries SET body = $2::jsonb, updated_at = now() WHERE id = $1', [id, JSON.stringify(erased)]);
      affected += 1;
    }
    return affected;
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

/** Every name the summaries gave the person as an action owner (names are sent with the owner's id). */
export function namesOf(bodies: readonly StoredBody[], personId: string): string[] {
  const names = new Set<string>();
  for (const body of bodies) {
    for (const action of body.actions ?? []) {
      if (action.ownerId === personId && action.owner?.trim()) names.add(action.owner.trim());
    }
  }
  return [...names];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The name in any case and with any spacing between its words, as a whole word (not inside another). */
export function namePattern(name: string): RegExp | null {
  const words = name.trim().split(/\s+/u).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * The summary with the person's name replaced by the pseudonym: as the owner of their actions, and
 * anywhere else it was typed (a decision's text, an item's title), in any case or spacing.
 */
export function erasePerson(body: StoredBody, personId: string, names: readonly string[], pseudonym: string): StoredBody {
  const patterns = names.map(namePattern).filter((p): p is RegExp => p !== null);
  const scrubText = (text: string) => patterns.reduce((out, pattern) => out.replace(pattern, () => pseudonym), text);
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return scrubText(value);
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [scrubText(key), scrub(v)]));
    return value;
  };
  const scrubbed = scrub(body) as StoredBody;
  if (scrubbed.actions) {
    scrubbed.actions = scrubbed.actions.map((action) => (action.ownerId === personId ? { ...action, owner: pseudonym } : action));
  }
  return scrubbed;
}
