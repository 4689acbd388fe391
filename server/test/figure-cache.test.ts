// The programme reflection page's kept sums (issue 24, item 5; src/figure-cache.ts): after any
// change to a summary, however it was made, the kept figures are the figures summed afresh; only
// the changed group is summed again; a change that lands mid-refresh is not lost; and the page
// itself shows a new summary at once. On PGlite always, on PostgreSQL when DATABASE_URL is set.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, statementName, type Database, type Queryable } from '../src/db.js';
import { createFigureCache } from '../src/figure-cache.js';
import { createKey } from '../src/keys.js';
import { loadMigrations, migrate } from '../src/migrations.js';
import { carryOutRequest } from '../src/privacy-requests.js';
import { programmeFigures, programmeShares } from '../src/reflection.js';
import { parsePeriod } from '../src/reflection-model.js';
import { deleteExpiredSummaries } from '../src/retention.js';
import type { RunningServer } from '../src/server.js';
import { storeSummaries, storeSummary, UPSERT_SQL, upsertParams } from '../src/summaries.js';
import { backends, get, newKey, post, signIn, start } from './helpers.js';
import { meeting, seedProgramme, seedProgrammeAsBefore } from './seed-programme.js';

const Q2 = parsePeriod('2025-Q2')!;
const Q3 = parsePeriod('2025-Q3')!;
const YEAR = parsePeriod('2025')!;

/** The database as the cache sees it, with every statement's name and parameters written down. */
function watched(db: Queryable, before?: (name: string) => Promise<void>) {
  const sent: { name: string; params: unknown[] }[] = [];
  const q: Queryable = {
    async query<T>(sql: string, params: unknown[] = []) {
      sent.push({ name: statementName(sql), params });
      const rows = await db.query<T>(sql, params);
      if (before) await before(statementName(sql));
      return rows;
    },
  };
  return { q, sent, summed: () => sent.filter((s) => s.name === 'reflection-talk').map((s) => s.params[0]) };
}

describe('the statements that write summaries', () => {
  // Each counts a change (COUNT_CHANGE) and is tried above. A new one fails here until it does too.
  it('are the known ones: the store statements, the privacy requests and retention', () => {
    const src = new URL('../src/', import.meta.url);
    const writes = readdirSync(src, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'))
      .sort()
      .flatMap((file) => [...readFileSync(new URL(file, src), 'utf8').matchAll(/\b(INSERT INTO|UPDATE|DELETE FROM) summaries\b/g)].map((m) => `${file}: ${m[1]}`));
    expect(writes).toEqual([
      'privacy-requests.ts: UPDATE',
      'privacy-requests.ts: DELETE FROM',
      'privacy-requests.ts: DELETE FROM',
      'retention.ts: DELETE FROM',
      // UPSERT_SQL (the bench's direct insert, tests' keyless rows), OWNED_UPSERT_SQL, OWNED_BATCH_UPSERT_SQL.
      'summaries.ts: INSERT INTO',
      'summaries.ts: INSERT INTO',
      'summaries.ts: INSERT INTO',
    ]);
  });
});

for (const backend of backends()) {
  describe(`the programme's kept sums (${backend.name})`, () => {
    let server: RunningServer;
    let db: Database;
    let keyId = '';
    const truth = async (period = Q2) => ({ figures: await programmeFigures(db, null, period), shares: await programmeShares(db, period) });

    beforeAll(async () => {
      server = await start(backend.fresh());
      db = server.db;
      keyId = (await createKey(db, 'Tablet')).key.id;
      await seedProgramme(db, keyId);
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    it('sums every group once, then reads only the change counts while nothing changes', async () => {
      const { q, sent, summed } = watched(db);
      const kept = createFigureCache(q);
      const first = await kept.figures(Q2);
      expect(first).toEqual((await truth()).figures);
      expect([...first.keys()]).toEqual(['grp-a', 'grp-b', 'grp-c', 'grp-d']);
      expect(summed()).toEqual([['grp-a', 'grp-b', 'grp-c', 'grp-d']]);
      sent.length = 0;
      expect(await kept.figures(Q2)).toEqual(first);
      expect(sent.map((s) => s.name)).toEqual(['group-changes']);
    });

    it('two requests at once on nothing kept sum the groups once between them', async () => {
      const { q, summed } = watched(db);
      const kept = createFigureCache(q);
      const [a, b] = await Promise.all([kept.figures(Q2), kept.shares(Q2).then(() => kept.figures(Q2)), kept.figures(Q2)]);
      expect(a).toEqual(b);
      // One sum of the figures (the second waited for the first) and one of the shares.
      expect(summed()).toHaveLength(2);
    });

    it('after each kind of change, the kept figures are those summed afresh, and only that group is summed again', async () => {
      const { q, summed } = watched(db);
      const kept = createFigureCache(q);
      const both = async (period = Q2) => ({ figures: await kept.figures(period), shares: await kept.shares(period) });
      await both();
      await both(Q3);
      const expectFresh = async (group: string, period = Q2) => {
        const before = summed().length;
        expect(await both(period)).toEqual(await truth(period));
        expect(summed().slice(before)).toEqual([[group], [group]]);
      };

      // A new meeting of grp-b in May: four meetings in the quarter, not three.
      const may = { ...meeting('grp-b', 5), meetingId: 'grp-b-extra', date: '2025-05-20' };
      expect((await storeSummary(db, may, keyId)).outcome).toBe('created');
      await expectFresh('grp-b');
      expect((await kept.figures(Q2)).get('grp-b')?.meetings).toBe(4);

      // A new revision of it with other talk.
      const talk = may.voiceBalance.map((v) => ({ ...v, talkSeconds: v.talkSeconds + 100 }));
      expect((await storeSummary(db, { ...may, revision: 2, voiceBalance: talk }, keyId)).outcome).toBe('updated');
      await expectFresh('grp-b');

      // The revision after moves it to July: out of Q2, into Q3.
      expect((await storeSummary(db, { ...may, revision: 3, voiceBalance: talk, date: '2025-07-20' }, keyId)).outcome).toBe('updated');
      await expectFresh('grp-b');
      await expectFresh('grp-b', Q3);
      expect((await kept.figures(Q2)).get('grp-b')?.meetings).toBe(3);
      expect((await kept.figures(Q3)).get('grp-b')?.meetings).toBe(4);

      // A batch from a tablet, with a meeting of two groups: both summed again, together.
      const batch = [
        { ...meeting('grp-a', 4), meetingId: 'grp-a-batch', date: '2025-06-22' },
        { ...meeting('grp-c', 4), meetingId: 'grp-c-batch', date: '2025-06-23' },
      ];
      expect((await storeSummaries(db, batch, keyId)).map((r) => r.outcome)).toEqual(['created', 'created']);
      const beforeBatch = summed().length;
      expect(await both()).toEqual(await truth());
      expect(summed().slice(beforeBatch)).toEqual([
        ['grp-a', 'grp-c'],
        ['grp-a', 'grp-c'],
      ]);

      // An erasure by a privacy request: a June meeting of grp-c where Ann owns an action.
      const june = meeting('grp-c', 6);
      const owned = { ...june, meetingId: 'grp-c-ann', actions: [{ text: 'Call the hall', due: '2025-06-30', status: 'open' as const, owner: 'Ann Smith', ownerId: 'p-ann', ref: 'c-ann' }] };
      expect((await storeSummary(db, owned, keyId)).outcome).toBe('created');
      await expectFresh('grp-c');
      const caller = { id: keyId, role: 'device' as const };
      const erased = await carryOutRequest(db, 'erase-person', { id: crypto.randomUUID(), groupId: 'grp-c', personId: 'p-ann', pseudonym: 'Former member 1' }, caller);
      expect(erased).toEqual({ outcome: 'done', affected: 1 });
      await expectFresh('grp-c');

      // A meeting deleted by a privacy request.
      const aMay = (await db.query<{ id: string; meeting_id: string }>("SELECT id::text, meeting_id FROM summaries WHERE group_id = 'grp-a' AND meeting_date = '2025-05-10'"))[0]!;
      const deleted = await carryOutRequest(db, 'delete-meeting', { id: crypto.randomUUID(), groupId: 'grp-a', summaryId: aMay.id, meetingId: aMay.meeting_id }, caller);
      expect(deleted).toEqual({ outcome: 'done', affected: 1 });
      await expectFresh('grp-a');
      expect((await kept.figures(Q2)).get('grp-a')?.meetings).toBe(3);

      // A whole group deleted: it leaves the programme's figures.
      expect((await carryOutRequest(db, 'delete-group', { id: crypto.randomUUID(), groupId: 'grp-d' }, caller)).outcome).toBe('done');
      // A group with no summaries left has nothing to sum: it is simply gone.
      const beforeGone = summed().length;
      expect(await both()).toEqual(await truth());
      expect(summed().length).toBe(beforeGone);
      expect((await kept.figures(Q2)).has('grp-d')).toBe(false);

      // Retention deleting every meeting before May 2025: Q2 keeps May and June (grp-c: and Ann's and the batch's).
      expect(await deleteExpiredSummaries(db, 12, new Date('2026-05-01'))).toBeGreaterThan(0);
      const before = summed().length;
      expect(await both()).toEqual(await truth());
      expect(summed().slice(before)).toEqual([
        ['grp-a', 'grp-b', 'grp-c'],
        ['grp-a', 'grp-b', 'grp-c'],
      ]);
      expect((await kept.figures(Q2)).get('grp-c')?.meetings).toBe(4);
    });

    it('a change that lands between reading the counts and summing is summed by the next request', async () => {
      let landed = false;
      const { q, summed } = watched(db, async (name) => {
        if (name !== 'group-changes' || landed) return;
        landed = true;
        // Lands after this request read the counts, before it sums.
        await storeSummary(db, { ...meeting('grp-c', 6), meetingId: 'grp-c-late', date: '2025-06-25' }, keyId);
      });
      const kept = createFigureCache(q);
      const first = await kept.figures(Q2);
      expect(landed).toBe(true);
      // The late meeting is already in the first sums (the four before it, and this one).
      expect(first.get('grp-c')!.meetings).toBe(5);
      const second = await kept.figures(Q2);
      expect(second).toEqual((await truth()).figures);
      expect(second.get('grp-c')!.meetings).toBe(first.get('grp-c')!.meetings);
      expect(summed().at(-1)).toEqual(['grp-c']);
    });
  });

  describe(`the programme page after a send (${backend.name})`, () => {
    let server: RunningServer;
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    it('shows a summary sent after the page was last read, at the next reading', async () => {
      server = await start(backend.fresh());
      const tablet = await newKey(server);
      const office = await newKey(server, 'Programme office', 'office');
      const cookie = ((await signIn(server, office)).headers.get('set-cookie') ?? '').split(';')[0]!;
      const meetings = async () => {
        const html = await (await get(server, 'office/programme?period=2025-Q2', undefined, { Cookie: cookie })).text();
        return /grp-b<\/t[dh]><t[dh][^>]*>(\d+)</.exec(html)?.[1];
      };
      for (const m of [4, 5]) expect((await post(server, tablet, meeting('grp-b', m))).status).toBe(201);
      expect(await meetings()).toBe('2');
      expect((await post(server, tablet, meeting('grp-b', 6))).status).toBe(201);
      expect(await meetings()).toBe('3');
    }, 60_000);
  });

  describe(`upgrading to the kept sums (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    it('gives every group owned before migration 005 a change count, so its sums are kept and summed again after a send', async () => {
      const db = await openDatabase(backend.fresh());
      try {
        await migrate(db, loadMigrations().filter((m) => m.version <= 4));
        const [key] = await db.query<{ id: string }>("INSERT INTO device_keys (id, label, key_hash) VALUES ('key_tablet', 'Tablet', 'x') RETURNING id");
        await seedProgrammeAsBefore(db, key!.id);
        expect(await migrate(db)).toContain(5);
        const { q, summed } = watched(db);
        const kept = createFigureCache(q);
        expect(await kept.figures(YEAR)).toEqual(await programmeFigures(db, null, YEAR));
        expect(await kept.figures(YEAR)).toEqual(await programmeFigures(db, null, YEAR));
        expect((await storeSummary(db, { ...meeting('grp-d', 3), meetingId: 'grp-d-new' }, key!.id)).outcome).toBe('created');
        const figures = await kept.figures(YEAR);
        expect(figures).toEqual(await programmeFigures(db, null, YEAR));
        expect(figures.get('grp-d')?.meetings).toBe(13);
        expect(summed()).toEqual([['grp-a', 'grp-b', 'grp-c', 'grp-d'], ['grp-d']]);
      } finally {
        await db.close();
      }
    }, 60_000);

    it('sums a group nobody owns (summaries from before owners) at every request, so none of its changes is missed', async () => {
      const db = await openDatabase(backend.fresh());
      try {
        await migrate(db);
        for (const m of [1, 2]) await db.query(UPSERT_SQL, upsertParams(meeting('grp-b', m), null));
        const { q, summed } = watched(db);
        const kept = createFigureCache(q);
        expect((await kept.figures(YEAR)).get('grp-b')?.meetings).toBe(2);
        await db.query(UPSERT_SQL, upsertParams(meeting('grp-b', 3), null));
        expect((await kept.figures(YEAR)).get('grp-b')?.meetings).toBe(3);
        expect(summed()).toEqual([['grp-b'], ['grp-b']]);
      } finally {
        await db.close();
      }
    }, 60_000);
  });
}
