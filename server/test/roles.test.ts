// Issue 18: who may see and change what. A device key only sends, and only for its own groups; an
// office key reads and may make any request; the office moves a group to another key, and the move
// is logged. Over real HTTP, on PGlite always and on PostgreSQL when DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveGroup, MOVED_FROM_COMMAND_LINE } from '../src/groups.js';
import { createKey } from '../src/keys.js';
import type { RunningServer } from '../src/server.js';
import { countSummaries } from '../src/summaries.js';
import type { Summary } from '../src/summary-schema.js';
import { backends, get, newKey, post, postRequest, signIn, start, summary } from './helpers.js';

const GROUP_REFUSED = 'This key may not change that group: it is another tablet’s. Ask the office.';

for (const backend of backends()) {
  describe(`roles and ownership on ${backend.name}`, () => {
    let server: RunningServer;
    /** Tablet A's and tablet B's device keys, and the office's key. */
    let a: string;
    let b: string;
    let office: string;
    let bId: string;
    let aId: string;

    beforeAll(async () => {
      server = await start(backend.fresh());
      const made = await createKey(server.db, 'Tablet A');
      a = made.secret;
      aId = made.key.id;
      const other = await createKey(server.db, 'Tablet B');
      b = other.secret;
      bId = other.key.id;
      office = await newKey(server, 'Programme office', 'office');
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    const stored = async (group: string) =>
      ((await (await get(server, `api/summaries?group=${group}`, office)).json()) as { summaries: { id: string; revision: number; summary: Summary }[] })
        .summaries;

    it('a device key may send but not read: GET /api/summaries is 403, the office page will not sign it in', async () => {
      expect((await post(server, a, summary({ groupId: `grp-roles-${randomUUID()}` }))).status).toBe(201);
      const read = await get(server, 'api/summaries', a);
      expect(read.status).toBe(403);
      expect(await read.json()).toEqual({ error: 'A tablet’s device key may only send summaries and requests; reading them needs an office key.', code: 'wrong-role' });
      const page = await signIn(server, a);
      expect(page.status).toBe(403);
      expect(page.headers.get('set-cookie')).toBeNull();
      expect(await page.text()).toContain('That is a tablet’s device key');
    });

    it('an office key reads and signs in, but cannot send a summary as a tablet', async () => {
      const s = summary({ groupId: `grp-office-send-${randomUUID()}` });
      const sent = await post(server, office, s);
      expect(sent.status).toBe(403);
      expect(await sent.json()).toEqual({ error: 'An office key cannot send summaries as a tablet; only a tablet’s device key can.', code: 'wrong-role' });
      expect(await countSummaries(server.db, s.id)).toBe(0);
      expect((await get(server, 'api/summaries', office)).status).toBe(200);
      expect((await signIn(server, office)).status).toBe(303);
    });

    it('another device key gets 403 for a summary of a group it does not own, even a newer revision of the same id', async () => {
      const group = `grp-a-${randomUUID()}`;
      const s = summary({ groupId: group, durationMinutes: 60 });
      expect((await post(server, a, s)).status).toBe(201);
      for (const attempt of [{ ...s, revision: 2, durationMinutes: 1 }, summary({ groupId: group })]) {
        const res = await post(server, b, attempt);
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ error: GROUP_REFUSED, code: 'group-forbidden' });
      }
      // The same id moved into B's own group would take A's row: refused as another meeting's id.
      const mine = `grp-b-${randomUUID()}`;
      expect((await post(server, b, summary({ groupId: mine }))).status).toBe(201);
      expect((await post(server, b, { ...s, groupId: mine, revision: 5 })).status).toBe(409);
      expect((await stored(group)).map((x) => [x.id, x.revision, x.summary.durationMinutes])).toEqual([[s.id, 1, 60]]);
    });

    it('another device key gets 403 for each erasure or deletion request touching the group, and nothing changes', async () => {
      const group = `grp-a-${randomUUID()}`;
      const s = summary({
        groupId: group,
        names: true,
        actions: [{ text: 'Draft the letter', due: '2025-04-09', status: 'open', owner: 'Ann Smith', ownerId: 'p-ann' }],
      });
      expect((await post(server, a, s)).status).toBe(201);
      const requests = {
        'erase-person': { id: randomUUID(), groupId: group, personId: 'p-ann', pseudonym: 'Former member 1' },
        'delete-meeting': { id: randomUUID(), groupId: group, meetingId: s.meetingId, summaryId: s.id },
        'delete-group': { id: randomUUID(), groupId: group },
      };
      for (const [kind, body] of Object.entries(requests)) {
        const res = await postRequest(server, b, kind, body);
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ error: GROUP_REFUSED, code: 'group-forbidden' });
      }
      expect((await stored(group))[0]!.summary).toEqual(s);
      // Nothing of B's refused requests is kept: the same ids still work for the owner.
      const rows = await server.db.query('SELECT id FROM privacy_requests WHERE group_id = $1', [group]);
      expect(rows).toEqual([]);
      const own = await postRequest(server, a, 'delete-group', requests['delete-group']);
      expect(own.status).toBe(201);
      expect(await stored(group)).toEqual([]);
    });

    it('the office may make any request about any group', async () => {
      const group = `grp-a-${randomUUID()}`;
      expect((await post(server, a, summary({ groupId: group }))).status).toBe(201);
      const res = await postRequest(server, office, 'delete-group', { id: randomUUID(), groupId: group });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ status: 'done', affected: 1 });
    });

    it('a group moved to another key (a new tablet after a restore): the new key sends, the old one is refused, the move is logged', async () => {
      const group = `grp-moved-${randomUUID()}`;
      const first = summary({ groupId: group, revision: 1 });
      expect((await post(server, a, first)).status).toBe(201);
      expect((await post(server, b, { ...first, revision: 2 })).status).toBe(403);

      expect(await moveGroup(server.db, group, bId, MOVED_FROM_COMMAND_LINE)).toBe('moved');
      expect(await moveGroup(server.db, group, bId, MOVED_FROM_COMMAND_LINE)).toBe('unchanged');
      // A newer revision of the restored meeting, and a new meeting, from the new tablet.
      expect((await post(server, b, { ...first, revision: 2 })).status).toBe(200);
      expect((await post(server, b, summary({ groupId: group }))).status).toBe(201);
      expect((await post(server, a, summary({ groupId: group }))).status).toBe(403);
      expect((await postRequest(server, a, 'delete-group', { id: randomUUID(), groupId: group })).status).toBe(403);
      expect(await stored(group)).toHaveLength(2);

      const log = await server.db.query<{ from_key_id: string; to_key_id: string; moved_by: string }>(
        'SELECT from_key_id, to_key_id, moved_by FROM group_moves WHERE group_id = $1 ORDER BY id',
        [group],
      );
      expect(log).toEqual([{ from_key_id: aId, to_key_id: bId, moved_by: 'command line' }]);
      // Only to an active device key.
      expect(await moveGroup(server.db, group, 'key_000000000000', MOVED_FROM_COMMAND_LINE)).toBe('no-such-key');
      const officeId = (await server.db.query<{ id: string }>("SELECT id FROM device_keys WHERE role = 'office' LIMIT 1"))[0]!.id;
      expect(await moveGroup(server.db, group, officeId, MOVED_FROM_COMMAND_LINE)).toBe('no-such-key');
    });

    it('the office page shows whose each group is and moves it with a button; the move is listed with who made it', async () => {
      const group = `grp-page-${randomUUID()}`;
      expect((await post(server, a, summary({ groupId: group }))).status).toBe(201);
      const origin = new URL(server.url).origin;
      const cookie = ((await signIn(server, office)).headers.get('set-cookie') ?? '').split(';')[0]!;
      const page = await (await get(server, '', undefined, { Cookie: cookie })).text();
      expect(page).toContain('Sent by “Tablet A”');
      expect(page).toContain(`<input type="hidden" name="group" value="${group}">`);
      expect(page).toContain(`<option value="${bId}">Tablet B (${bId})</option>`);

      const move = (headers: Record<string, string>) =>
        fetch(new URL('office/groups/move', server.url), {
          method: 'POST',
          headers,
          body: new URLSearchParams({ group, key: bId }),
          redirect: 'manual',
        });
      // Without a session, or from another site's page: not moved.
      expect((await move({ Origin: origin })).status).toBe(401);
      expect((await move({ Origin: 'http://evil.example', Cookie: cookie })).status).toBe(403);
      expect((await post(server, a, summary({ groupId: group }))).status).toBe(201);

      expect((await move({ Origin: origin, Cookie: cookie })).status).toBe(303);
      expect((await post(server, a, summary({ groupId: group }))).status).toBe(403);
      expect((await post(server, b, summary({ groupId: group }))).status).toBe(201);
      const after = await (await get(server, '', undefined, { Cookie: cookie })).text();
      expect(after).toContain('Groups moved to another key');
      expect(after).toMatch(new RegExp(`<td>${group}</td><td>“Tablet A” \\(${aId}\\)</td><td>“Tablet B” \\(${bId}\\)</td><td>“Programme office”`));
    });
  });
}
