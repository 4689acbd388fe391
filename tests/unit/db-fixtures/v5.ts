import { expect } from 'vitest';
import type { CheckInAnswers, CheckInMark, CheckInPrompt, OneToOneRequest } from '../../../src/domain/checkin-model';
import type { Fixture } from './fixture';
import { fixture as v4Fixture } from './v4';

// When the check-in started: every record of it carries this one time, never a person's own moment.
const STARTED = Date.UTC(2030, 2, 14, 11, 50);

const anonymous: CheckInAnswers = {
  id: 'v5-ans1',
  meetingId: 'v1-meeting',
  checkInStartedAt: STARTED,
  responses: [
    { promptId: 'v5-prompt1', question: 'Did you get the chance to say what you wanted?', response: { kind: 'faces', value: 3, of: 3 } },
    { promptId: 'v5-prompt2', question: "Was anything said that you didn't understand?", response: { kind: 'choice', value: 'yes', words: 'ICB' } },
    { promptId: 'v5-prompt3', question: 'Anything else?', response: { kind: 'text', value: 'The room was cold.' } },
  ],
};
const named: CheckInAnswers = {
  id: 'v5-ans2',
  meetingId: 'v1-meeting',
  personId: 'v1-aoife',
  checkInStartedAt: STARTED,
  responses: [{ promptId: 'v5-prompt1', question: 'Did you get the chance to say what you wanted?', response: { kind: 'faces', value: 2, of: 3 } }],
};
const mark: CheckInMark = { id: 'v5-mark1', meetingId: 'v1-meeting', personId: 'v1-aoife', checkInStartedAt: STARTED };
const oneToOne: OneToOneRequest = { id: 'v5-121', meetingId: 'v1-meeting', contact: 'Aoife, 07700 900123', checkInStartedAt: STARTED };
const prompts: CheckInPrompt[] = [
  { id: 'v5-prompt1', groupId: 'v1-group', order: 0, kind: 'faces', faces: 3, text: 'Did you get the chance to say what you wanted?', libraryKey: 'said-what-wanted', createdAt: STARTED, updatedAt: STARTED },
  { id: 'v5-prompt2', groupId: 'v1-group', order: 1, kind: 'choice', asksForWords: true, text: "Was anything said that you didn't understand?", libraryKey: 'not-understood', createdAt: STARTED, updatedAt: STARTED },
  { id: 'v5-prompt3', groupId: 'v1-group', order: 2, kind: 'text', text: 'Anything else?', libraryKey: null, createdAt: STARTED, updatedAt: STARTED },
];

export const v5 = { anonymous, named, mark, oneToOne, prompts };

export const fixture: Fixture = {
  async write(db) {
    await v4Fixture.write(db);
    await db.transaction('rw', [db.checkinAnswers, db.checkinMarks, db.oneToOnes, db.checkinPrompts], async () => {
      await db.checkinAnswers.bulkAdd([anonymous, named]);
      await db.checkinMarks.add(mark);
      await db.oneToOnes.add(oneToOne);
      await db.checkinPrompts.bulkAdd(prompts);
    });
  },
  async check(db) {
    await v4Fixture.check(db);
    expect(await db.checkinAnswers.where('meetingId').equals('v1-meeting').sortBy('id')).toEqual([anonymous, named]);
    expect(await db.checkinMarks.where('meetingId').equals('v1-meeting').toArray()).toEqual([mark]);
    expect(await db.oneToOnes.where('meetingId').equals('v1-meeting').toArray()).toEqual([oneToOne]);
    expect(await db.checkinPrompts.where('groupId').equals('v1-group').sortBy('order')).toEqual(prompts);
    // One check-in mark per person per meeting.
    await expect(db.checkinMarks.add({ ...mark, id: 'v5-mark-again' })).rejects.toThrow();
  },
};
