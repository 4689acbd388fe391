import { useFreshDb } from '../support/fresh-db';
import { describe, expect, it } from 'vitest';
import { erasePerson, readPersonPage } from '../../src/db/erasure-repo';
import { deleteGroup, deleteMeeting, deleteReviewedMeetings, readGroupDeletion, readMeetingDeletion, setRetention } from '../../src/db/deletion-repo';
import { deleteSampleGroup } from '../../src/db/group-removal';
import { SYNC_SETTINGS_KEY } from '../../src/db/settings-repo';
import type { ErasureWords } from '../../src/domain/erasure';
import type { SummaryWords } from '../../src/domain/summary';
import { isHeldBack } from '../../src/domain/sync-rules';
import { t } from '../../src/ui/strings/all';
import type { SubjectWords } from '../../src/domain/subject-access';
import type { OutboxEntry, SummaryOutboxEntry } from '../../src/domain/sync-model';
import { RuleError } from '../../src/domain/rule-codes';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { NAME, outboxSummary, PRIYA, seedHoldings, T0, tracesOf } from '../support/privacy-holdings';

const db = useFreshDb();

const WORDS: ErasureWords & SubjectWords & SummaryWords = {
  standIn: t.sync.summaryWords.standIn,
  untitledItem: t.sync.summaryWords.untitledItem,
  pseudonym: (n) => `Former member ${n}`,
  wordsDeleted: '(Words deleted)',
  personStatus: { active: 'In the group', left: 'Left' },
  areIn: { authority: 'A', resources: 'R', expertise: 'E', information: 'I', need: 'N' },
  dissentStatus: { parked: 'Parked', revisited: 'Revisited', resolved: 'Resolved', standing: 'Standing' },
  actionStatus: { open: 'Open', done: 'Done', dropped: 'Dropped' },
  response: (r) => (r.kind === 'text' ? r.value : String(r.value)),
  mention: new Proxy({}, { get: (_t, key) => String(key) }) as SubjectWords['mention'],
};
const AT = T0 + 40 * 86_400_000;
let ids = 0;
const newId = () => `new-${++ids}`;

/** Every row of every table of the database, by table name: generic, so a table added later is searched too. */
async function everyTable(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db().tables) out[table.name] = await table.toArray();
  return out;
}

/** A second group, to show one group's erasure or deletion leaves another alone. */
async function seedOtherGroup(): Promise<void> {
  await db().groups.add(makeGroup({ id: 'group-2', name: 'Other group' }));
  await db().people.add(makePerson({ id: 'p-other', groupId: 'group-2', name: 'Priya Shah' }));
  await db().meetings.add(makeMeeting({ id: 'other-meeting', groupId: 'group-2', title: 'Other meeting', state: 'closed' }));
  await db().attendees.add({ meetingId: 'other-meeting', personId: 'p-other', expected: true });
  await db().turns.add({ id: 'other-turn', meetingId: 'other-meeting', itemId: null, personId: 'p-other', crossTalk: false, startedAt: T0, endedAt: T0 + 60_000 });
}

const requests = async () => (await db().outbox.toArray()).filter((e): e is Extract<OutboxEntry, { kind: 'request' }> => e.kind === 'request');
const namesOn = () => db().settings.put({ key: SYNC_SETTINGS_KEY, value: { serverUrl: 'https://office.example/', deviceKey: 'k', names: true } });

describe('erasing a person, in the database', () => {
  it('leaves their name in no row of any table, in any case or spacing', async () => {
    await seedHoldings(db());
    const before = await everyTable();
    expect(tracesOf(before, NAME).length).toBeGreaterThan(20);
    expect(await erasePerson('group-1', PRIYA, 'keep', AT, newId, WORDS)).toBe('Former member 1');
    const after = await everyTable();
    for (const [table, rows] of Object.entries(after)) {
      for (const row of rows) expect(tracesOf(row, NAME), `${table}: ${JSON.stringify(row)}`).toEqual([]);
    }
    // Turns, the queue, marks and attendance are as they were: talk time stays whole.
    for (const table of ['turns', 'queue', 'checkinMarks', 'attendees', 'clockEvents']) expect(after[table], table).toEqual(before[table]);
    expect(await db().people.get(PRIYA)).toMatchObject({ name: 'Former member 1', perspectiveId: 'carer', status: 'left', erasedAt: AT });
  });

  it('with names sent to the office, queues one erasure request with the pseudonym and no name', async () => {
    await seedHoldings(db());
    await namesOn();
    await erasePerson('group-1', PRIYA, 'delete', AT, newId, WORDS);
    const queued = await requests();
    expect(queued.map((r) => r.request)).toEqual([{ kind: 'erase-person', groupId: 'group-1', personId: PRIYA, pseudonym: 'Former member 1' }]);
    expect(queued[0]).toMatchObject({ status: 'waiting', sentAt: null, createdAt: AT });
    expect(tracesOf(queued, NAME)).toEqual([]);
    // Erasing again changes nothing and asks nothing more.
    const before = await everyTable();
    expect(await erasePerson('group-1', PRIYA, 'keep', AT + 1, newId, WORDS)).toBe('Former member 1');
    expect(await everyTable()).toEqual(before);
  });

  it('sends again, as its next revision made from the rewritten records, every summary the office has that held the name; the request goes after it', async () => {
    await seedHoldings(db());
    await namesOn();
    const sent = (await db().outbox.get('out-1')) as SummaryOutboxEntry;
    expect(sent).toMatchObject({ status: 'sent', revision: 1 });
    expect(tracesOf(sent, NAME).length).toBeGreaterThan(0);
    await erasePerson('group-1', PRIYA, 'keep', AT, newId, WORDS);
    const again = (await db().outbox.get('out-1')) as SummaryOutboxEntry;
    // Same id, next revision, waiting to go; the office's revision 1 is still known.
    expect(again).toMatchObject({ status: 'waiting', revision: 2, sentRevision: 1, nextAttemptAt: AT });
    expect(again.summary).toMatchObject({ id: 'out-1', revision: 2, names: true });
    expect(tracesOf(again, NAME)).toEqual([]);
    // Made from the records, not patched: the owner of her action is now her pseudonym, from the roster.
    expect(again.summary.actions.filter((a) => a.ownerId === PRIYA).map((a) => a.owner)).toEqual(['Former member 1']);
    expect(again.summary.decisions.map((d) => d.text)).toEqual(['Use Former member 1’s letter']);
    // The request waits behind it: the office gets the rewritten summary first.
    const [request] = await requests();
    const unsent = (await db().outbox.toArray()).filter((e) => e.status !== 'sent');
    expect(isHeldBack(request!, unsent)).toBe(true);
  });

  it('without names sent, rewrites the waiting summary and asks the office nothing', async () => {
    await seedHoldings(db());
    await db().outbox.clear();
    await db().outbox.put(outboxSummary({ id: 'waiting', names: true }));
    await namesOn();
    await erasePerson('group-1', PRIYA, 'keep', AT, newId, WORDS);
    expect(await requests()).toEqual([]);
    const waiting = (await db().outbox.get('waiting')) as Extract<OutboxEntry, { meetingId: string }>;
    expect(waiting.summary.actions[0]!.owner).toBe('Former member 1');
    expect(waiting).toMatchObject({ status: 'waiting', revision: 1 });
  });

  it('is refused while a meeting of the group is running, changing nothing', async () => {
    await seedHoldings(db());
    await db().meetings.update('meeting-2', { state: 'running' });
    const before = await everyTable();
    await expect(erasePerson('group-1', PRIYA, 'keep', AT, newId, WORDS)).rejects.toEqual(new RuleError('meeting-in-progress'));
    expect(await everyTable()).toEqual(before);
  });

  it('leaves the same name in another group alone', async () => {
    await seedHoldings(db());
    await seedOtherGroup();
    await erasePerson('group-1', PRIYA, 'keep', AT, newId, WORDS);
    expect((await db().people.get('p-other'))!.name).toBe(NAME);
  });

  it('the person page shows what is held and what erasing would do', async () => {
    await seedHoldings(db());
    await namesOn();
    const page = (await readPersonPage('group-1', PRIYA, AT, WORDS))!;
    expect(page).toMatchObject({ name: NAME, erased: false, tellsOffice: true, meetingInProgress: false });
    expect(page.holds.meetings[0]).toMatchObject({ talkSeconds: 600, turns: 2 });
    expect(page.preview.keep.counts).toEqual({ dissent: 1, namedAnswers: 1, oneToOnes: 1, mentions: 12, outbox: 1 });
    // Reading it wrote nothing.
    expect(await db().people.get(PRIYA)).toMatchObject({ name: NAME });
    expect(await readPersonPage('group-1', 'nobody', AT, WORDS)).toBeNull();
  });
});

describe('deleting a meeting or a group, in the database', () => {
  it.each([
    ['a meeting’s title', () => deleteMeeting('meeting-1', 'Meeting at Priya', AT, newId)],
    ['a group’s name', () => deleteGroup('group-1', 'Carers circle', AT, newId)],
  ])('%s typed that does not match deletes nothing', async (_, remove) => {
    await seedHoldings(db());
    const before = await everyTable();
    await expect(remove()).rejects.toEqual(new RuleError('name-mismatch'));
    expect(await everyTable()).toEqual(before);
  });
});

describe('deleting a meeting, in the database', () => {
  it('leaves no row of any table pointing at it; asks the office to delete the summary it has', async () => {
    await seedHoldings(db());
    await seedOtherGroup();
    expect(await deleteMeeting('meeting-1', '  meeting at priya shah’s ', AT, newId)).toBe('group-1');
    const after = await everyTable();
    for (const [table, rows] of Object.entries(after)) {
      if (table === 'outbox') continue;
      for (const row of rows) expect(JSON.stringify(row), table).not.toContain('meeting-1');
    }
    expect(after.outbox).toEqual([expect.objectContaining({ kind: 'request', request: { kind: 'delete-meeting', groupId: 'group-1', meetingId: 'meeting-1', summaryId: 'out-1' } })]);
    // The group's own things stay: the glossary word, the ground rule, the review, the item carried to April.
    expect(await db().glossary.get('g1')).toMatchObject({ meetingId: null });
    expect(await db().groundRules.get('r1')).toMatchObject({ status: 'agreed', agreedAtMeetingId: null });
    expect(await db().agendaItems.get('item-2')).toMatchObject({ meetingId: 'meeting-2' });
    expect(await db().meetings.get('meeting-2')).toBeDefined();
    expect(after.turns).toEqual([expect.objectContaining({ id: 'other-turn' })]);
  });

  it('cannot delete a running meeting, and says so before the chair types anything', async () => {
    await seedHoldings(db());
    await db().meetings.update('meeting-1', { state: 'running' });
    expect((await readMeetingDeletion('meeting-1'))!.plan).toBe('in-progress');
    await expect(deleteMeeting('meeting-1', 'Meeting at Priya Shah’s', AT, newId)).rejects.toEqual(new RuleError('meeting-in-progress'));
    expect(await db().meetings.get('meeting-1')).toBeDefined();
  });

  it('the meetings past retention the chair confirmed go together', async () => {
    await seedHoldings(db());
    await db().outbox.clear();
    await setRetention('group-1', 12, AT);
    expect((await db().groups.get('group-1'))!.retentionMonths).toBe(12);
    await deleteReviewedMeetings('group-1', ['meeting-1', 'meeting-2'], AT, newId);
    expect(await db().meetings.where('groupId').equals('group-1').count()).toBe(0);
    expect(await db().turns.count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
    await setRetention('group-1', undefined, AT);
    expect('retentionMonths' in (await db().groups.get('group-1'))!).toBe(false);
  });
});

describe('deleting a group, in the database', () => {
  it('leaves no row of the group in any table, one request for the office, and the other group whole', async () => {
    await seedHoldings(db());
    await seedOtherGroup();
    await db().outbox.put({ ...outboxSummary({ id: 'req-old' }), kind: 'request', request: { kind: 'delete-meeting', groupId: 'group-1', meetingId: 'gone', summaryId: 'x' } } as never);
    await db().settings.put({ key: 'checkin-lock', value: { meetingId: 'meeting-2', groupId: 'group-1', startedAt: T0, prompts: [], wrongPinAt: [] } });
    expect((await readGroupDeletion('group-1'))!).toMatchObject({ meetings: 2, people: 2, inProgress: false, tellsOffice: true });
    await deleteGroup('group-1', 'carers’ circle', AT, newId);
    const after = await everyTable();
    for (const [table, rows] of Object.entries(after)) {
      if (table === 'outbox') continue;
      for (const row of rows) expect(JSON.stringify(row), table).not.toMatch(/group-1|meeting-1|meeting-2|p-priya/);
    }
    expect(after.outbox).toEqual([expect.objectContaining({ kind: 'request', request: { kind: 'delete-group', groupId: 'group-1' } })]);
    expect(after.groups).toEqual([expect.objectContaining({ id: 'group-2' })]);
    expect(after.turns).toHaveLength(1);
    expect(after.people).toHaveLength(1);
  });

  it('with nothing sent, asks the office nothing', async () => {
    await seedHoldings(db());
    await db().outbox.clear();
    await db().outbox.put(outboxSummary({ id: 'waiting' }));
    expect((await readGroupDeletion('group-1'))!.tellsOffice).toBe(false);
    await deleteGroup('group-1', 'Carers’ circle', AT, newId);
    expect(await db().outbox.count()).toBe(0);
  });

  it('is refused while a meeting is running', async () => {
    await seedHoldings(db());
    await db().meetings.update('meeting-2', { state: 'closing' });
    await expect(deleteGroup('group-1', 'Carers’ circle', AT, newId)).rejects.toEqual(new RuleError('meeting-in-progress'));
    expect(await db().groups.get('group-1')).toBeDefined();
  });

  it('a sample group is still deleted in one step, every table with it', async () => {
    await seedHoldings(db());
    await db().groups.update('group-1', { sample: true });
    await db().outbox.clear();
    await deleteSampleGroup('group-1');
    for (const [table, rows] of Object.entries(await everyTable())) expect(rows, table).toEqual([]);
  });
});
