import { expect } from 'vitest';
import type { ActionItem, Decision, DissentEntry } from '../../../src/domain/record-model';
import type { Fixture } from './fixture';
import { fixture as v3Fixture } from './v3';

const AT = Date.UTC(2030, 2, 14, 10, 30);

export const v4 = {
  dissent: [
    {
      id: 'v4-d1',
      groupId: 'v1-group',
      meetingId: 'v1-meeting',
      itemId: 'v2-item',
      raisedById: 'v1-aoife',
      words: 'The letter still reads as if it was written for the ward, not for my mother.',
      status: 'standing',
      resolution: '',
      decisionId: 'v4-dec1',
      history: [
        { status: 'parked', at: AT, meetingId: 'v1-meeting', note: '' },
        { status: 'standing', at: AT + 600_000, meetingId: 'v1-meeting', note: '', decisionId: 'v4-dec1' },
      ],
      createdAt: AT,
      updatedAt: AT + 600_000,
    },
    {
      id: 'v4-d2',
      groupId: 'v1-group',
      meetingId: 'v1-old',
      itemId: null,
      raisedById: null,
      words: 'Nobody asked carers before the visiting hours changed.',
      status: 'revisited',
      resolution: '',
      decisionId: null,
      history: [
        { status: 'parked', at: AT - 90 * 86_400_000, meetingId: 'v1-old', note: '' },
        { status: 'revisited', at: AT + 60_000, meetingId: 'v1-meeting', note: 'The ward manager will come in May.' },
      ],
      createdAt: AT - 90 * 86_400_000,
      updatedAt: AT + 60_000,
    },
  ] satisfies DissentEntry[],
  decision: {
    id: 'v4-dec1',
    groupId: 'v1-group',
    meetingId: 'v1-meeting',
    itemId: 'v2-item',
    text: 'Use the shorter discharge letter from June, with a carer’s section.',
    how: { kind: 'vote', for: 5, against: 1, abstain: 1 },
    dissentIds: ['v4-d1'],
    createdAt: AT + 600_000,
    updatedAt: AT + 600_000,
  } satisfies Decision,
  actions: [
    {
      id: 'v4-a1',
      groupId: 'v1-group',
      meetingId: 'v1-meeting',
      itemId: 'v2-item',
      what: 'Send the new letter to the patient panel for comment',
      owner: { kind: 'person', personId: 'v1-aoife' },
      due: '2030-04-01',
      status: 'open',
      droppedReason: '',
      history: [{ kind: 'created', at: AT + 700_000, meetingId: 'v1-meeting', note: '', due: '2030-04-01' }],
      createdAt: AT + 700_000,
      updatedAt: AT + 700_000,
    },
    {
      id: 'v4-a2',
      groupId: 'v1-group',
      meetingId: 'v1-old',
      itemId: null,
      what: 'Ask for a hearing loop in the family room',
      owner: { kind: 'organisation', name: 'Estates, Northern Trust' },
      due: '2029-12-01',
      status: 'dropped',
      droppedReason: 'The family room is being closed.',
      history: [
        { kind: 'created', at: AT - 90 * 86_400_000, meetingId: 'v1-old', note: '', due: '2029-12-01' },
        { kind: 'dropped', at: AT + 120_000, meetingId: 'v1-meeting', note: 'The family room is being closed.' },
      ],
      createdAt: AT - 90 * 86_400_000,
      updatedAt: AT + 120_000,
    },
  ] satisfies ActionItem[],
};

export const fixture: Fixture = {
  async write(db) {
    await v3Fixture.write(db);
    await db.transaction('rw', [db.dissent, db.decisions, db.actions], async () => {
      await db.dissent.bulkAdd(v4.dissent);
      await db.decisions.add(v4.decision);
      await db.actions.bulkAdd(v4.actions);
    });
  },
  async check(db) {
    await v3Fixture.check(db);
    expect(await db.dissent.where('groupId').equals('v1-group').sortBy('id')).toEqual(v4.dissent);
    expect(await db.dissent.where('status').equals('revisited').primaryKeys()).toEqual(['v4-d2']);
    expect(await db.decisions.where('itemId').equals('v2-item').toArray()).toEqual([v4.decision]);
    expect(await db.actions.where('groupId').equals('v1-group').sortBy('id')).toEqual(v4.actions);
    expect(await db.actions.where('status').equals('open').primaryKeys()).toEqual(['v4-a1']);
  },
};
