import { expect } from 'vitest';
import type { Fixture } from './fixture';
import { fixture as v1Fixture } from './v1';

export const v2 = {
  rule: {
    id: 'v2-rule',
    groupId: 'v1-group',
    text: 'Everyone gets a chance to speak.',
    order: 0,
    status: 'agreed' as const,
    agreedAt: Date.UTC(2030, 2, 14, 10, 5),
    agreedAtMeetingId: 'v1-meeting',
    templateKey: 'everyone-speaks',
    createdAt: Date.UTC(2030, 2, 1),
    updatedAt: Date.UTC(2030, 2, 14, 10, 5),
  },
  item: {
    id: 'v2-item',
    meetingId: 'v1-meeting',
    order: 0,
    title: 'Discharge letters',
    purpose: 'decision' as const,
    timeboxMinutes: 20,
    leadId: 'v1-aoife',
    decidedBy: { kind: 'elsewhere' as const, who: 'Trust board' },
    nonNegotiables: 'The budget is fixed.',
    papers: [{ id: 'v2-paper', title: 'Draft letter', link: 'https://example.org/letter', sentOn: '2030-03-01' }],
    notes: 'Agreed to redraft.',
    createdAt: Date.UTC(2030, 2, 1),
    updatedAt: Date.UTC(2030, 2, 1),
  },
  events: [
    { id: 'v2-e1', meetingId: 'v1-meeting', seq: 1, at: Date.UTC(2030, 2, 14, 10, 0), kind: 'start' as const },
    { id: 'v2-e2', meetingId: 'v1-meeting', seq: 2, at: Date.UTC(2030, 2, 14, 10, 2), kind: 'item' as const, itemId: 'v2-item' },
  ],
};

export const fixture: Fixture = {
  async write(db) {
    await v1Fixture.write(db);
    await db.transaction('rw', [db.groundRules, db.agendaItems, db.clockEvents], async () => {
      await db.groundRules.add(v2.rule);
      await db.agendaItems.add(v2.item);
      await db.clockEvents.bulkAdd(v2.events);
    });
  },
  async check(db) {
    await v1Fixture.check(db);
    expect(await db.groundRules.where('groupId').equals('v1-group').toArray()).toEqual([v2.rule]);
    expect(await db.agendaItems.where('meetingId').equals('v1-meeting').toArray()).toEqual([v2.item]);
    expect(await db.clockEvents.where('meetingId').equals('v1-meeting').sortBy('seq')).toEqual(v2.events);
    // Two tabs can never both store step 2 of one meeting's clock.
    await expect(db.clockEvents.add({ ...v2.events[1]!, id: 'v2-duplicate-step' })).rejects.toThrow();
  },
};
