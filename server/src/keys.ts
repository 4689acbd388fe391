// Device keys. A key is 32 random bytes (256 bits) in base64url, shown once; only its SHA-256 is
// stored. A slow password hash (bcrypt, scrypt, Argon2) exists to make guessing a *low-entropy*
// secret expensive; nobody can guess through 2^256 keys, fast hash or slow, so SHA-256 is enough
// and keeps every request's check to one indexed lookup.
import { createHash, randomBytes } from 'node:crypto';
import { isoTime, type Queryable } from './db.js';

const KEY_PREFIX = 'heard_';

/** A device key (a tablet's) only sends; an office key reads and may make any request. */
export const KEY_ROLES = ['device', 'office'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

export interface DeviceKey {
  id: string;
  label: string;
  role: KeyRole;
  createdAt: string;
  revokedAt: string | null;
}

/** Who is calling: an active key's id and role. */
export interface Caller {
  id: string;
  role: KeyRole;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newSecret(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

interface KeyRow {
  id: string;
  label: string;
  role: KeyRole;
  created_at: unknown;
  revoked_at: unknown;
}

const toKey = (row: KeyRow): DeviceKey => ({
  id: row.id,
  label: row.label,
  role: row.role,
  createdAt: isoTime(row.created_at),
  revokedAt: row.revoked_at === null || row.revoked_at === undefined ? null : isoTime(row.revoked_at),
});

const KEY_COLUMNS = 'id, label, role, created_at, revoked_at';

export async function createKey(db: Queryable, label: string, role: KeyRole = 'device'): Promise<{ key: DeviceKey; secret: string }> {
  const clean = label.trim();
  if (!clean || clean.length > 120) throw new Error('Give the key a label of 1 to 120 characters, e.g. "Community hall tablet".');
  if (!KEY_ROLES.includes(role)) throw new Error(`A key's role is device or office, not "${role}".`);
  const secret = newSecret();
  const id = 'key_' + randomBytes(6).toString('hex');
  const rows = await db.query<KeyRow>(
    `INSERT INTO device_keys (id, label, key_hash, role) VALUES ($1, $2, $3, $4) RETURNING ${KEY_COLUMNS}`,
    [id, clean, hashSecret(secret), role],
  );
  return { key: toKey(rows[0]!), secret };
}

export async function listKeys(db: Queryable): Promise<DeviceKey[]> {
  const rows = await db.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM device_keys ORDER BY created_at, id`);
  return rows.map(toKey);
}

/** Returns false when there is no such key. Revoking twice keeps the first time. */
export async function revokeKey(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE device_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id',
    [id],
  );
  return rows.length > 0;
}

/** Could be a device key: anything else is refused without asking the database. */
export function isKeyShaped(secret: string): boolean {
  return secret.startsWith(KEY_PREFIX) && secret.length <= 200;
}

/** The key's id and role when `secret` is a key that exists and is not revoked; read every time, never cached. */
export async function verifyKey(db: Queryable, secret: string): Promise<Caller | null> {
  return (await verifyKeys(db, [secret]))[0] ?? null;
}

/**
 * verifyKey for many secrets in one query (requests that arrived together), each answered in the
 * order given. Read every time, never cached: a key revoked before this query began is refused.
 */
export async function verifyKeys(db: Queryable, secrets: readonly string[]): Promise<(Caller | null)[]> {
  const hashes = secrets.map((secret) => (isKeyShaped(secret) ? hashSecret(secret) : null));
  const asked = [...new Set(hashes.filter((hash) => hash !== null))];
  if (asked.length === 0) return hashes.map(() => null);
  const rows = await db.query<Caller & { key_hash: string }>(
    '/* verify-key */ SELECT id, role, key_hash FROM device_keys WHERE key_hash = ANY($1::text[]) AND revoked_at IS NULL',
    [asked],
  );
  const found = new Map(rows.map(({ id, role, key_hash }) => [key_hash, { id, role }]));
  return hashes.map((hash) => (hash === null ? null : (found.get(hash) ?? null)));
}

export const SESSION_HOURS = 12;

export async function createSession(db: Queryable, keyId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO office_sessions (token_hash, key_id, expires_at) VALUES ($1, $2, now() + ($3 || ' hours')::interval)`,
    [hashSecret(token), keyId, String(SESSION_HOURS)],
  );
  return token;
}

/** The office key behind a live session whose key is not revoked. */
export async function verifySession(db: Queryable, token: string): Promise<{ id: string; label: string } | null> {
  if (!token || token.length > 100) return null;
  const rows = await db.query<{ id: string; label: string }>(
    `/* verify-session */ SELECT k.id, k.label FROM office_sessions s JOIN device_keys k ON k.id = s.key_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND k.revoked_at IS NULL AND k.role = 'office'`,
    [hashSecret(token)],
  );
  return rows[0] ?? null;
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM office_sessions WHERE token_hash = $1 OR expires_at <= now()', [hashSecret(token)]);
}

/** Deletes sessions past their end; returns how many. */
export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  return (await db.query('DELETE FROM office_sessions WHERE expires_at <= now() RETURNING token_hash')).length;
}
