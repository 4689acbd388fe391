// Issue 18: hostile requests are answered with 4xx, and nothing said to the server reaches its log.
// Text PostgreSQL cannot store, a changed body under a stored revision, unbounded reads, guessed
// keys and a sign-in posted from another site. On PGlite always, on PostgreSQL when DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashSecret } from '../src/keys.js';
import type { RunningServer } from '../src/server.js';
import { countSummaries, UPSERT_SQL, upsertParams } from '../src/summaries.js';
import type { Summary } from '../src/summary-schema.js';
import { backends, get, newKey, post, postRequest, signIn, start, summary } from './helpers.js';

type Fields = { error: string; fields: { path: string; message: string }[] };

const NUL = '\u0000';
const HIGH = '\ud800';
const LOW = '\udc00';
const BAD = [
  ['a NUL', NUL],
  ['a lone high surrogate', HIGH],
  ['a lone low surrogate', LOW],
] as const;

/** Every text field a summary has, with names and a group review so that none is missing. */
const full = (): Summary =>
  summary({
    groupId: `grp-text-${randomUUID()}`,
    names: true,
    groupName: 'Discharge group',
    actions: [{ text: 'Draft the letter', due: '2025-04-09', status: 'open', owner: 'Ann Smith', ownerId: 'p-ann' }],
    groupReview: { date: '2025-03-12', ratings: [{ topic: 'Were we heard?', counts: { Yes: 3 } }], comments: 1 },
  });

/** [the field's path in the answer, how to put the bad text there]. A record's key is a field too. */
const SUMMARY_FIELDS: [string | ((bad: string) => string), (s: Summary, bad: string) => void][] = [
  ['groupId', (s, bad) => (s.groupId += bad)],
  ['groupName', (s, bad) => (s.groupName += bad)],
  ['meetingId', (s, bad) => (s.meetingId += bad)],
  ['date', (s, bad) => (s.date += bad)],
  [(bad) => `presentByPerspective.Carer${bad}`, (s, bad) => (s.presentByPerspective = { [`Carer${bad}`]: 2 })],
  ['items.0.title', (s, bad) => (s.items[0]!.title += bad)],
  ['voiceBalance.0.perspective', (s, bad) => (s.voiceBalance[0]!.perspective += bad)],
  ['decisions.0.text', (s, bad) => (s.decisions[0]!.text += bad)],
  ['decisions.0.how', (s, bad) => ((s.decisions[0] as { how: string }).how += bad)],
  ['actions.0.text', (s, bad) => (s.actions[0]!.text += bad)],
  ['actions.0.due', (s, bad) => (s.actions[0]!.due += bad)],
  ['actions.0.status', (s, bad) => ((s.actions[0] as { status: string }).status += bad)],
  ['actions.0.owner', (s, bad) => (s.actions[0]!.owner += bad)],
  ['actions.0.ownerId', (s, bad) => (s.actions[0]!.ownerId += bad)],
  ['checkIn.prompts.0.prompt', (s, bad) => (s.checkIn.prompts[0]!.prompt += bad)],
  [(bad) => `checkIn.prompts.0.counts.Yes${bad}`, (s, bad) => (s.checkIn.prompts[0]!.counts = { [`Yes${bad}`]: 1 })],
  ['glossaryTerms.1', (s, bad) => (s.glossaryTerms[1] += bad)],
  ['groupReview.date', (s, bad) => (s.groupReview!.date += bad)],
  ['groupReview.ratings.0.topic', (s, bad) => (s.groupReview!.ratings[0]!.topic += bad)],
  [(bad) => `groupReview.ratings.0.counts.Yes${bad}`, (s, bad) => (s.groupReview!.ratings[0]!.counts = { [`Yes${bad}`]: 3 })],
  [(bad) => `extra${bad}`, (s, bad) => ((s as unknown as Record<string, unknown>)[`extra${bad}`] = 'x')],
];

const REQUEST_FIELDS: [kind: string, field: string][] = [
  ['erase-person', 'id'],
  ['erase-person', 'groupId'],
  ['erase-person', 'personId'],
  ['erase-person', 'pseudonym'],
  ['delete-meeting', 'groupId'],
  ['delete-meeting', 'meetingId'],
  ['delete-meeting', 'summaryId'],
  ['delete-group', 'groupId'],
];

const requestBody = (kind: string, groupId: string): Record<string, string> =>
  ({
    'erase-person': { id: randomUUID(), groupId, personId: 'p-ann', pseudonym: 'Former member 1' },
    'delete-meeting': { id: randomUUID(), groupId, meetingId: 'mtg-1', summaryId: randomUUID() },
    'delete-group': { id: randomUUID(), groupId },
  })[kind]!;

for (const backend of backends()) {
  describe(`hostile requests on ${backend.name}`, () => {
    let server: RunningServer;
    let key: string;
    let office: string;

    beforeAll(async () => {
      server = await start(backend.fresh());
      key = await newKey(server);
      office = await newKey(server, 'Programme office', 'office');
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });
    afterEach(() => vi.restoreAllMocks());

    describe.each(BAD)('%s', (_, bad) => {
      it.each(SUMMARY_FIELDS.map(([path, put]) => [typeof path === 'string' ? path : path('…'), path, put] as const))(
        'in a summary’s %s is a 400 with that field’s path, and nothing is stored',
        async (_name, path, put) => {
          const s = full();
          put(s, bad);
          const res = await post(server, key, s);
          expect(res.status).toBe(400);
          const body = (await res.json()) as Fields;
          expect(body.error).toBe('The summary holds text that cannot be stored.');
          expect(body.fields.map((f) => f.path)).toEqual([typeof path === 'string' ? path : path(bad)]);
          expect(body.fields[0]!.message).toMatch(bad === NUL ? /NUL/ : /lone surrogate/);
          expect(await countSummaries(server.db, s.id)).toBe(0);
        },
      );

      it.each(REQUEST_FIELDS)('in a %s request’s %s is a 400 with that field’s path', async (kind, field) => {
        const group = `grp-req-${randomUUID()}`;
        const body = requestBody(kind, group);
        body[field] += bad;
        const res = await postRequest(server, key, kind, body);
        expect(res.status).toBe(400);
        expect(((await res.json()) as Fields).fields.map((f) => f.path)).toEqual([field]);
        expect(await server.db.query('SELECT id FROM privacy_requests WHERE group_id = $1', [group])).toEqual([]);
      });
    });

    it('an escape written in capitals, as another client may send it, is found too', async () => {
      const s = summary({ groupId: `grp-caps-${randomUUID()}` });
      const raw = JSON.stringify(s).replace('"Discharge letters"', '"Discharge \\uDBFF letters"').replace('"MDT"', '"MDT\\u0000"');
      expect(raw).toContain('\\uDBFF');
      const res = await post(server, key, raw);
      expect(res.status).toBe(400);
      expect(((await res.json()) as Fields).fields.map((f) => f.path)).toEqual(['items.1.title', 'glossaryTerms.0']);
    });

    it('a NUL in a listing’s filter is a 400 with its name', async () => {
      const res = await get(server, 'api/summaries?group=grp%00x', office);
      expect(res.status).toBe(400);
      expect(((await res.json()) as Fields).fields.map((f) => f.path)).toEqual(['group']);
    });

    it('the same id and revision with a different body is a 409, and the stored one stays; the same body in another order is unchanged', async () => {
      const s = summary({ groupId: `grp-409-${randomUUID()}`, durationMinutes: 60 });
      expect((await post(server, key, s)).status).toBe(201);
      for (const changed of [{ ...s, durationMinutes: 61 }, { ...s, glossaryTerms: [...s.glossaryTerms, 'ICB'] }]) {
        const res = await post(server, key, changed);
        expect(res.status).toBe(409);
        expect(((await res.json()) as Fields).error).toMatch(/different summary is already stored with this id and revision/);
      }
      const reordered = Object.fromEntries(Object.entries(s).reverse());
      const again = await post(server, key, reordered);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ status: 'unchanged' });
      const [row] = await server.db.query<{ body: unknown }>('SELECT body FROM summaries WHERE id = $1', [s.id]);
      const body = (typeof row!.body === 'string' ? JSON.parse(row!.body) : row!.body) as Summary;
      expect(body.durationMinutes).toBe(60);
      expect(body.glossaryTerms).toEqual(s.glossaryTerms);
    });

    it('logs an error id and the statement’s name for a 500, never the body, key or key hash; nothing for a 400', async () => {
      const logged: string[] = [];
      for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
      }
      const marker = `Marker ${randomUUID()}`;
      const s = summary({ groupId: `grp-log-${randomUUID()}`, decisions: [{ text: marker, how: 'consensus' }] });
      const secrets = [key, hashSecret(key), marker, s.groupId, s.id];

      // A 400: bad text, and a summary the schema refuses.
      expect((await post(server, key, { ...s, decisions: [{ text: `${marker}${NUL}`, how: 'consensus' }] })).status).toBe(400);
      expect((await post(server, key, { ...s, date: marker })).status).toBe(400);
      expect(logged).toEqual([]);

      // A 500: the table is gone for a moment.
      await server.db.exec('ALTER TABLE summaries RENAME TO summaries_away');
      let res: Response;
      try {
        res = await post(server, key, s);
      } finally {
        await server.db.exec('ALTER TABLE summaries_away RENAME TO summaries');
      }
      expect(res.status).toBe(500);
      const { errorId } = (await res.json()) as { errorId: string };
      expect(errorId).toMatch(/^[0-9a-f]{12}$/);
      expect(logged).toEqual([`Sync server error ${errorId}: statement store-summary (SQLSTATE 42P01)`]);
      for (const secret of secrets) expect(logged.join('\n')).not.toContain(secret);
      // Retried once the database is back: stored.
      expect((await post(server, key, s)).status).toBe(201);
    });

    it('the OpenAPI document says all this: 403 and 429 on every keyed path, paging parameters and next', async () => {
      const doc = (await (await get(server, 'api/openapi.json')).json()) as {
        paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>>;
      };
      const keyed = [doc.paths['/api/summaries']!.post!, doc.paths['/api/summaries']!.get!, ...['erase-person', 'delete-meeting', 'delete-group'].map((k) => doc.paths[`/api/requests/${k}`]!.post!)];
      for (const operation of keyed) expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '429']));
      expect(doc.paths['/api/summaries']!.get!.parameters!.map((p) => p.name)).toEqual(['group', 'from', 'to', 'limit', 'cursor']);
      expect(JSON.stringify(doc.paths['/api/summaries']!.get!.responses['200'])).toContain('"next"');
    });

    describe('paging', () => {
      const COUNT = 620;
      const range = 'from=2031-01-01&to=2031-12-31';
      let expected: string[] = [];

      beforeAll(async () => {
        const rows = Array.from({ length: COUNT }, (_, i) =>
          summary({ groupId: `grp-paging-${i % 7}`, meetingId: `mtg-${i}`, date: `2031-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` }),
        );
        await server.db.transaction(async (tx) => {
          for (const s of rows) await tx.query(UPSERT_SQL, upsertParams(s, null));
        });
        const order = (s: Summary) => [s.groupId, s.date, s.id].join(' ');
        expected = [...rows].sort((x, y) => (order(x) < order(y) ? -1 : 1)).map((s) => s.id);
      });

      const page = async (query: string) => {
        const res = await get(server, `api/summaries?${query}`, office);
        expect(res.status).toBe(200);
        return (await res.json()) as { summaries: { id: string }[]; next: string | null };
      };

      it(`pages over ${COUNT} rows: at most 500 a page, in one stable order, each row once, then no next`, async () => {
        const first = await page(`${range}&limit=500`);
        expect(first.summaries).toHaveLength(500);
        expect(first.next).toEqual(expect.any(String));
        const second = await page(`${range}&limit=500&cursor=${encodeURIComponent(first.next!)}`);
        expect(second.summaries).toHaveLength(COUNT - 500);
        expect(second.next).toBeNull();
        expect([...first.summaries, ...second.summaries].map((s) => s.id)).toEqual(expected);
      });

      it('gives 100 by default, and walking the default pages meets every row once', async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let i = 0; i < 10; i += 1) {
          const got = await page(`${range}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          expect(got.summaries.length).toBeLessThanOrEqual(100);
          seen.push(...got.summaries.map((s) => s.id));
          cursor = got.next;
          if (!cursor) break;
        }
        expect(seen).toEqual(expected);
      });

      it.each([
        ['limit=501', 'limit'],
        ['limit=0', 'limit'],
        ['limit=ten', 'limit'],
        ['cursor=not-a-cursor', 'cursor'],
        [`cursor=${Buffer.from('["a","2031-01-01","x"]').toString('base64url')}`, 'cursor'],
        ['everything=1', 'everything'],
      ])('refuses %s with 400 and its name', async (query, field) => {
        const res = await get(server, `api/summaries?${query}`, office);
        expect(res.status).toBe(400);
        expect(((await res.json()) as Fields).fields.map((f) => f.path)).toEqual([field]);
      });

      it('the office page shows 100 at a time and says how many there are', async () => {
        const total = await countSummaries(server.db);
        expect(total).toBeGreaterThan(COUNT);
        const cookie = ((await signIn(server, office)).headers.get('set-cookie') ?? '').split(';')[0]!;
        const first = await (await get(server, '', undefined, { Cookie: cookie })).text();
        expect(first).toContain(`Summaries 1 to 100 of ${total}.`);
        const next = /<a href="(\/\?after=[^"]+)" rel="next">Next page<\/a>/.exec(first)?.[1];
        expect(next).toBeDefined();
        const second = await (await get(server, next!.replaceAll('&amp;', '&').slice(1), undefined, { Cookie: cookie })).text();
        expect(second).toContain(`Summaries 101 to 200 of ${total}.`);
        expect(second).toContain('<a href="/">First page</a>');
        expect((second.match(/<tr><th scope="row">\d{4}-\d{2}-\d{2}<\/th><td>\d+ min/g) ?? []).length).toBe(100);
      });
    });

    describe('office sign-in from another site', () => {
      it.each([
        ['another site’s Origin', { Origin: 'http://evil.example' }],
        ['Origin null (a page that hides where it is)', { Origin: 'null' }],
        ['another site’s Referer and no Origin', { Referer: 'http://evil.example/page' }],
        ['neither Origin nor Referer', {}],
      ])('is refused with 403 and no cookie: %s', async (_, headers: Record<string, string>) => {
        const res = await signIn(server, office, headers);
        expect(res.status).toBe(403);
        expect(res.headers.get('set-cookie')).toBeNull();
        expect(await res.text()).toContain('This form was not sent from this server’s own page');
      });

      it('is accepted from the server’s own page (its Origin, or its Referer without one)', async () => {
        const origin = new URL(server.url).origin;
        expect((await signIn(server, office, { Origin: origin })).status).toBe(303);
        expect((await signIn(server, office, { Referer: `${origin}/` })).status).toBe(303);
      });

      it('a sign-out posted from another site leaves the session as it was', async () => {
        const cookie = ((await signIn(server, office)).headers.get('set-cookie') ?? '').split(';')[0]!;
        const out = await fetch(new URL('office/sign-out', server.url), { method: 'POST', headers: { Cookie: cookie, Origin: 'http://evil.example' }, redirect: 'manual' });
        expect(out.status).toBe(403);
        expect(await (await get(server, '', undefined, { Cookie: cookie })).text()).toContain('Signed in with “Programme office”');
      });

      it('the office pages are sent so that a browser names their origin on their own form posts', async () => {
        const res = await get(server, '');
        expect(res.headers.get('referrer-policy')).toBe('same-origin');
        expect(await res.text()).toContain('<meta name="referrer" content="same-origin">');
      });

      it('on loopback the cookie is not Secure and there is no HSTS (plain http://127.0.0.1 must work)', async () => {
        const res = await signIn(server, office);
        expect(res.headers.get('set-cookie')).not.toMatch(/Secure/i);
        expect(res.headers.get('strict-transport-security')).toBeNull();
      });
    });
  });

  describe(`guessing is slowed on ${backend.name}`, () => {
    let server: RunningServer;
    let key: string;
    let clock = Date.UTC(2026, 0, 1);

    beforeAll(async () => {
      // Behind a proxy that names the client, so one test can be several addresses; a clock the test moves.
      server = await start({ ...backend.fresh(), authLimit: { max: 3, windowMs: 60_000 }, now: () => clock, trustProxy: true, secureCookies: true, hsts: true });
      key = await newKey(server);
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    const from = (address: string) => ({ 'X-Forwarded-For': `198.51.100.9, ${address}` });
    const wrong = 'heard_not-a-real-key-at-all-000000000000000000';

    it('answers 429 with Retry-After after the limit of failures from one address, a right key included; others are not held up; it recovers after the window', async () => {
      const address = '203.0.113.5';
      for (let i = 0; i < 3; i += 1) expect((await post(server, wrong, summary(), from(address))).status).toBe(401);
      const held = await post(server, key, summary(), from(address));
      expect(held.status).toBe(429);
      expect(held.headers.get('retry-after')).toBe('60');
      expect(((await held.json()) as { error: string }).error).toBe('Too many keys that were not accepted came from this address. Try again in 60 seconds.');
      // Nor is the body looked at.
      expect((await post(server, key, '{"id": ', from(address))).status).toBe(429);
      expect((await post(server, key, summary(), from('203.0.113.6'))).status).toBe(201);

      clock += 30_000;
      const later = await get(server, 'api/summaries', key, from(address));
      expect(later.status).toBe(429);
      expect(later.headers.get('retry-after')).toBe('30');
      clock += 30_001;
      expect((await post(server, key, summary(), from(address))).status).toBe(201);
      // A new window: three more failures are allowed before the next wait.
      for (let i = 0; i < 3; i += 1) expect((await post(server, wrong, summary(), from(address))).status).toBe(401);
      expect((await post(server, key, summary(), from(address))).status).toBe(429);
    });

    it('counts failed sign-ins too, and holds the sign-in form up as well', async () => {
      const address = '203.0.113.7';
      const origin = new URL(server.url).origin;
      for (let i = 0; i < 3; i += 1) expect((await signIn(server, wrong, { Origin: origin, ...from(address) })).status).toBe(401);
      const held = await signIn(server, wrong, { Origin: origin, ...from(address) });
      expect(held.status).toBe(429);
      expect(held.headers.get('retry-after')).toBe('60');
      expect(await held.text()).toContain('Try again in 60 seconds');
      expect((await post(server, key, summary(), from(address))).status).toBe(429);
      clock += 60_001;
      expect((await post(server, key, summary(), from(address))).status).toBe(201);
    });

    it('set to Secure: the office cookie is Secure and every answer carries HSTS', async () => {
      const office = await newKey(server, 'Office', 'office');
      const res = await signIn(server, office, { Origin: new URL(server.url).origin, ...from('203.0.113.8') });
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect((await get(server, 'api/health')).headers.get('strict-transport-security')).toBe('max-age=31536000');
    });
  });
}
