// Erasure and deletion requests (issue 11) and the server's retention of summaries, over real HTTP,
// on PGlite always and on PostgreSQL (DATABASE_URL, or an embedded one started for the run).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { countSummaries } from '../src/summaries.js';
import type { Summary } from '../src/summary-schema.js';
import { backends, everyRowAsText, get, holdsName, newKey, post, postRequest, start, summary } from './helpers.js';

const monthsAgo = (months: number, today = new Date()) => {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  return d.toISOString().slice(0, 10);
};

for (const backend of backends()) {
  describe(`erasure and deletion requests on ${backend.name}`, () => {
    let server: RunningServer;
    let key: string;
    let officeKey: string;

    beforeAll(async () => {
      server = await start(backend.fresh());
      key = await newKey(server);
      officeKey = await newKey(server, 'Office reader', 'office');
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    const list = async (group: string) =>
      ((await (await get(server, `api/summaries?group=${group}&limit=500`, officeKey)).json()) as { summaries: { id: string; summary: Summary }[] }).summaries;

    /** A summary with names: Ann Smith owns an action, and was typed into a decision and an item. */
    const named = (groupId: string, meetingId: string, personId: string, annAs = 'Ann Smith') =>
      summary({
        groupId,
        meetingId,
        names: true,
        groupName: 'Discharge group',
        items: [{ title: `Welcome from ${annAs.toUpperCase()}`, plannedMinutes: 10, usedMinutes: 12 }],
        decisions: [{ text: `${annAs.replace(' ', '   ')} will pilot the letter`, how: 'consensus' }],
        actions: [
          { text: 'Draft the letter', due: '2025-04-09', status: 'open', owner: annAs, ownerId: personId },
          { text: 'Book the room', due: '2025-04-02', status: 'done', owner: 'Bob Jones', ownerId: 'p-bob' },
          { text: 'Ask the trust', due: '2025-04-16', status: 'open', owner: 'Riverside Trust' },
        ],
      });

    it('documents the three requests in the OpenAPI document', async () => {
      const doc = (await (await get(server, 'api/openapi.json')).json()) as {
        paths: Record<string, { post?: { responses: Record<string, unknown> } }>;
        components: { schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }> };
      };
      for (const kind of ['erase-person', 'delete-meeting', 'delete-group']) {
        expect(Object.keys(doc.paths[`/api/requests/${kind}`]?.post?.responses ?? {})).toEqual(expect.arrayContaining(['200', '201', '400', '401', '409']));
      }
      expect(Object.keys(doc.components.schemas.ErasePersonRequest!.properties!)).toEqual(['id', 'groupId', 'personId', 'pseudonym']);
      expect(doc.components.schemas.DeleteMeetingRequest!.additionalProperties).toBe(false);
      const action = (doc.components.schemas.Summary as { properties: { actions: { items: { properties: Record<string, unknown> } } } }).properties.actions.items;
      expect(Object.keys(action.properties)).toContain('ownerId');
    });

    it('refuses an owner’s id without names, or without the owner’s name', async () => {
      const withoutNames = await post(server, key, summary({ actions: [{ text: 'Call', due: '2025-04-01', status: 'open', ownerId: 'p-1' }] }));
      expect(withoutNames.status).toBe(400);
      expect(((await withoutNames.json()) as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual([
        'actions.0.ownerId',
        'actions.0.ownerId',
      ]);
      const idAlone = await post(server, key, summary({ names: true, actions: [{ text: 'Call', due: '2025-04-01', status: 'open', ownerId: 'p-1' }] }));
      expect(idAlone.status).toBe(400);
      expect(((await idAlone.json()) as { fields: { path: string; message: string }[] }).fields).toEqual([
        { path: 'actions.0.ownerId', message: 'Only sent with the owner’s name.' },
      ]);
    });

    it('erases a person as the owner of their actions, by id; their name in words goes when the device sends the summary again; once only', async () => {
      const group = `grp-erase-${backend.name}`;
      const first = named(group, 'mtg-1', 'p-ann');
      // The second meeting had her name typed differently; the third was sent without names.
      const second = named(group, 'mtg-2', 'p-ann', 'ann smith');
      const third = summary({ groupId: group, meetingId: 'mtg-3' });
      for (const s of [first, second, third]) expect((await post(server, key, s)).status).toBe(201);
      const elsewhere = named(`${group}-other`, 'mtg-9', 'p-ann-elsewhere', 'Carol White');
      expect((await post(server, key, elsewhere)).status).toBe(201);
      expect(holdsName(await everyRowAsText(server), 'Ann Smith')).toBe(true);

      // The device erases her and sends each summary that held her name again, rewritten from its records, before the request.
      const rewritten = (s: Summary): Summary => ({
        ...s,
        revision: s.revision + 1,
        items: [{ ...s.items[0]!, title: 'Welcome from Former member 3' }],
        decisions: [{ text: 'Former member 3 will pilot the letter', how: 'consensus' }],
        actions: s.actions.map((a) => (a.ownerId === 'p-ann' ? { ...a, owner: 'Former member 3' } : a)),
      });
      expect((await post(server, key, rewritten(first))).status).toBe(200);

      const request = { id: randomUUID(), groupId: group, personId: 'p-ann', pseudonym: 'Former member 3' };
      const res = await postRequest(server, key, 'erase-person', request);
      expect(res.status).toBe(201);
      // The second, not sent again (say the device had lost it): only its owner, found by id, is changed.
      expect(await res.json()).toEqual({ status: 'done', id: request.id, kind: 'erase-person', affected: 1 });
      const stored = await list(group);
      const byMeeting = new Map(stored.map((s) => [s.summary.meetingId, s.summary]));
      expect(byMeeting.get('mtg-1')).toEqual(rewritten(first));
      const left = byMeeting.get('mtg-2')!;
      expect(left.actions.map((a) => a.owner)).toEqual(['Former member 3', 'Bob Jones', 'Riverside Trust']);
      expect(left.actions[0]!.ownerId).toBe('p-ann');
      // Words are not searched by the server: it cannot tell a name from a word, so they are as sent.
      expect(left.decisions).toEqual(second.decisions);
      expect(byMeeting.get('mtg-3')).toEqual(third);
      expect((await list(`${group}-other`))[0]!.summary).toEqual(elsewhere);
      // Once the device has sent that one again too, her name is nowhere in any table.
      expect((await post(server, key, rewritten(second))).status).toBe(200);
      expect(holdsName(await everyRowAsText(server), 'Ann Smith')).toBe(false);

      // The same request again: done once, the answer tells so.
      const again = await postRequest(server, key, 'erase-person', request);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ status: 'unchanged', id: request.id, kind: 'erase-person', affected: 1 });
      // The same id for a different request is refused and changes nothing.
      const clash = await postRequest(server, key, 'erase-person', { ...request, personId: 'p-bob' });
      expect(clash.status).toBe(409);
      expect((await list(group)).find((s) => s.summary.meetingId === 'mtg-1')!.summary.actions[1]!.owner).toBe('Bob Jones');
      const otherKind = await postRequest(server, key, 'delete-group', { id: request.id, groupId: group });
      expect(otherKind.status).toBe(409);
      expect(await list(group)).toHaveLength(3);
    });

    it('erases a person from a group of more summaries than one page reads (200), every one of them', async () => {
      const group = `grp-erase-many-${backend.name}`;
      const meetings = Array.from({ length: 205 }, (_, i) => `mtg-${String(i).padStart(3, '0')}`);
      for (const meetingId of meetings) expect((await post(server, key, named(group, meetingId, 'p-ann'))).status).toBe(201);
      const res = await postRequest(server, key, 'erase-person', { id: randomUUID(), groupId: group, personId: 'p-ann', pseudonym: 'Former member 1' });
      expect(await res.json()).toMatchObject({ status: 'done', affected: 205 });
      // Every summary, the last page's too, names her as the owner by the pseudonym only.
      const owners = (await list(group)).flatMap((s) => s.summary.actions.filter((a) => a.ownerId === 'p-ann').map((a) => a.owner));
      expect(owners).toHaveLength(205);
      expect(new Set(owners)).toEqual(new Set(['Former member 1']));
    });

    it('answers an erasure for a person or group it never had with success', async () => {
      const res = await postRequest(server, key, 'erase-person', { id: randomUUID(), groupId: 'grp-never', personId: 'p-x', pseudonym: 'Former member 1' });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ status: 'done', affected: 0 });
    });

    it('deletes a meeting’s summary, and only that one', async () => {
      const group = `grp-delete-meeting-${backend.name}`;
      const keep = summary({ groupId: group, meetingId: 'mtg-keep' });
      const gone = summary({ groupId: group, meetingId: 'mtg-gone' });
      for (const s of [keep, gone]) expect((await post(server, key, s)).status).toBe(201);
      const request = { id: randomUUID(), groupId: group, meetingId: 'mtg-gone', summaryId: gone.id };
      const res = await postRequest(server, key, 'delete-meeting', request);
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ status: 'done', id: request.id, kind: 'delete-meeting', affected: 1 });
      expect((await list(group)).map((s) => s.id)).toEqual([keep.id]);
      expect(await countSummaries(server.db, gone.id)).toBe(0);
      const again = await postRequest(server, key, 'delete-meeting', request);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ status: 'unchanged', affected: 1 });
      // A meeting the server never had.
      const never = await postRequest(server, key, 'delete-meeting', { ...request, id: randomUUID(), meetingId: 'mtg-never', summaryId: randomUUID() });
      expect(never.status).toBe(201);
      expect(await never.json()).toMatchObject({ status: 'done', affected: 0 });
      expect((await list(group)).map((s) => s.id)).toEqual([keep.id]);
    });

    it('deletes every summary of a group, and no other group’s', async () => {
      const group = `grp-delete-group-${backend.name}`;
      for (const meetingId of ['a', 'b', 'c']) expect((await post(server, key, summary({ groupId: group, meetingId }))).status).toBe(201);
      const other = summary({ groupId: `${group}-other` });
      expect((await post(server, key, other)).status).toBe(201);
      const request = { id: randomUUID(), groupId: group };
      const res = await postRequest(server, key, 'delete-group', request);
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ status: 'done', affected: 3 });
      expect(await list(group)).toEqual([]);
      expect((await list(`${group}-other`)).map((s) => s.id)).toEqual([other.id]);
      expect((await postRequest(server, key, 'delete-group', request)).status).toBe(200);
      const never = await postRequest(server, key, 'delete-group', { id: randomUUID(), groupId: 'grp-never-had' });
      expect(never.status).toBe(201);
      expect(await never.json()).toMatchObject({ status: 'done', affected: 0 });
    });

    it('refuses every request without a valid key (401) and changes nothing', async () => {
      const group = `grp-401-${backend.name}`;
      const s = named(group, 'mtg-1', 'p-ann');
      expect((await post(server, key, s)).status).toBe(201);
      const bodies = {
        'erase-person': { id: randomUUID(), groupId: group, personId: 'p-ann', pseudonym: 'Former member 1' },
        'delete-meeting': { id: randomUUID(), groupId: group, meetingId: 'mtg-1', summaryId: s.id },
        'delete-group': { id: randomUUID(), groupId: group },
      };
      for (const [kind, body] of Object.entries(bodies)) {
        for (const auth of [undefined, 'heard_not-a-real-key-at-all-000000000000000000']) {
          const res = await postRequest(server, auth, kind, body);
          expect(res.status).toBe(401);
          expect(await res.json()).toEqual({ error: 'The server did not accept the device key.', code: 'key-refused' });
        }
        // Without a key, a malformed request is still a 401: nothing about it is answered.
        expect((await postRequest(server, undefined, kind, { id: 'x' })).status).toBe(401);
      }
      expect((await list(group))[0]!.summary).toEqual(s);
    });

    it('answers a malformed request with 400 and each field error by path, and changes nothing', async () => {
      const group = `grp-400-${backend.name}`;
      const s = summary({ groupId: group });
      expect((await post(server, key, s)).status).toBe(201);
      const fields = async (kind: string, body: unknown) => {
        const res = await postRequest(server, key, kind, body);
        expect(res.status).toBe(400);
        const answer = (await res.json()) as { error: string; fields: { path: string; message: string }[] };
        for (const field of answer.fields) expect(field.message.length).toBeGreaterThan(3);
        return answer.fields.map((f) => f.path).sort();
      };
      // A name must never travel in a request: an extra field is refused.
      expect(await fields('erase-person', { id: 'not-a-uuid', groupId: group, pseudonym: '', name: 'Ann Smith' })).toEqual(['id', 'name', 'personId', 'pseudonym']);
      expect(await fields('delete-meeting', { id: randomUUID(), groupId: group, meetingId: 'm' })).toEqual(['summaryId']);
      expect(await fields('delete-group', { id: randomUUID(), groupId: '' })).toEqual(['groupId']);
      expect(await fields('delete-group', '{"id": ')).toEqual(['']);
      const notJson = await fetch(new URL('api/requests/delete-group', server.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/plain' },
        body: JSON.stringify({ id: randomUUID(), groupId: group }),
      });
      expect(notJson.status).toBe(415);
      expect((await postRequest(server, key, 'delete-everything', { id: randomUUID(), groupId: group })).status).toBe(404);
      expect((await list(group)).map((x) => x.id)).toEqual([s.id]);
    });
  });

  describe(`retention of summaries on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it('deletes summaries of meetings older than the setting at start, keeps the rest', async () => {
      const options = backend.fresh();
      const first = await start(options);
      const key = await newKey(first);
      const reader = await newKey(first, 'Office', 'office');
      const old = summary({ date: monthsAgo(25) });
      const recent = summary({ date: monthsAgo(23) });
      for (const s of [old, recent]) expect((await post(first, key, s)).status).toBe(201);
      await first.close();

      const second = await start({ ...options, retentionMonths: 24 });
      try {
        const ids = ((await (await get(second, 'api/summaries', reader)).json()) as { summaries: { id: string }[] }).summaries.map((s) => s.id);
        expect(ids).toEqual([recent.id]);
      } finally {
        await second.close();
      }
    });

    it('runs again on its timer while the server is up', async () => {
      const server = await start({ ...backend.fresh(), retentionMonths: 12, retentionEveryMs: 100 });
      try {
        const key = await newKey(server);
        // Sent after the run at start: only the timer's next run can take it.
        const old = summary({ date: monthsAgo(13) });
        const recent = summary({ date: monthsAgo(1) });
        for (const s of [old, recent]) expect((await post(server, key, s)).status).toBe(201);
        await expect.poll(() => countSummaries(server.db, old.id), { timeout: 5_000 }).toBe(0);
        expect(await countSummaries(server.db, recent.id)).toBe(1);
      } finally {
        await server.close();
      }
    });
  });
}

describe('erasing a person from a stored summary', () => {
  it('names the owner of their actions by the pseudonym, found by id; never rewrites words by a pattern', async () => {
    const { erasePerson } = await import('../src/privacy-requests.js');
    const body = {
      decisions: [{ text: 'We will pilot it; Will agreed' }],
      items: [{ title: 'Willow ward' }],
      presentByPerspective: { Carer: 1 },
      actions: [{ owner: 'Will', ownerId: 'p-will' }, { owner: 'Will Jones', ownerId: 'p-other' }, { owner: 'Riverside Trust' }],
    };
    expect(erasePerson(body, 'p-will', 'Former member 3')).toEqual({
      ...body,
      actions: [{ owner: 'Former member 3', ownerId: 'p-will' }, { owner: 'Will Jones', ownerId: 'p-other' }, { owner: 'Riverside Trust' }],
    });
    // Nobody of theirs in it: the very same body, unchanged.
    expect(erasePerson(body, 'p-nobody', 'Former member 4')).toBe(body);
  });
});
