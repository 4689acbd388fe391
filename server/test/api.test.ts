// The sync server over real HTTP on 127.0.0.1, on PGlite always and on PostgreSQL when
// DATABASE_URL is set, or an embedded one otherwise (test/embedded-postgres.ts).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeKey } from '../src/keys.js';
import { loadMigrations, migrate } from '../src/migrations.js';
import { PROBLEM_STATUS, type ProblemCode } from '../src/problems.js';
import type { RunningServer } from '../src/server.js';
import { countSummaries } from '../src/summaries.js';
import { APP_ORIGIN, backends, get, newKey, post, signIn, start, summary } from './helpers.js';

for (const backend of backends()) {
  describe(`sync server on ${backend.name}`, () => {
    let server: RunningServer;
    let key: string;
    /** Reads: only an office key may. */
    let officeKey: string;
    let afterStore: ((id: string) => Promise<void>) | undefined;

    beforeAll(async () => {
      server = await start({ ...backend.fresh(), afterStore: (id) => afterStore?.(id) ?? Promise.resolve() });
      key = await newKey(server);
      officeKey = await newKey(server, 'Office reader', 'office');
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    it('reports health and the database without a key', async () => {
      const res = await get(server, 'api/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, database: backend.name });
    });

    it('serves an OpenAPI 3.1 document with the paths and the summary schema', async () => {
      const res = await get(server, 'api/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as {
        openapi: string;
        paths: Record<string, Record<string, unknown>>;
        components: { schemas: { Summary: { properties: Record<string, unknown>; additionalProperties: unknown } } };
      };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/summaries', '/api/health', '/api/openapi.json']));
      expect(Object.keys(doc.paths['/api/summaries']!)).toEqual(expect.arrayContaining(['get', 'post']));
      expect(Object.keys(doc.components.schemas.Summary.properties)).toEqual(
        expect.arrayContaining(['schemaVersion', 'id', 'revision', 'voiceBalance', 'checkIn', 'names']),
      );
      expect(doc.components.schemas.Summary.additionalProperties).toBe(false);
    });

    it('refuses requests without a key, with a wrong key, or with a malformed header: 401 in words', async () => {
      for (const auth of [undefined, 'heard_not-a-real-key-at-all-000000000000000000', `${key}x`]) {
        const res = await post(server, auth, summary());
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: 'The server did not accept the device key.', code: 'key-refused' });
      }
      const basic = await get(server, 'api/summaries', undefined, { Authorization: `Basic ${key}` });
      expect(basic.status).toBe(401);
      expect((await get(server, 'api/summaries')).status).toBe(401);
      expect(await countSummaries(server.db)).toBe(0);
    });

    it('stores a new summary (201) and the same id and revision again returns the stored one (200), one row', async () => {
      const s = summary();
      const first = await post(server, key, s);
      expect(first.status).toBe(201);
      expect(await first.json()).toMatchObject({ status: 'created', id: s.id, revision: 1 });
      const again = await post(server, key, s);
      expect(again.status).toBe(200);
      const body = (await again.json()) as { status: string; stored: { summary: { id: string; durationMinutes: number } } };
      expect(body.status).toBe('unchanged');
      expect(body.stored.summary).toMatchObject({ id: s.id, durationMinutes: s.durationMinutes });
      expect(await countSummaries(server.db, s.id)).toBe(1);
    });

    it('never makes two rows from identical requests sent at once', async () => {
      const s = summary();
      const replies = await Promise.all(Array.from({ length: 12 }, () => post(server, key, s)));
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses.filter((code) => code === 201)).toHaveLength(1);
      expect(statuses.filter((code) => code === 200)).toHaveLength(11);
      expect(await countSummaries(server.db, s.id)).toBe(1);
    });

    it('a newer revision replaces the stored one; an older one is ignored and told the stored revision', async () => {
      const s = summary({ revision: 1, durationMinutes: 60 });
      expect((await post(server, key, s)).status).toBe(201);
      const newer = await post(server, key, { ...s, revision: 3, durationMinutes: 75 });
      expect(newer.status).toBe(200);
      expect(await newer.json()).toMatchObject({ status: 'updated', revision: 3 });
      const older = await post(server, key, { ...s, revision: 2, durationMinutes: 1 });
      expect(older.status).toBe(200);
      expect(await older.json()).toMatchObject({ status: 'ignored', revision: 3, stored: { revision: 3 } });
      const list = (await (await get(server, `api/summaries?group=${s.groupId}`, officeKey)).json()) as {
        summaries: { id: string; revision: number; summary: { durationMinutes: number } }[];
      };
      const mine = list.summaries.filter((x) => x.id === s.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ revision: 3, summary: { durationMinutes: 75 } });
      expect(await countSummaries(server.db, s.id)).toBe(1);
    });

    it('refuses an id already used for another meeting (409) and keeps the stored one', async () => {
      const s = summary({ meetingId: 'mtg-one' });
      expect((await post(server, key, s)).status).toBe(201);
      const clash = await post(server, key, { ...s, meetingId: 'mtg-two', revision: 5 });
      expect(clash.status).toBe(409);
      const list = (await (await get(server, `api/summaries?group=${s.groupId}`, officeKey)).json()) as {
        summaries: { id: string; revision: number; summary: { meetingId: string } }[];
      };
      expect(list.summaries.find((x) => x.id === s.id)).toMatchObject({ revision: 1, summary: { meetingId: 'mtg-one' } });
    });

    it('answers a malformed summary with 400 and each field error by path', async () => {
      const s = summary();
      const bad = {
        ...s,
        date: '12/03/2025',
        extra: 'a name',
        items: [{ title: 'Item', plannedMinutes: 10, usedMinutes: -1 }],
        actions: [{ text: 'Call back', due: '2025-04-01', status: 'open', owner: 'Ann Smith' }],
      };
      const res = await post(server, key, bad);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; fields: { path: string; message: string }[] };
      expect(body.error).toBe('The summary is not valid.');
      const paths = body.fields.map((f) => f.path);
      expect(paths).toEqual(expect.arrayContaining(['date', 'extra', 'items.0.usedMinutes']));
      for (const field of body.fields) expect(field.message.length).toBeGreaterThan(3);
      // Names only when the chair chose them: an owner with names: false is refused.
      const named = await post(server, key, { ...s, actions: [{ text: 'Call back', due: '2025-04-01', status: 'open', owner: 'Ann Smith' }] });
      expect(named.status).toBe(400);
      expect(((await named.json()) as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['actions.0.owner']);
      const withNames = await post(server, key, { ...s, names: true, groupName: 'Discharge group', actions: [{ text: 'Call back', due: '2025-04-01', status: 'open', owner: 'Ann Smith' }] });
      expect(withNames.status).toBe(201);
      const notJson = await post(server, key, '{"id": ');
      expect(notJson.status).toBe(400);
      expect(await countSummaries(server.db, s.id)).toBe(1);
    });

    // Every refusal names its code, and its status is the one PROBLEM_STATUS gives that code:
    // a client tells refusals apart by code, never by matching the words.
    it.each<[string, ProblemCode, () => Promise<Response>]>([
      ['no key', 'key-refused', () => post(server, undefined, summary())],
      ['an office key sending a summary', 'wrong-role', () => post(server, officeKey, summary())],
      ['a summary that breaks the schema', 'invalid', () => post(server, key, { ...summary(), date: '12/03/2025' })],
      ['a body that is not JSON', 'invalid', () => post(server, key, '{"id": ')],
      ['a body not sent as JSON', 'not-json-type', () => post(server, key, '{}', { 'Content-Type': 'text/plain' })],
      ['a NUL in a text field', 'bad-text', () => post(server, key, { ...summary(), glossaryTerms: ['a\u0000b'] })],
      ['a body over 256 KB', 'too-large', () => post(server, key, 'x'.repeat(257 * 1024))],
      ['a filter that is not a date', 'invalid', () => get(server, 'api/summaries?from=yesterday', officeKey)],
      ['an address that is not there', 'no-such-address', () => get(server, 'api/nowhere', key)],
    ])('%s is refused as %s with that code\'s status', async (_what, code, send) => {
      const res = await send();
      const body = (await res.json()) as { error: string; code: string };
      expect(body.code).toBe(code);
      expect(res.status).toBe(PROBLEM_STATUS[code]);
      expect(body.error.length).toBeGreaterThan(10);
    });

    it('a reused summary id and a changed body at the same revision are told apart by code', async () => {
      const s = summary({ meetingId: 'mtg-code-one' });
      expect((await post(server, key, s)).status).toBe(201);
      const reused = await post(server, key, { ...s, meetingId: 'mtg-code-two', revision: 5 });
      expect([reused.status, ((await reused.json()) as { code: string }).code]).toEqual([409, 'id-conflict']);
      const changed = await post(server, key, { ...s, glossaryTerms: ['changed'] });
      expect([changed.status, ((await changed.json()) as { code: string }).code]).toEqual([409, 'revision-changed']);
    });

    it('refuses a summary over 256 KB with 413 and stores nothing', async () => {
      const s = summary({ glossaryTerms: Array.from({ length: 400 }, (_, i) => `term ${i} ${'x'.repeat(100)}`) });
      const big = { ...s, decisions: Array.from({ length: 200 }, () => ({ text: 'y'.repeat(1500), how: 'consensus' })) };
      expect(JSON.stringify(big).length).toBeGreaterThan(256 * 1024);
      const res = await post(server, key, big);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: string }).error).toMatch(/larger than the server accepts/);
      expect(await countSummaries(server.db, s.id)).toBe(0);
    });

    it('answers nothing but 401 to a caller without a valid key, whatever the body', async () => {
      const wrong = 'heard_not-a-real-key-at-all-000000000000000000';
      const s = summary();
      const tooBig = { ...s, decisions: Array.from({ length: 200 }, () => ({ text: 'y'.repeat(1500), how: 'consensus' })) };
      for (const body of [tooBig, '{"id": ', { ...s, date: 'yesterday' }]) {
        const res = await post(server, wrong, body);
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: 'The server did not accept the device key.', code: 'key-refused' });
      }
      const notJson = await post(server, wrong, s, { 'Content-Type': 'text/plain' });
      expect(notJson.status).toBe(401);
      expect(await countSummaries(server.db, s.id)).toBe(0);
    });

    it('refuses a body sent in chunks, without a length, once it passes 256 KB', async () => {
      const send = (size: number) =>
        new Promise<number>((resolve, reject) => {
          const req = request(new URL('api/summaries', server.url), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', Authorization: `Bearer ${key}` },
          });
          req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
          req.on('error', reject);
          const s = JSON.stringify(summary({ glossaryTerms: ['x'.repeat(size)] }));
          // Written in pieces: no Content-Length for the server to trust.
          for (let i = 0; i < s.length; i += 1000) req.write(s.slice(i, i + 1000));
          req.end();
        });
      expect(await send(100)).toBe(201);
      expect(await send(300 * 1024)).toBe(413);
    });

    it('stops accepting a revoked key at once', async () => {
      const other = await newKey(server, 'Library tablet');
      const libraryGroup = `grp-library-${backend.name}`;
      expect((await post(server, other, summary({ groupId: libraryGroup }))).status).toBe(201);
      const { listKeys } = await import('../src/keys.js');
      const id = (await listKeys(server.db)).find((k) => k.label === 'Library tablet')!.id;
      expect(await revokeKey(server.db, id)).toBe(true);
      const s = summary({ groupId: libraryGroup });
      const res = await post(server, other, s);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'The server did not accept the device key.', code: 'key-refused' });
      expect((await get(server, 'api/summaries', other)).status).toBe(401);
      expect(await countSummaries(server.db, s.id)).toBe(0);
      // The other key is unaffected.
      expect((await post(server, key, summary())).status).toBe(201);
    });

    it('allows CORS only for the configured app origin, preflight included', async () => {
      const preflight = (origin: string) =>
        fetch(new URL('api/summaries', server.url), {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
        });
      const allowed = await preflight(APP_ORIGIN);
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      const denied = await preflight('http://evil.example');
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
      const actual = await post(server, key, summary(), { Origin: APP_ORIGIN });
      expect(actual.status).toBe(201);
      expect(actual.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(actual.headers.get('access-control-expose-headers')).toBe('Retry-After');
      const other = await post(server, key, summary(), { Origin: 'http://127.0.0.1:9999' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('lists summaries filtered by group and date range', async () => {
      const group = `grp-filter-${backend.name}`;
      const dates = ['2025-01-10', '2025-02-14', '2025-03-20'];
      for (const date of dates) expect((await post(server, key, summary({ groupId: group, date }))).status).toBe(201);
      expect((await post(server, key, summary({ groupId: 'grp-elsewhere', date: '2025-02-14' }))).status).toBe(201);
      const list = async (query: string) =>
        ((await (await get(server, `api/summaries?${query}`, officeKey)).json()) as { summaries: { summary: { groupId: string; date: string } }[] }).summaries;
      expect((await list(`group=${group}`)).map((s) => s.summary.date)).toEqual(dates);
      expect((await list(`group=${group}&from=2025-02-01`)).map((s) => s.summary.date)).toEqual(['2025-02-14', '2025-03-20']);
      expect((await list(`group=${group}&from=2025-02-01&to=2025-02-28`)).map((s) => s.summary.date)).toEqual(['2025-02-14']);
      expect((await list('from=2025-02-14&to=2025-02-14')).map((s) => s.summary.groupId).sort()).toEqual(['grp-elsewhere', group].sort());
      expect((await get(server, 'api/summaries?from=14/02/2025', officeKey)).status).toBe(400);
    });

    it('keeps exactly one row when the connection drops after the summary was stored but before the reply', async () => {
      const s = summary();
      let stored!: () => void;
      const storedOnServer = new Promise<void>((resolve) => (stored = resolve));
      let release!: () => void;
      afterStore = async (id) => {
        if (id !== s.id) return;
        stored();
        await new Promise<void>((resolve) => (release = resolve));
      };
      const body = JSON.stringify(s);
      const dropped = new Promise<string>((resolve) => {
        const req = request(new URL('api/summaries', server.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${key}` },
        });
        req.on('response', () => resolve('got a reply'));
        req.on('error', (error) => resolve(`dropped: ${error.message}`));
        req.end(body);
        void storedOnServer.then(() => req.destroy(new Error('connection lost')));
      });
      expect(await dropped).toMatch(/^dropped/);
      afterStore = undefined;
      release();
      expect(await countSummaries(server.db, s.id)).toBe(1);
      const retry = await post(server, key, s);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toMatchObject({ status: 'unchanged', id: s.id });
      expect(await countSummaries(server.db, s.id)).toBe(1);
    });

    it('office page: sign-in form, key cookie (HttpOnly, SameSite=Strict), a summary\'s figures, strict CSP', async () => {
      const signedOut = await get(server, '');
      expect(signedOut.status).toBe(200);
      const csp = signedOut.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const form = await signedOut.text();
      expect(form).toContain('action="/office/sign-in"');
      expect(form).not.toMatch(/<script/i);

      const wrong = await signIn(server, 'heard_wrong');
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('set-cookie')).toBeNull();

      const officeKey = await newKey(server, 'Programme office', 'office');
      const group = `grp-office-${backend.name}`;
      const s = summary({
        groupId: group,
        names: true,
        groupName: '<script>alert(1)</script> Discharge group',
        date: '2025-05-06',
        voiceBalance: [
          { perspective: 'Lived experience', talkSeconds: 900, turns: 11, fairShareSeconds: 1200 },
          { perspective: 'Staff', talkSeconds: 2100, turns: 25, fairShareSeconds: 1800 },
        ],
        checkIn: { checkedIn: 7, oneToOneRequests: 2, prompts: [{ prompt: 'Were you able to have your say?', counts: { Yes: 3, 'A bit': 3, No: 1 } }] },
      });
      expect((await post(server, key, s)).status).toBe(201);

      const signedIn = await signIn(server, officeKey);
      expect(signedIn.status).toBe(303);
      const cookie = signedIn.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).not.toContain(officeKey);
      const session = cookie.split(';')[0]!;

      const page = await get(server, '', undefined, { Cookie: session });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await page.text();
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Discharge group');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('2025-05-06');
      expect(html).toContain('30% of talk'); // 900 of 3000 seconds
      expect(html).toContain('70% of talk');
      expect(html).toContain('fair share 40%'); // 1200 of 3000
      expect(html).toContain('Were you able to have your say?');
      expect(html).toContain('Yes: 3');
      expect(html).toContain('No: 1');
      expect(html).toMatch(/<td>7<\/td><td>2<\/td>/); // checked in, one-to-ones asked for
      expect(html).not.toMatch(/<script/i);

      const { listKeys } = await import('../src/keys.js');
      await revokeKey(server.db, (await listKeys(server.db)).find((k) => k.label === 'Programme office')!.id);
      const afterRevoke = await (await get(server, '', undefined, { Cookie: session })).text();
      expect(afterRevoke).toContain('action="/office/sign-in"');
      expect(afterRevoke).not.toContain('Yes: 3');
    });

    it('keeps summaries and keys across a restart on the same database, and migrations run once', async () => {
      const options = backend.fresh();
      const first = await start(options);
      const k = await newKey(first);
      const reader = await newKey(first, 'Office', 'office');
      const s = summary();
      expect((await post(first, k, s)).status).toBe(201);
      await first.close();

      const second = await start(options);
      try {
        expect(await migrate(second.db)).toEqual([]);
        const again = await post(second, k, s);
        expect(again.status).toBe(200);
        expect(await again.json()).toMatchObject({ status: 'unchanged' });
        const list = (await (await get(second, 'api/summaries', reader)).json()) as { summaries: { id: string }[] };
        expect(list.summaries.map((x) => x.id)).toEqual([s.id]);
        const versions = await second.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(versions.map((v) => Number(v.version))).toEqual(loadMigrations().map((m) => m.version));
      } finally {
        await second.close();
      }
    });
  });
}
