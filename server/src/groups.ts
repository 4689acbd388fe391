// Who owns a group (issue 18): the device key that first sent a summary for it. Only that key may
// send the group's summaries or ask for them to be erased or deleted; the office can move the group
// to another key (a new tablet after a restore), and every move is kept in group_moves.
import { isoTime, type Database, type Queryable } from './db.js';
import type { Caller } from './keys.js';

export type MoveOutcome = 'moved' | 'unchanged' | 'no-such-key';

/** Who moved a group: an office key's id, or this for `npm run server -- group move`. */
export const MOVED_FROM_COMMAND_LINE = 'command line';

/**
 * Gives the group to `toKeyId`, an active device key, and logs the move. A group nobody has sent
 * yet is given all the same: its first summary must then come from that key.
 */
export async function moveGroup(db: Database, groupId: string, toKeyId: string, movedBy: string): Promise<MoveOutcome> {
  return db.transaction(async (tx) => {
    const [key] = await tx.query("SELECT id FROM device_keys WHERE id = $1 AND role = 'device' AND revoked_at IS NULL", [toKeyId]);
    if (!key) return 'no-such-key';
    const [before] = await tx.query<{ key_id: string }>('SELECT key_id FROM group_owners WHERE group_id = $1 FOR UPDATE', [groupId]);
    if (before?.key_id === toKeyId) return 'unchanged';
    await tx.query(
      `INSERT INTO group_owners (group_id, key_id) VALUES ($1, $2)
       ON CONFLICT (group_id) DO UPDATE SET key_id = EXCLUDED.key_id, since = now()`,
      [groupId, toKeyId],
    );
    await tx.query('INSERT INTO group_moves (group_id, from_key_id, to_key_id, moved_by) VALUES ($1, $2, $3, $4)', [
      groupId,
      before?.key_id ?? null,
      toKeyId,
      movedBy,
    ]);
    return 'moved';
  });
}

/** May `caller` change this group? The office may change any; a device key only its own or one nobody has. */
export async function mayChangeGroup(tx: Queryable, caller: Caller, groupId: string): Promise<boolean> {
  if (caller.role === 'office') return true;
  const [owner] = await tx.query<{ key_id: string }>('SELECT key_id FROM group_owners WHERE group_id = $1 FOR SHARE', [groupId]);
  return !owner || owner.key_id === caller.id;
}

export interface GroupOwner {
  groupId: string;
  keyId: string;
  since: string;
}

/** The owners of these groups (for the office page): one query, however many groups. */
export async function groupOwners(db: Queryable, groupIds: readonly string[]): Promise<Map<string, GroupOwner>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db.query<{ group_id: string; key_id: string; since: unknown }>(
    'SELECT group_id, key_id, since FROM group_owners WHERE group_id = ANY($1::text[])',
    [[...groupIds]],
  );
  return new Map(rows.map((r) => [r.group_id, { groupId: r.group_id, keyId: r.key_id, since: isoTime(r.since) }]));
}

export interface GroupMove {
  groupId: string;
  fromKeyId: string | null;
  toKeyId: string;
  movedBy: string;
  movedAt: string;
}

/** The latest moves, newest first, at most `limit`. */
export async function recentMoves(db: Queryable, limit = 20): Promise<GroupMove[]> {
  const rows = await db.query<{ group_id: string; from_key_id: string | null; to_key_id: string; moved_by: string; moved_at: unknown }>(
    'SELECT group_id, from_key_id, to_key_id, moved_by, moved_at FROM group_moves ORDER BY moved_at DESC, id DESC LIMIT $1',
    [limit],
  );
  return rows.map((r) => ({
    groupId: r.group_id,
    fromKeyId: r.from_key_id,
    toKeyId: r.to_key_id,
    movedBy: r.moved_by,
    movedAt: isoTime(r.moved_at),
  }));
}
