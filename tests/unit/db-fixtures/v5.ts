import { expect } from 'vitest';
import type { Fixture } from './fixture';
import { fixture as v4Fixture } from './v4';

const AT = Date.UTC(2030, 2, 14, 11, 50);

export const v5 = {
  answers: { id: 'v5-ans1', meetingId: 'v1-meeting', completedAt: AT },
  mark: { id: 'v5-mark1', meetingId: 'v1-meeting', personId: 'v1-aoife', at: AT },
  oneToOne: { id: 'v5-121', meetingId: 'v1-meeting', createdAt: AT },
  prompt: { id: 'v5-prompt1', groupId: 'v1-group', order: 0 },
};

export const fixture: Fixture = {
  async write(db) {
    await v4Fixture.write(db);
    await db.transaction('rw', [db.checkinAnswers, db.checkinMarks, db.oneToOnes, db.checkinPrompts], async () => {
      await db.checkinAnswers.add(v5.answers);
      await db.checkinMarks.add(v5.mark);
      await db.oneToOnes.add(v5.oneToOne);
      await db.checkinPrompts.add(v5.prompt);
    });
  },
  async check(db) {
    await v4Fixture.check(db);
    expect(await db.checkinAnswers.where('meetingId').equals('v1-meeting').toArray()).toEqual([v5.answers]);
    expect(await db.checkinMarks.where('meetingId').equals('v1-meeting').toArray()).toEqual([v5.mark]);
    expect(await db.oneToOnes.where('meetingId').equals('v1-meeting').toArray()).toEqual([v5.oneToOne]);
    expect(await db.checkinPrompts.where('groupId').equals('v1-group').toArray()).toEqual([v5.prompt]);
    // One check-in mark per person per meeting.
    await expect(db.checkinMarks.add({ ...v5.mark, id: 'v5-mark-again' })).rejects.toThrow();
  },
};
