import { expect } from 'vitest';
import type { Fixture } from './fixture';
import { fixture as v3Fixture } from './v3';

const AT = Date.UTC(2030, 2, 14, 10, 30);

export const v4 = {
  dissent: { id: 'v4-d1', groupId: 'v1-group', meetingId: 'v1-meeting', createdAt: AT, updatedAt: AT },
  decision: { id: 'v4-dec1', groupId: 'v1-group', meetingId: 'v1-meeting', itemId: 'v2-item', createdAt: AT, updatedAt: AT },
  action: { id: 'v4-a1', groupId: 'v1-group', meetingId: 'v1-meeting', createdAt: AT, updatedAt: AT },
};

export const fixture: Fixture = {
  async write(db) {
    await v3Fixture.write(db);
    await db.transaction('rw', [db.dissent, db.decisions, db.actions], async () => {
      await db.dissent.add(v4.dissent);
      await db.decisions.add(v4.decision);
      await db.actions.add(v4.action);
    });
  },
  async check(db) {
    await v3Fixture.check(db);
    expect(await db.dissent.where('groupId').equals('v1-group').toArray()).toEqual([v4.dissent]);
    expect(await db.decisions.where('itemId').equals('v2-item').toArray()).toEqual([v4.decision]);
    expect(await db.actions.where('meetingId').equals('v1-meeting').toArray()).toEqual([v4.action]);
  },
};
