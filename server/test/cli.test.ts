// `npm run server -- key …` while the server runs on the same PGlite folder: the command goes
// through the server's key socket (never a second PGlite on one folder), and a revoked key stops
// working at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startSyncServer } from '../src/main.js';
import { DataDirBusyError, openDatabase } from '../src/db.js';
import { summary } from './helpers.js';

describe('key commands against a running server on PGlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-cli-test-'));
  const env = { HEARD_DATA_DIR: dir, HEARD_SYNC_PORT: '0', HEARD_APP_ORIGIN: 'http://127.0.0.1:4173' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, lists and revokes keys through the running server', async () => {
    const server = await startSyncServer(env, { port: 0 });
    try {
      // A second PGlite on the same folder is refused.
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirBusyError);

      const out: string[] = [];
      const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(`ERR ${line}`) };
      expect(await runCli(['key', 'create', 'Community', 'hall', 'tablet'], io, env)).toBe(0);
      const secret = out.join('\n').match(/heard_[A-Za-z0-9_-]{43}/)?.[0];
      expect(secret).toBeDefined();
      const id = out.join('\n').match(/key_[0-9a-f]{12}/)?.[0];
      expect(id).toBeDefined();
      // It says where the chair pastes it, naming the tablet's screen and fields as Heard titles them.
      const said = out.join(' ').replace(/\s+/g, ' ');
      expect(said).toContain('choose “Sending to the office”');
      expect(said).toContain('type this server’s address in “Server address”, paste the key in “Device key” and choose Save');
      expect(said).not.toContain('Settings');

      const send = () =>
        fetch(new URL('api/summaries', server.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
          body: JSON.stringify(summary()),
        });
      expect((await send()).status).toBe(201);

      out.length = 0;
      expect(await runCli(['key', 'list'], io, env)).toBe(0);
      expect(out.join('\n')).toContain(`${id}  device  active`);
      expect(out.join('\n')).toContain('Community hall tablet');
      expect(out.join('\n')).not.toContain(secret);

      // An office key: made with --role office, listed with its role; it reads, and cannot send.
      out.length = 0;
      expect(await runCli(['key', 'create', '--role', 'office', 'Programme', 'office'], io, env)).toBe(0);
      expect(out[0]).toMatch(/^Office key for “Programme office” \(id key_[0-9a-f]{12}\):$/);
      const officeSecret = out.join('\n').match(/heard_[A-Za-z0-9_-]{43}/)![0];
      const officeId = out.join('\n').match(/key_[0-9a-f]{12}/)![0];
      const read = await fetch(new URL('api/summaries', server.url), { headers: { Authorization: `Bearer ${officeSecret}` } });
      expect(read.status).toBe(200);
      expect(await runCli(['key', 'create', 'Nobody', '--role=admin'], io, env)).toBe(2);
      expect(out.join('\n')).toContain('ERR A key\'s role is device or office, not "admin".');
      out.length = 0;
      expect(await runCli(['key', 'list'], io, env)).toBe(0);
      expect(out.join('\n')).toContain(`${officeId}  office  active`);

      // group move: the group sent with the first key goes to a second tablet's key, logged.
      out.length = 0;
      expect(await runCli(['key', 'create', 'Replacement', 'tablet'], io, env)).toBe(0);
      const replacement = out.join('\n').match(/heard_[A-Za-z0-9_-]{43}/)![0];
      const replacementId = out.join('\n').match(/key_[0-9a-f]{12}/)![0];
      const group = 'grp-cli-move';
      const sendAs = (key: string) =>
        fetch(new URL('api/summaries', server.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
          body: JSON.stringify(summary({ groupId: group })),
        });
      expect((await sendAs(secret!)).status).toBe(201);
      expect((await sendAs(replacement)).status).toBe(403);
      out.length = 0;
      expect(await runCli(['group', 'move', group, replacementId], io, env)).toBe(0);
      expect(out).toEqual([`Group ${group} now belongs to key ${replacementId}. The move is logged.`]);
      expect((await sendAs(replacement)).status).toBe(201);
      expect((await sendAs(secret!)).status).toBe(403);
      const log = await server.db.query<{ from_key_id: string; to_key_id: string; moved_by: string }>('SELECT from_key_id, to_key_id, moved_by FROM group_moves WHERE group_id = $1', [group]);
      expect(log).toEqual([{ from_key_id: id, to_key_id: replacementId, moved_by: 'command line' }]);
      out.length = 0;
      expect(await runCli(['group', 'move', group, officeId], io, env)).toBe(1);
      expect(out.join('\n')).toContain(`There is no active device key with id ${officeId}`);
      expect(await runCli(['group', 'move', group], io, env)).toBe(2);

      out.length = 0;
      expect(await runCli(['key', 'revoke', id!], io, env)).toBe(0);
      expect((await send()).status).toBe(401);
      expect(await runCli(['key', 'revoke', 'key_000000000000'], io, env)).toBe(1);
    } finally {
      await server.close();
    }
    // With the server stopped, the command opens the folder itself, and the key stays revoked.
    const out: string[] = [];
    expect(await runCli(['key', 'list'], { out: (l) => out.push(l), err: (l) => out.push(l) }, env)).toBe(0);
    expect(out.join('\n')).toMatch(/key_[0-9a-f]{12} {2}device {2}revoked /);
    // Two PGlite starts and a dozen commands: slow on a busy machine.
  }, 120_000);
});

describe('serve settings', () => {
  it('takes the retention from --retention-months or HEARD_RETENTION_MONTHS, and refuses nonsense in words', async () => {
    const { settingsFromEnv } = await import('../src/main.js');
    expect(settingsFromEnv({ HEARD_RETENTION_MONTHS: '24' }).retentionMonths).toBe(24);
    expect(settingsFromEnv({}).retentionMonths).toBeUndefined();
    expect(() => settingsFromEnv({ HEARD_RETENTION_MONTHS: '0' })).toThrow(/HEARD_RETENTION_MONTHS must be a whole number of months from 1 to 1200/);
    const errors: string[] = [];
    const io = { out: () => {}, err: (line: string) => errors.push(line) };
    await expect(runCli(['serve', '--retention-months', 'two years'], io, {})).rejects.toThrow(/--retention-months must be a whole number/);
    expect(await runCli(['serve', '--keep-forever'], io, {})).toBe(2);
    expect(errors.join('\n')).toContain('--retention-months N');
  });

  it('makes the office cookie Secure unless the server listens on loopback only, and sends HSTS when told secure', async () => {
    const { settingsFromEnv } = await import('../src/main.js');
    expect(settingsFromEnv({}).secureCookies).toBe(false);
    expect(settingsFromEnv({ HEARD_SYNC_HOST: '::1' }).secureCookies).toBe(false);
    expect(settingsFromEnv({ HEARD_SYNC_HOST: '0.0.0.0' }).secureCookies).toBe(true);
    expect(settingsFromEnv({ HEARD_SYNC_HOST: '192.168.1.20' }).secureCookies).toBe(true);
    expect(settingsFromEnv({ HEARD_SYNC_HOST: '0.0.0.0', HEARD_SECURE_COOKIES: '0' }).secureCookies).toBe(false);
    expect(settingsFromEnv({ HEARD_SECURE_COOKIES: '1' })).toMatchObject({ secureCookies: true, hsts: true });
    expect(settingsFromEnv({ HEARD_SYNC_HOST: '0.0.0.0' }).hsts).toBe(false);
  });

  it('takes the guessing limit from HEARD_AUTH_FAILURES and HEARD_AUTH_WINDOW_SECONDS, and refuses nonsense in words', async () => {
    const { settingsFromEnv } = await import('../src/main.js');
    expect(settingsFromEnv({}).authLimit).toEqual({ max: 10, windowMs: 60_000 });
    expect(settingsFromEnv({ HEARD_AUTH_FAILURES: '5', HEARD_AUTH_WINDOW_SECONDS: '300' }).authLimit).toEqual({ max: 5, windowMs: 300_000 });
    expect(() => settingsFromEnv({ HEARD_AUTH_FAILURES: 'lots' })).toThrow('HEARD_AUTH_FAILURES must be a whole number from 1 to 1000000 (it was "lots").');
    const io = { out: () => {}, err: () => {} };
    await expect(runCli(['serve', '--auth-window-seconds', '0'], io, {})).rejects.toThrow('--auth-window-seconds must be a whole number');
  });
});
