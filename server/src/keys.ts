// Device keys. A key is 32 random bytes (256 bits) in base64url, shown once; only its SHA-256 is
// stored. A slow password hash (bcrypt, scrypt, Argon2) exists to make guessing a *low-entropy*
// secret expensive; nobody can guess through 2^256 keys, fast hash or slow, so SHA-256 is enough
// and keeps every request's check to one indexed lookup.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './db.js';

const KEY_PREFIX = 'heard_';

export interface DeviceKey {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newSecret(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

interface KeyRow {
  id: string;
  label: string;
  created_at: unknown;
  revoked_at: unknown;
}

const toKey = (row: KeyRow): DeviceKey => ({
  id: row.id,
  label: row.label,
  createdAt: iso(row.created_at) ?? '',
  revokedAt: iso(row.revoked_at),
});

export async function createKey(db: Queryable, label: string): Promise<{ key: DeviceKey; secret: string }> {
  const clean = label.trim();
  if (!clean || clean.length > 120) throw new Error('Give the key a label of 1 to 120 characters, e.g. "Community hall tablet".');
  const secret = newSecret();
  const id = 'key_' + randomBytes(6).toString('hex');
  const rows = await db.query<KeyRow>(
    'INSERT INTO device_keys (id, label, key_hash) VALUES ($1, $2, $3) RETURNING id, label, created_at, revoked_at',
    [id, clean, hashSecret(secret)],
  );
  return { key: toKey(rows[0]!), secret };
}

export async function listKeys(db: Queryable): Promise<DeviceKey[]> {
  const rows = await db.query<KeyRow>('SELECT id, label, created_at, revoked_at FROM device_keys ORDER BY created_at, id');
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

/** The key's id when `secret` is a key that exists and is not revoked; read every time, never cached. */
export async function verifyKey(db: Queryable, secret: string): Promise<string | null> {
  if (!isKeyShaped(secret)) return null;
  const rows = await db.query<{ id: string }>('SELECT id FROM device_keys WHERE key_hash = $1 AND revoked_at IS NULL', [
    hashSecret(secret),
  ]);
  return rows[0]?.id ?? null;
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

/** The key id behind a live session whose key is not revoked. */
export async function verifySession(db: Queryable, token: string): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const rows = await db.query<{ key_id: string }>(
    `SELECT s.key_id FROM office_sessions s JOIN device_keys k ON k.id = s.key_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND k.revoked_at IS NULL`,
    [hashSecret(token)],
  );
  return rows[0]?.key_id ?? null;
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM office_sessions WHERE token_hash = $1 OR expires_at <= now()', [hashSecret(token)]);
}
