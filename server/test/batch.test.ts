// POST /api/summaries/batch: each summary of a batch gets the answer the single send would give it,
// with the same key roles, group owners and checks; limits and odd batches each have one answer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUPLICATE_IN_BATCH, GROUP_REFUSED, MAX_BATCH, ROLE_REFUSED, type BatchResult } from '../src/app.js';
import type { RunningServer } from '../src/server.js';
import { countSummaries } from '../src/summaries.js';
import { APP_ORIGIN, backends, newKey, post, postBatch, start, summary } from './helpers.js';

const results = async (res: Response) => ((await res.json()) as { results: BatchResult[] }).results;

for (const backend of backends()) {
  describe(`batched sending on ${backend.name}`, () => {
    let server: RunningServer;
    let key: string;
    let otherTablet: string;
    let officeKey: string;

    beforeAll(async () => {
      server = await start(backend.fresh());
      key = await newKey(server);
      otherTablet = await newKey(server, 'Another tablet');
      officeKey = await newKey(server, 'Office', 'office');
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    it('answers each summary in the order sent: created, unchanged, updated, ignored and refused side by side', async () => {
      const [same, newer, older, fresh] = [summary(), summary(), summary({ revision: 3 }), summary()];
      for (const s of [same, newer, older]) expect((await post(server, key, s)).status).toBe(201);
      const invalid = { ...summary(), durationMinutes: -1 };
      const res = await postBatch(server, key, [fresh, same, { ...newer, revision: 2 }, { ...older, revision: 2 }, invalid]);
      expect(res.status).toBe(200);
      expect(await results(res)).toEqual([
        { id: fresh.id, status: 'created', revision: 1 },
        { id: same.id, status: 'unchanged', revision: 1 },
        { id: newer.id, status: 'updated', revision: 2 },
        { id: older.id, status: 'ignored', revision: 3 },
        { id: invalid.id, status: 'refused', httpStatus: 400, code: 'invalid', error: 'The summary is not valid.', fields: [expect.objectContaining({ path: 'durationMinutes' })] },
      ]);
      // The refused one is not stored; the rest are, once each.
      expect(await countSummaries(server.db, invalid.id)).toBe(0);
      for (const s of [fresh, same, newer, older]) expect(await countSummaries(server.db, s.id)).toBe(1);
      const [row] = await server.db.query<{ revision: number }>('SELECT revision FROM summaries WHERE id = $1', [newer.id]);
      expect(Number(row?.revision)).toBe(2);
    });

    it('the same batch sent again (a lost reply) makes no second row: each is unchanged', async () => {
      const batch = [summary(), summary(), summary()];
      const first = await results(await postBatch(server, key, batch));
      expect(first.map((r) => r.status)).toEqual(['created', 'created', 'created']);
      const [again, atOnce] = await Promise.all([postBatch(server, key, batch), postBatch(server, key, batch)]);
      for (const res of [again, atOnce]) expect((await results(res)).map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
      for (const s of batch) expect(await countSummaries(server.db, s.id)).toBe(1);
    });

    it('refuses, per summary, another tablet’s group (403), another meeting’s id and a changed body (409), and stores the rest', async () => {
      const theirs = summary({ groupId: `theirs-${randomUUID()}` });
      expect((await post(server, otherTablet, theirs)).status).toBe(201);
      const stored = summary();
      expect((await post(server, key, stored)).status).toBe(201);
      const mine = summary({ groupId: `mine-${randomUUID()}` });
      const res = await postBatch(server, key, [
        { ...theirs, revision: 2 },
        summary({ groupId: theirs.groupId }),
        { ...stored, meetingId: 'another-meeting' },
        { ...stored, durationMinutes: stored.durationMinutes + 1 },
        mine,
      ]);
      const answers = await results(res);
      expect(answers.map((r) => (r.status === 'refused' ? r.httpStatus : r.status))).toEqual([403, 403, 409, 409, 'created']);
      expect(answers[0]).toMatchObject({ error: GROUP_REFUSED });
      // Nothing of the refused ones changed what is stored: their revision 1, the other tablet still owns the group.
      const [row] = await server.db.query<{ revision: number; device_key_id: string }>('SELECT revision FROM summaries WHERE id = $1', [theirs.id]);
      expect(Number(row?.revision)).toBe(1);
      expect(await server.db.query('SELECT 1 FROM summaries WHERE group_id = $1', [theirs.groupId])).toHaveLength(1);
      // And the new group became this tablet's: the other tablet may not add to it.
      expect((await postBatch(server, otherTablet, [summary({ groupId: mine.groupId })]).then(results))[0]).toMatchObject({ httpStatus: 403 });
    });

    it('a batch holding the same id twice: the first is looked at, the later copy is refused (409), one row', async () => {
      const s = summary();
      const answers = await results(await postBatch(server, key, [s, { ...s, revision: 2 }, { ...s, id: s.id.toUpperCase() }]));
      expect(answers).toEqual([
        { id: s.id, status: 'created', revision: 1 },
        { id: s.id, status: 'refused', httpStatus: 409, code: 'id-conflict', error: DUPLICATE_IN_BATCH },
        { id: s.id.toUpperCase(), status: 'refused', httpStatus: 409, code: 'id-conflict', error: DUPLICATE_IN_BATCH },
      ]);
      expect(await countSummaries(server.db, s.id)).toBe(1);
    });

    it('refuses an element with a NUL or that is not a summary at all, with its path, and the rest go', async () => {
      const good = summary();
      const withNul = summary();
      const answers = await results(await postBatch(server, key, [{ ...withNul, items: [{ title: 'a\u0000b', plannedMinutes: 1, usedMinutes: 1 }] }, 'text', null, good]));
      expect(answers[0]).toMatchObject({ id: withNul.id, status: 'refused', httpStatus: 400, fields: [{ path: 'items.0.title' }] });
      expect(answers[1]).toMatchObject({ id: null, status: 'refused', httpStatus: 400 });
      expect(answers[2]).toMatchObject({ id: null, status: 'refused', httpStatus: 400 });
      expect(answers[3]).toEqual({ id: good.id, status: 'created', revision: 1 });
      expect(await countSummaries(server.db, withNul.id)).toBe(0);
    });

    it('refuses one summary over 256 KB (413) and stores the one beside it', async () => {
      const big = summary({ glossaryTerms: Array.from({ length: 2000 }, (_, i) => `${i}`.padEnd(150, 'x')) });
      const good = summary();
      const answers = await results(await postBatch(server, key, [big, good]));
      expect(answers.map((r) => (r.status === 'refused' ? r.httpStatus : r.status))).toEqual([413, 'created']);
    });

    it.each([
      ['more than 100 summaries', () => Array.from({ length: MAX_BATCH + 1 }, () => summary()), 413],
      ['more than 1 MB', () => Array.from({ length: 10 }, () => summary({ glossaryTerms: Array.from({ length: 800 }, (_, i) => `${i}`.padEnd(150, 'x')) })), 413],
      ['an object, not a list', () => ({ summaries: [summary()] }), 400],
      ['not JSON', () => '[{', 400],
    ])('refuses a whole batch of %s (%i) and stores none of it', async (_what, body, status) => {
      const sent = body();
      const res = await postBatch(server, key, sent);
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ error: expect.any(String) });
      if (Array.isArray(sent)) for (const s of sent) expect(await countSummaries(server.db, s.id)).toBe(0);
    });

    it('answers an empty batch with no results', async () => {
      const res = await postBatch(server, key, []);
      expect(res.status).toBe(200);
      expect(await results(res)).toEqual([]);
    });

    it('holds to the single send’s key rules: 401 without a valid key, 403 for an office key, 415 for not JSON', async () => {
      const s = summary();
      const noKey = await postBatch(server, undefined, [s]);
      expect(noKey.status).toBe(401);
      const wrong = await postBatch(server, 'heard_not-a-real-key-at-all-000000000000000000', [s]);
      expect(wrong.status).toBe(401);
      const office = await postBatch(server, officeKey, [s]);
      expect(office.status).toBe(403);
      expect(await office.json()).toEqual({ error: ROLE_REFUSED.office, code: 'wrong-role' });
      const text = await postBatch(server, key, JSON.stringify([s]), { 'Content-Type': 'text/plain' });
      expect(text.status).toBe(415);
      expect(await countSummaries(server.db, s.id)).toBe(0);
    });

    it('answers CORS for the app’s origin only, as the single send does', async () => {
      const s = summary();
      const ours = await postBatch(server, key, [s], { Origin: APP_ORIGIN });
      expect(ours.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
      const theirs = await postBatch(server, key, [summary()], { Origin: 'http://evil.example' });
      expect(theirs.headers.get('Access-Control-Allow-Origin')).toBeNull();
    });
  });
}

describe('the guessing limit covers batches', () => {
  it('after the failures allowed, a batch with the right key is answered 429 too', async () => {
    const [backend] = backends();
    const server = await start({ ...backend!.fresh(), authLimit: { max: 2, windowMs: 60_000 } });
    try {
      const key = await newKey(server);
      for (let i = 0; i < 2; i += 1) expect((await postBatch(server, 'heard_not-a-real-key-at-all-000000000000000000', [])).status).toBe(401);
      const s = summary();
      const res = await postBatch(server, key, [s]);
      expect(res.status).toBe(429);
      expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
      expect(await countSummaries(server.db, s.id)).toBe(0);
    } finally {
      await server.close();
      await backend!.cleanup();
    }
    // It starts a database of its own in the test, not in a hook: as long as a hook may take.
  }, 60_000);
});
