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

      const send = () =>
        fetch(new URL('api/summaries', server.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
          body: JSON.stringify(summary()),
        });
      expect((await send()).status).toBe(201);

      out.length = 0;
      expect(await runCli(['key', 'list'], io, env)).toBe(0);
      expect(out.join('\n')).toContain(`${id}  active`);
      expect(out.join('\n')).toContain('Community hall tablet');
      expect(out.join('\n')).not.toContain(secret);

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
    expect(out.join('\n')).toMatch(/key_[0-9a-f]{12} {2}revoked /);
  });
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
});
