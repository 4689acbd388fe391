import { expect } from 'vitest';
import type { Fixture } from './fixture';
import { fixture as v5Fixture } from './v5';

const AT = Date.UTC(2030, 2, 14, 12, 5);

export const v6 = {
  outbox: {
    id: '6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d',
    meetingId: 'v1-meeting',
    status: 'waiting' as const,
    revision: 2,
    summary: {
      schemaVersion: 1 as const,
      id: '6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d',
      revision: 2,
      groupId: 'v1-group',
      meetingId: 'v1-meeting',
      date: '2030-03-14',
      durationMinutes: 90,
      presentByPerspective: { 'Lived experience': 2 },
      items: [{ title: 'Welcome', plannedMinutes: 10, usedMinutes: 12 }],
      voiceBalance: [{ perspective: 'Lived experience', talkSeconds: 600, turns: 5, fairShareSeconds: 600 }],
      dissent: { parked: 1, resolved: 0, standing: 0 },
      decisions: [],
      actions: [],
      checkIn: { checkedIn: 0, oneToOneRequests: 0, prompts: [] },
      glossaryTerms: [],
      names: false,
    },
    attempts: 3,
    lastError: 'network' as const,
    nextAttemptAt: AT + 8_000,
    leaseUntil: null,
    sentAt: AT - 60_000,
    sentRevision: 1,
    createdAt: AT,
    updatedAt: AT,
  },
  review: {
    id: 'v6-review',
    groupId: 'v1-group',
    meetingId: 'v1-meeting',
    date: '2030-03-14',
    howMuch: 'Four meetings, two papers rewritten.',
    howWell: 'Better since we agreed ground rules.',
    betterOff: 'Carers say the discharge letter is clearer.',
    principles: {
      'valuing-people': { rating: 4 as const, comment: '' },
      'representative-networks': { rating: 2 as const, comment: 'No young carers yet.' },
      'building-capacity': { rating: 3 as const, comment: '' },
      'reciprocal-recognition': { rating: null, comment: '' },
      'cross-boundary-working': { rating: 3 as const, comment: '' },
      'enabling-and-facilitating': { rating: 5 as const, comment: 'The chair is good.' },
    },
    createdAt: AT,
    updatedAt: AT,
  },
};

export const fixture: Fixture = {
  async write(db) {
    await v5Fixture.write(db);
    await db.transaction('rw', [db.outbox, db.groupReviews], async () => {
      await db.outbox.add(v6.outbox);
      await db.groupReviews.add(v6.review);
    });
  },
  async check(db) {
    await v5Fixture.check(db);
    expect(await db.outbox.where('status').equals('waiting').toArray()).toEqual([v6.outbox]);
    expect(await db.groupReviews.where('groupId').equals('v1-group').toArray()).toEqual([v6.review]);
  },
};
