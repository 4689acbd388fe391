// Issue 18: a database made before roles and owners upgrades in place; the data folder is the
// owner's only; expired sessions and old request rows are purged on a timer.
import { randomUUID } from 'node:crypto';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db.js';
import { hashSecret, newSecret } from '../src/keys.js';
import { loadMigrations, migrate } from '../src/migrations.js';
import { programmeFigures } from '../src/reflection.js';
import { parsePeriod } from '../src/reflection-model.js';
import { REQUEST_ROWS_KEPT_DAYS } from '../src/retention.js';
import { backends, get, newKey, post, postRequest, start, summary } from './helpers.js';
import { seedProgrammeAsBefore } from './seed-programme.js';

for (const backend of backends()) {
  describe(`upgrading a database from before issue 18 on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it('keeps every key as a device key, and gives each group to the key of its first stored summary', async () => {
      const options = backend.fresh();
      const old = await openDatabase(options);
      const secrets = { hall: newSecret(), library: newSecret() };
      try {
        expect(await migrate(old, loadMigrations().filter((m) => m.version <= 2))).toEqual([1, 2]);
        for (const [id, secret] of [['key_hall', secrets.hall], ['key_library', secrets.library]] as const) {
          await old.query('INSERT INTO device_keys (id, label, key_hash) VALUES ($1, $2, $3)', [id, id, hashSecret(secret)]);
        }
        // The hall tablet sent grp-shared first; the library tablet (before owners) sent to it later.
        const rows: [group: string, key: string | null, hoursAgo: number][] = [
          ['grp-shared', 'key_hall', 50],
          ['grp-shared', 'key_library', 10],
          ['grp-library', 'key_library', 30],
          ['grp-nobody', null, 5],
        ];
        for (const [group, key, hoursAgo] of rows) {
          const s = summary({ groupId: group });
          await old.query(
            `INSERT INTO summaries (id, revision, group_id, meeting_id, meeting_date, body, device_key_id, received_at)
             VALUES ($1, 1, $2, $3, $4::date, $5::jsonb, $6, now() - make_interval(hours => $7::integer))`,
            [s.id, group, s.meetingId, s.date, JSON.stringify(s), key, hoursAgo],
          );
        }
        expect(await migrate(old)).toEqual(loadMigrations().filter((m) => m.version > 2).map((m) => m.version));
        const roles = await old.query<{ id: string; role: string }>('SELECT id, role FROM device_keys ORDER BY id');
        expect(roles).toEqual([
          { id: 'key_hall', role: 'device' },
          { id: 'key_library', role: 'device' },
        ]);
        const owners = await old.query<{ group_id: string; key_id: string }>('SELECT group_id, key_id FROM group_owners ORDER BY group_id');
        expect(owners).toEqual([
          { group_id: 'grp-library', key_id: 'key_library' },
          { group_id: 'grp-shared', key_id: 'key_hall' },
        ]);
      } finally {
        await old.close();
      }

      // Served after the upgrade: the old keys keep working for their own groups only.
      const server = await start(options);
      try {
        expect((await post(server, secrets.hall, summary({ groupId: 'grp-shared' }))).status).toBe(201);
        expect((await post(server, secrets.library, summary({ groupId: 'grp-shared' }))).status).toBe(403);
        expect((await post(server, secrets.library, summary({ groupId: 'grp-library' }))).status).toBe(201);
        // A group whose summaries came with no key is taken by the first tablet that sends for it.
        expect((await post(server, secrets.library, summary({ groupId: 'grp-nobody' }))).status).toBe(201);
        expect((await post(server, secrets.hall, summary({ groupId: 'grp-nobody' }))).status).toBe(403);
        expect((await get(server, 'api/summaries', secrets.hall)).status).toBe(403);
      } finally {
        await server.close();
      }
    }, 120_000);
  });

  describe(`upgrading a database from before issue 24's figures on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    // Migration 004 adds what the reflection pages read of each body; summaries stored before it
    // must give the same figures as those stored after.
    it('gives summaries stored before it the same reflection figures as summaries stored after', async () => {
      const figuresOf = async (options: ReturnType<typeof backend.fresh>, before: number | null) => {
        const db = await openDatabase(options);
        try {
          await migrate(db, before === null ? undefined : loadMigrations().filter((m) => m.version <= before));
          const [key] = await db.query<{ id: string }>("INSERT INTO device_keys (id, label, key_hash) VALUES ('key_tablet', 'Tablet', $1) RETURNING id", [hashSecret(newSecret())]);
          await seedProgrammeAsBefore(db, key!.id);
          if (before !== null) expect(await migrate(db)).toEqual(loadMigrations().filter((m) => m.version > before).map((m) => m.version));
          return await programmeFigures(db, null, parsePeriod('2025')!);
        } finally {
          await db.close();
        }
      };
      const upgraded = await figuresOf(backend.fresh(), 3);
      expect(upgraded).toEqual(await figuresOf(backend.fresh(), null));
      // Not two empty results: the Carers Workstream's year, as seed-programme.ts works it out.
      expect(upgraded.get('grp-a')).toMatchObject({
        meetings: 12,
        decisions: { inGroup: 24, deferred: 6, elsewhere: 12 },
        dissent: { parked: 12, resolved: 6, standing: 0 },
        jargon: 18,
      });
      expect(upgraded.get('grp-a')!.talk[0]).toEqual({ perspective: 'Lived experience', talkSeconds: 3 * 120 + 9 * 240, fairShareSeconds: 6000, mostPresent: 3 });
    }, 120_000);
  });

  describe(`purging on a timer on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it('deletes expired office sessions and request rows older than the days kept, and keeps the rest', async () => {
      const server = await start({ ...backend.fresh(), housekeepingEveryMs: 100 });
      try {
        const device = await newKey(server);
        const officeId = (await server.db.query<{ id: string }>("INSERT INTO device_keys (id, label, key_hash, role) VALUES ('key_office', 'Office', $1, 'office') RETURNING id", [hashSecret(newSecret())]))[0]!.id;
        await server.db.query(
          `INSERT INTO office_sessions (token_hash, key_id, expires_at) VALUES ('expired', $1, now() - interval '1 minute'), ('live', $1, now() + interval '1 hour')`,
          [officeId],
        );
        const oldRequest = { id: randomUUID(), groupId: 'grp-purge' };
        const newRequest = { id: randomUUID(), groupId: 'grp-purge' };
        for (const request of [oldRequest, newRequest]) expect((await postRequest(server, device, 'delete-group', request)).status).toBe(201);
        await server.db.query(`UPDATE privacy_requests SET received_at = now() - make_interval(days => $2::integer) WHERE id = $1`, [
          oldRequest.id,
          REQUEST_ROWS_KEPT_DAYS + 1,
        ]);
        await expect
          .poll(async () => (await server.db.query<{ token_hash: string }>('SELECT token_hash FROM office_sessions ORDER BY token_hash')).map((r) => r.token_hash), {
            timeout: 10_000,
          })
          .toEqual(['live']);
        await expect
          .poll(async () => (await server.db.query<{ id: string }>('SELECT id FROM privacy_requests')).map((r) => r.id), { timeout: 10_000 })
          .toEqual([newRequest.id]);
      } finally {
        await server.close();
      }
    }, 120_000);
  });
}

describe('the PGlite data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-modes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Every path in the folder with the mode bits it gives to group and others. */
  const openToOthers = (root: string): string[] => {
    const found: string[] = [];
    const stack = [root];
    while (stack.length) {
      const path = stack.pop()!;
      const info = lstatSync(path);
      if (info.isSymbolicLink()) continue;
      if (info.mode & 0o077) found.push(`${path} ${(info.mode & 0o777).toString(8)}`);
      if (info.isDirectory()) for (const name of readdirSync(path)) stack.push(join(path, name));
    }
    return found;
  };

  // Issue 19: PGlite writes its whole buffer pool at start and never gives WASM memory back, so
  // these settings are the server's RSS budget. Giving startParams replaces PGlite's own, which
  // must still hold (one process, no parallel workers, the public schema).
  it('opens with a 16 MB buffer pool, 4 MB of WAL buffers and a small ANALYZE sample, PGlite’s own settings kept', async () => {
    const data = join(dir, 'settings');
    await (await openDatabase({ dataDir: data })).close();
    const db = await openDatabase({ dataDir: data });
    try {
      const settings = await db.query<{ name: string; setting: string }>(
        `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
        [['shared_buffers', 'wal_buffers', 'default_statistics_target', 'search_path', 'max_parallel_workers_per_gather', 'exit_on_error']],
      );
      expect(Object.fromEntries(settings.map((s) => [s.name, s.setting]))).toEqual({
        shared_buffers: '16MB',
        wal_buffers: '4MB',
        default_statistics_target: '20',
        search_path: 'public',
        max_parallel_workers_per_gather: '0',
        exit_on_error: 'off',
      });
    } finally {
      await db.close();
    }
  }, 60_000);

  it('is 0700, and nothing in it is readable by other users, what was there before included', async () => {
    const data = join(dir, 'data');
    // A folder made earlier with everyday modes, and a file left in it.
    const made = await start({ dataDir: data });
    await made.close();
    chmodSync(data, 0o755);
    writeFileSync(join(data, 'left-behind'), 'x', { mode: 0o644 });
    chmodSync(join(data, 'left-behind'), 0o644);
    expect(openToOthers(data).length).toBeGreaterThan(0);

    const server = await start({ dataDir: data });
    try {
      const key = await newKey(server);
      expect((await post(server, key, summary())).status).toBe(201);
    } finally {
      await server.close();
    }
    expect(lstatSync(data).mode & 0o777).toBe(0o700);
    expect(openToOthers(data)).toEqual([]);

    // A new folder is made 0700 from the start.
    const fresh = join(dir, 'fresh', 'nested');
    const second = await start({ dataDir: fresh });
    await second.close();
    expect(lstatSync(fresh).mode & 0o777).toBe(0o700);
    expect(openToOthers(fresh)).toEqual([]);
  }, 180_000);
});
