// Group commit (issue 19): single sends and key checks that arrive together share one query, and
// each caller still gets the answer it would get alone. The coalescer's own rules first, then the
// server's promises on both databases: mixed answers from one shared statement, one copy of a
// summary sent many times at once, a revoke that holds for the very next request, and one summary
// the database refuses failing only its own send.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coalesce } from '../src/coalesce.js';
import { openDatabase, QueryError, statementName, type Database, type Queryable } from '../src/db.js';
import { createKey, revokeKey } from '../src/keys.js';
import type { RunningServer } from '../src/server.js';
import { countSummaries } from '../src/summaries.js';
import { backends, post, start, summary } from './helpers.js';

describe('coalesce', () => {
  /** A coalesced echo that records each run's items. */
  const recorder = (options: Partial<Parameters<typeof coalesce<string, string>>[1]> = {}) => {
    const runs: string[][] = [];
    const fn = coalesce(
      async (items: string[]) => {
        runs.push(items);
        if (items.includes('poison')) throw new Error('refused');
        return items.map((item) => `done ${item}`);
      },
      { concurrency: 1, maxItems: 100, ...options },
    );
    return { runs, fn };
  };

  it('answers each caller with its own item, and callers waiting at the same moment share one run', async () => {
    const { runs, fn } = recorder();
    expect(await Promise.all(['a', 'b', 'c'].map(fn))).toEqual(['done a', 'done b', 'done c']);
    expect(runs).toEqual([['a', 'b', 'c']]);
  });

  it('takes what arrived during a run into the next, never more at once than allowed', async () => {
    const { runs, fn } = recorder({ concurrency: 1 });
    const first = fn('a');
    await new Promise((resolve) => setImmediate(resolve));
    // `a` runs now; these three wait for it and go together.
    const rest = ['b', 'c', 'd'].map(fn);
    expect(await Promise.all([first, ...rest])).toEqual(['done a', 'done b', 'done c', 'done d']);
    expect(runs).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it.each([
    ['items', { maxItems: 2 }, ['a', 'b', 'c', 'd', 'e'], [['a', 'b'], ['c', 'd'], ['e']]],
    ['weight', { weight: (s: string) => s.length, maxWeight: 4 }, ['aa', 'bb', 'c', 'dddddd', 'e'], [['aa', 'bb'], ['c'], ['dddddd'], ['e']]],
    ['keys', { key: (s: string) => s[0]! }, ['a1', 'b1', 'a2', 'c1', 'a3'], [['a1', 'b1', 'c1'], ['a2'], ['a3']]],
  ])('splits runs by %s, keeping the order items came in', async (_what, options, items, expected) => {
    const { runs, fn } = recorder(options);
    expect(await Promise.all(items.map(fn))).toEqual(items.map((item) => `done ${item}`));
    expect(runs).toEqual(expected);
  });

  it('a run that fails fails its own callers only', async () => {
    const { runs, fn } = recorder({ maxItems: 2 });
    const answers = await Promise.allSettled(['poison', 'a', 'b', 'c'].map(fn));
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect(runs).toEqual([['poison', 'a'], ['b', 'c']]);
  });
});

/**
 * The server's database, watched: every statement's name and parameters in the order sent, and a
 * way to make chosen statements fail as a database error would.
 */
function watched(db: Database, fails: (name: string, params: unknown[]) => boolean = () => false) {
  const statements: { name: string; params: unknown[] }[] = [];
  const watch = (q: Queryable): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const name = statementName(sql);
      statements.push({ name, params });
      if (fails(name, params)) throw new QueryError(name, '22000');
      return q.query<T>(sql, params);
    },
  });
  const wrapped: Database = { ...db, ...watch(db), transaction: (fn) => db.transaction((tx) => fn(watch(tx))) };
  return { statements, db: wrapped };
}

const status = async (res: Response) => ({ http: res.status, ...((await res.json()) as { status?: string; code?: string }) });

for (const backend of backends()) {
  describe(`single sends made together on ${backend.name}`, () => {
    let db: Database;
    let server: RunningServer;
    let statements: { name: string; params: unknown[] }[];
    let poisoned = '';
    const secretOf = async (label: string) => {
      const { key, secret } = await createKey(server.db, label);
      return { id: key.id, secret };
    };

    beforeAll(async () => {
      db = await openDatabase(backend.fresh());
      // A summary whose id is `poisoned` is refused by the database, alone or in company.
      const watching = watched(db, (name, params) => Boolean(poisoned) && name.startsWith('store-summar') && JSON.stringify(params).includes(poisoned));
      statements = watching.statements;
      server = await start({ db: watching.db });
    });
    afterAll(async () => {
      await server?.close();
      await db?.close();
      await backend.cleanup();
    });

    it('answers each of many tablets’ sends as it would alone, though they shared one statement', async () => {
      const a = await secretOf('Tablet A');
      const b = await secretOf('Tablet B');
      const groupA = `grp-a-${randomUUID()}`;
      const groupB = `grp-b-${randomUUID()}`;
      const [same, newer, older, other, changed] = [
        summary({ groupId: groupA }),
        summary({ groupId: groupA }),
        summary({ groupId: groupA, revision: 3 }),
        summary({ groupId: groupA, meetingId: 'meeting-1' }),
        summary({ groupId: groupA }),
      ];
      for (const s of [same, newer, older, other, changed]) expect((await post(server, a.secret, s)).status).toBe(201);
      expect((await post(server, b.secret, summary({ groupId: groupB }))).status).toBe(201);
      const before = statements.length;

      const sends: [string, unknown, { http: number; status?: string; code?: string }][] = [
        [a.secret, summary({ groupId: groupA }), { http: 201, status: 'created' }],
        [b.secret, summary({ groupId: groupB }), { http: 201, status: 'created' }],
        [a.secret, same, { http: 200, status: 'unchanged' }],
        [a.secret, { ...newer, revision: 2 }, { http: 200, status: 'updated' }],
        [a.secret, { ...older, revision: 2 }, { http: 200, status: 'ignored' }],
        [b.secret, summary({ groupId: groupA }), { http: 403, code: 'group-forbidden' }],
        [a.secret, { ...other, meetingId: 'meeting-2' }, { http: 409, code: 'id-conflict' }],
        [a.secret, { ...changed, durationMinutes: changed.durationMinutes + 1 }, { http: 409, code: 'revision-changed' }],
        [b.secret, { ...summary({ groupId: groupB }), durationMinutes: -1 }, { http: 400, code: 'invalid' }],
        [b.secret, summary({ groupId: groupB }), { http: 201, status: 'created' }],
      ];
      const answers = await Promise.all(sends.map(async ([secret, body]) => status(await post(server, secret, body))));
      expect(answers).toEqual(sends.map(([, , expected]) => expect.objectContaining(expected)));

      // They were made together: one statement stored summaries of both tablets.
      const shared = statements.slice(before).filter((s) => s.name === 'store-summaries');
      expect(shared.some((s) => new Set(s.params[1] as string[]).size === 2)).toBe(true);
      // What each answer says is what is stored.
      const [row] = await server.db.query<{ revision: number }>('SELECT revision FROM summaries WHERE id = $1', [newer.id]);
      expect(Number(row?.revision)).toBe(2);
      const [kept] = await server.db.query<{ revision: number }>('SELECT revision FROM summaries WHERE id = $1', [older.id]);
      expect(Number(kept?.revision)).toBe(3);
      for (const [, body, expected] of sends) {
        const id = (body as { id: string }).id;
        if (expected.status === 'created') expect(await countSummaries(server.db, id)).toBe(1);
      }
    });

    it('one summary sent five times at once is stored once: one created, four unchanged', async () => {
      const { secret } = await secretOf('Tablet C');
      const s = summary({ groupId: `grp-c-${randomUUID()}` });
      const answers = await Promise.all(Array.from({ length: 5 }, async () => status(await post(server, secret, s))));
      expect(answers.map((a) => a.status).sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
      expect(await countSummaries(server.db, s.id)).toBe(1);
    });

    it('two tablets sending to one new group at once: one owns it, the other is refused', async () => {
      const [c, d] = [await secretOf('Tablet D'), await secretOf('Tablet E')];
      const group = `grp-new-${randomUUID()}`;
      const [first, second] = [summary({ groupId: group }), summary({ groupId: group })];
      const answers = await Promise.all([post(server, c.secret, first), post(server, d.secret, second)].map(async (res) => (await res).status));
      expect(answers.sort()).toEqual([201, 403]);
      const owners = await server.db.query<{ key_id: string }>('SELECT key_id FROM group_owners WHERE group_id = $1', [group]);
      expect(owners).toHaveLength(1);
      // The summary stored is the owner's.
      const stored = await server.db.query<{ device_key_id: string }>('SELECT device_key_id FROM summaries WHERE group_id = $1', [group]);
      expect(stored).toEqual([{ device_key_id: owners[0]!.key_id }]);
    });

    it('a key revoked while its tablet is sending refuses every send made after the revoke', async () => {
      const { id, secret } = await secretOf('Tablet F');
      const group = `grp-f-${randomUUID()}`;
      expect((await post(server, secret, summary({ groupId: group }))).status).toBe(201);
      // Sends under way while the key is revoked may go either way; the revoke waits for none of them.
      const underWay = Array.from({ length: 10 }, () => post(server, secret, summary({ groupId: group })));
      expect(await revokeKey(server.db, id)).toBe(true);
      const after = Array.from({ length: 10 }, () => summary({ groupId: group }));
      const answers = await Promise.all(after.map(async (s) => (await post(server, secret, s)).status));
      expect(answers).toEqual(after.map(() => 401));
      for (const s of after) expect(await countSummaries(server.db, s.id)).toBe(0);
      await Promise.all(underWay);
    });

    it('a summary the database refuses fails its own send only; the others sent with it are stored', async () => {
      const { secret } = await secretOf('Tablet G');
      const group = `grp-g-${randomUUID()}`;
      expect((await post(server, secret, summary({ groupId: group }))).status).toBe(201);
      const bad = summary({ groupId: group });
      const good = Array.from({ length: 5 }, () => summary({ groupId: group }));
      poisoned = bad.id;
      const before = statements.length;
      try {
        const answers = await Promise.all([bad, ...good].map(async (s) => (await post(server, secret, s)).status));
        expect(answers).toEqual([500, 201, 201, 201, 201, 201]);
      } finally {
        poisoned = '';
      }
      // The shared statement was tried with the bad one in it, then each was stored alone.
      const tried = statements.slice(before).filter((s) => s.name === 'store-summaries');
      expect(tried.some((s) => JSON.stringify(s.params).includes(bad.id) && (s.params[1] as string[]).length > 1)).toBe(true);
      expect(await countSummaries(server.db, bad.id)).toBe(0);
      for (const s of good) expect(await countSummaries(server.db, s.id)).toBe(1);
    });
  });
}
