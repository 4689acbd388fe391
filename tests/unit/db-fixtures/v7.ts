import { expect } from 'vitest';
import type { SealedCheckIn } from '../../../src/domain/checkin-model';
import type { Fixture } from './fixture';
import { fixture as v6Fixture } from './v6';

const AT = Date.UTC(2030, 2, 14, 12, 20);

export const v7: { sealed: SealedCheckIn } = {
  sealed: {
    meetingId: 'v1-meeting',
    groupId: 'v1-group',
    sealedAt: AT,
    wrongPinAt: [AT + 1_000],
    keys: { chair: { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 600_000 }, device: null },
    counts: { written: 1, named: 0, oneToOnes: 1, glossary: 0 },
    words: {
      answers: [
        {
          id: 'v7-answers',
          meetingId: 'v1-meeting',
          responses: [{ promptId: 'default-anything-else', question: 'Anything else?', response: { kind: 'text', value: 'The room was cold' } }],
          checkInStartedAt: AT - 600_000,
        },
      ],
      oneToOnes: [{ id: 'v7-one-to-one', meetingId: 'v1-meeting', contact: 'Ring me on 07700 900123', checkInStartedAt: AT - 600_000 }],
      glossary: [],
    },
  },
};

export const fixture: Fixture = {
  async write(db) {
    await v6Fixture.write(db);
    await db.transaction('rw', db.sealedCheckIns, async () => {
      await db.sealedCheckIns.add(v7.sealed);
    });
  },
  async check(db) {
    await v6Fixture.check(db);
    expect(await db.sealedCheckIns.where('groupId').equals('v1-group').toArray()).toEqual([v7.sealed]);
  },
};
