// A seeded programme for the office's reflection pages (issue 24): 4 groups × 12 monthly meetings
// of 2025, with figures simple enough to work out by hand. Used by the server's tests and the
// office's browser test.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../src/db.js';
import { storeSummary, UPSERT_SQL, upsertParams } from '../src/summaries.js';
import { exampleSummary, type Summary } from '../src/summary-schema.js';

export const GROUPS = ['grp-a', 'grp-b', 'grp-c', 'grp-d'] as const;

/** The charts the programme page draws for this programme, in order, each named by its title. */
export const PROGRAMME_CHARTS = [
  'Share of talk by perspective, against its fair share',
  'Check-in: Did you feel listened to?',
  'Decisions made in the group and elsewhere',
  'Actions: done on time, late, open',
  'Dissent: parked, resolved, standing',
  'Jargon terms raised',
] as const;
const day = (month: number) => `2025-${String(month).padStart(2, '0')}-10`;

/**
 * The seeded programme. Per meeting (month m = 1…12):
 * - grp-a "Carers Workstream" (names on): Lived experience 120 s of 1,000 s of talk in Q1, 240 s
 *   from April; fair share 500/500; 3 of each present. Check-in "Did you feel listened to?" yes 4,
 *   not sure 1, no 1. Decisions: 2 by consensus, 1 made elsewhere, and 1 deferred in even months.
 *   Actions: one done on its day, one open past due, one open not yet due, one dropped; and one
 *   action ("a-letter", due 15 May) followed up each month, open until done on 10 June. Dissent: 1 parked,
 *   1 resolved in odd months. Jargon: "MDT", and "ICB" too from July.
 * - grp-b: Lived experience 300 s, Staff 700 s (3 and 2 present); check-in yes 1, no 1 (two
 *   answers a meeting: too few alone, six in a quarter); one decision by vote; two actions done
 *   (sent without refs or done dates, as Heard sent them before).
 * - grp-c: 400 s / 600 s; check-in yes 3; one decision by the chair and one deferred; 1 standing dissent.
 * - grp-d: Lived experience 500 s, Staff 300 s, Carer 200 s with one carer present (too few to
 *   show); no check-in, decisions or actions.
 */
export function meeting(group: (typeof GROUPS)[number], m: number): Summary {
  const base = { id: randomUUID(), groupId: group, meetingId: `${group}-m${m}`, date: day(m), glossaryTerms: [] as string[], items: [] };
  const talk = (lived: number, staff: number, fair = 500) => [
    { perspective: 'Lived experience', talkSeconds: lived, turns: 5, fairShareSeconds: fair },
    { perspective: 'Staff', talkSeconds: staff, turns: 5, fairShareSeconds: fair },
  ];
  const prompt = (counts: Record<string, number>) => ({ checkedIn: 6, oneToOneRequests: 0, prompts: [{ prompt: 'Did you feel listened to?', counts }] });
  const none = { dissent: { parked: 0, resolved: 0, standing: 0 }, decisions: [], actions: [] };
  switch (group) {
    case 'grp-a':
      return exampleSummary({
        ...base,
        names: true,
        groupName: 'Carers Workstream',
        presentByPerspective: { 'Lived experience': 3, Staff: 3 },
        voiceBalance: m <= 3 ? talk(120, 880) : talk(240, 760),
        checkIn: prompt({ yes: 4, 'not-sure': 1, no: 1 }),
        decisions: [
          { text: 'One', how: 'consensus' },
          { text: 'Two', how: 'consensus' },
          { text: 'Three', how: 'elsewhere' },
          ...(m % 2 === 0 ? [{ text: 'Four', how: 'deferred' as const }] : []),
        ],
        actions: [
          { text: 'Done', due: day(m), status: 'done', ref: `a-done-${m}`, doneOn: day(m) },
          { text: 'Late', due: '2024-12-01', status: 'open', ref: `a-late-${m}` },
          { text: 'Not yet due', due: '2026-06-01', status: 'open', ref: `a-open-${m}` },
          { text: 'Dropped', due: day(m), status: 'dropped', ref: `a-drop-${m}` },
        ],
        // One action followed up every month: open, due 15 May, done on 10 June (late).
        followedUp: [m < 6 ? { ref: 'a-letter', due: '2025-05-15', status: 'open' } : { ref: 'a-letter', due: '2025-05-15', status: 'done', doneOn: '2025-06-10' }],
        dissent: { parked: 1, resolved: m % 2, standing: 0 },
        glossaryTerms: m >= 7 ? ['MDT', 'ICB'] : ['MDT'],
      });
    case 'grp-b':
      return exampleSummary({
        ...base,
        ...none,
        presentByPerspective: { 'Lived experience': 3, Staff: 2 },
        voiceBalance: talk(300, 700),
        checkIn: prompt({ yes: 1, no: 1 }),
        decisions: [{ text: 'Voted', how: 'vote', votes: { for: 3, against: 1, abstain: 0 } }],
        actions: [
          { text: '=HYPERLINK("http://evil.example")', due: day(m), status: 'done' },
          { text: 'Two', due: day(m), status: 'done' },
        ],
      });
    case 'grp-c':
      return exampleSummary({
        ...base,
        ...none,
        presentByPerspective: { 'Lived experience': 2, Staff: 2 },
        voiceBalance: talk(400, 600),
        checkIn: prompt({ yes: 3 }),
        decisions: [
          { text: 'Chair', how: 'chair' },
          { text: 'Later', how: 'deferred' },
        ],
        dissent: { parked: 0, resolved: 0, standing: 1 },
      });
    case 'grp-d':
      return exampleSummary({
        ...base,
        ...none,
        presentByPerspective: { 'Lived experience': 4, Staff: 2, Carer: 1 },
        voiceBalance: [...talk(500, 300, 400), { perspective: 'Carer', talkSeconds: 200, turns: 2, fairShareSeconds: 200 }],
        checkIn: { checkedIn: 0, oneToOneRequests: 0, prompts: [] },
      });
  }
}


/** Stores every meeting of the programme, sent with device key `keyId`. */
export async function seedProgramme(db: Queryable, keyId: string): Promise<void> {
  for (const group of GROUPS) {
    for (let m = 1; m <= 12; m += 1) {
      const stored = await storeSummary(db, meeting(group, m), keyId);
      if (stored.outcome !== 'created') throw new Error(`Seeding ${group} month ${m}: ${stored.outcome}`);
    }
  }
}

/**
 * The same programme written as a server of an older schema wrote it (group_owners from 003, rows
 * as plain upserts): for upgrade tests, where today's store statements would name newer columns.
 */
export async function seedProgrammeAsBefore(db: Queryable, keyId: string): Promise<void> {
  for (const group of GROUPS) {
    await db.query('INSERT INTO group_owners (group_id, key_id) VALUES ($1, $2)', [group, keyId]);
    for (let m = 1; m <= 12; m += 1) await db.query(UPSERT_SQL, upsertParams(meeting(group, m), keyId));
  }
}
