import { expect } from 'vitest';
import type { Fixture } from './fixture';
import { fixture as v2Fixture } from './v2';

const AT = Date.UTC(2030, 2, 14, 10, 5);

export const v3 = {
  turns: [
    { id: 'v3-t1', meetingId: 'v1-meeting', itemId: 'v2-item', personId: 'v1-aoife', crossTalk: false, startedAt: AT, endedAt: AT + 90_000 },
    { id: 'v3-t2', meetingId: 'v1-meeting', itemId: 'v2-item', personId: null, crossTalk: true, startedAt: AT + 90_000, endedAt: AT + 120_000 },
    { id: 'v3-t3', meetingId: 'v1-meeting', itemId: 'v2-item', personId: 'v1-guest', crossTalk: false, startedAt: AT + 120_000, endedAt: null, openIn: 'v1-meeting' },
  ],
  queue: [{ id: 'v3-q1', meetingId: 'v1-meeting', personId: 'v1-aoife', askedAt: AT + 100_000, position: null, doneAt: null }],
  glossary: [
    {
      id: 'v3-g1',
      groupId: 'v1-group',
      meetingId: 'v1-meeting',
      term: 'IPMG',
      explanation: 'Implementation Programme Management Group',
      askedById: null,
      source: 'jargon-flag' as const,
      createdAt: AT,
      updatedAt: AT,
    },
  ],
  attendee: { meetingId: 'v1-meeting', personId: 'v1-aoife', expected: true, arrivedAt: AT - 60_000, leftAt: null },
};

export const fixture: Fixture = {
  async write(db) {
    await v2Fixture.write(db);
    await db.transaction('rw', [db.turns, db.queue, db.glossary, db.attendees], async () => {
      await db.turns.bulkAdd(v3.turns);
      await db.queue.bulkAdd(v3.queue);
      await db.glossary.bulkAdd(v3.glossary);
      await db.attendees.put(v3.attendee);
    });
  },
  async check(db) {
    await v2Fixture.check(db);
    expect(await db.turns.where('[meetingId+startedAt]').between(['v1-meeting', 0], ['v1-meeting', Infinity]).toArray()).toEqual(v3.turns);
    // The running turn is found through its own index, without reading the meeting's other turns.
    expect(await db.turns.where('openIn').equals('v1-meeting').primaryKeys()).toEqual(['v3-t3']);
    expect((await db.turns.where('[meetingId+endedAt]').between(['v1-meeting', 0], ['v1-meeting', Infinity]).last())?.id).toBe('v3-t2');
    expect(await db.queue.where('meetingId').equals('v1-meeting').toArray()).toEqual(v3.queue);
    expect(await db.glossary.where('groupId').equals('v1-group').toArray()).toEqual(v3.glossary);
    expect(await db.attendees.get(['v1-meeting', 'v1-aoife'])).toEqual(v3.attendee);
  },
};
