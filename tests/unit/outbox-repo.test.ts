import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../support/fresh-db';
import { SummarySchema } from '../../server/src/summary-schema';
import { addSample } from '../../src/db/groups-repo';
import { claimDue, markFailed, markSent, writeSyncSettings } from '../../src/db/outbox-repo';
import { resendSummary, saveSyncSettings } from '../../src/db/summary-outbox';
import { closeMeeting } from '../../src/db/run-repo';
import { readSyncGlance } from '../../src/db/settings-repo';
import { syncMeeting, T0 } from '../support/sync-meeting';
import { isSummaryEntry } from '../../src/domain/sync-model';
import { t } from '../../src/ui/strings/all';

const db = useFreshDb();
let ids = 0;
const summaryRows = async () => (await db().outbox.toArray()).filter(isSummaryEntry);
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

async function storedMeeting() {
  const s = syncMeeting();
  await addSample(s);
  const d = db();
  await d.clockEvents.bulkAdd(s.events);
  await d.turns.bulkAdd(s.turns);
  await d.actions.bulkAdd(s.actions);
  await d.decisions.bulkAdd(s.decisions);
  await d.attendees.bulkPut(s.attendees);
  return s;
}

describe('the outbox', () => {
  it('gets the summary in the same transaction that closes the meeting', async () => {
    const s = await storedMeeting();
    await closeMeeting(s.meeting.id, s.endAt, t.sync.summaryWords, newId);
    const [entry] = await summaryRows();
    expect(entry).toMatchObject({ meetingId: s.meeting.id, status: 'waiting', revision: 1, attempts: 0, nextAttemptAt: s.endAt });
    expect(SummarySchema.safeParse(entry!.summary).success).toBe(true);
    expect(entry!.summary.id).toBe(entry!.id);
    expect(entry!.summary.actions).toHaveLength(2);
    expect(await readSyncGlance()).toMatchObject({ waiting: 1, oldestWaitingSince: s.endAt, configured: false });
  });

  it('neither closes the meeting nor queues a summary when building it fails: all or nothing', async () => {
    const s = await storedMeeting();
    // A group that has gone makes the summary impossible; the close must roll back with it.
    await db().groups.delete(s.group.id);
    await expect(closeMeeting(s.meeting.id, s.endAt, t.sync.summaryWords, newId)).rejects.toThrow();
    expect((await db().meetings.get(s.meeting.id))?.state).not.toBe('closed');
    expect(await db().outbox.count()).toBe(0);
  });

  it('keeps one id when a meeting is closed twice or sent again, with a higher revision', async () => {
    const s = await storedMeeting();
    await closeMeeting(s.meeting.id, s.endAt, t.sync.summaryWords, newId);
    const [first] = await summaryRows();
    await closeMeeting(s.meeting.id, s.endAt + 1000, t.sync.summaryWords, newId);
    // Later change to an action, then "Send again".
    await db().actions.update(s.actions[0]!.id, { status: 'done' });
    await resendSummary(s.meeting.id, s.endAt + 2000, newId, t.sync.summaryWords);
    const all = await summaryRows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: first!.id, revision: 3, status: 'waiting', createdAt: s.endAt });
    expect(all[0]!.summary).toMatchObject({ id: first!.id, revision: 3 });
    expect(all[0]!.summary.actions[0]!.status).toBe('done');
  });

  it('builds names in only when the chair chose them', async () => {
    const s = await storedMeeting();
    await closeMeeting(s.meeting.id, s.endAt, t.sync.summaryWords, newId);
    expect((await summaryRows())[0]!.summary.groupName).toBeUndefined();
    await writeSyncSettings({ serverUrl: 'http://127.0.0.1:1/', deviceKey: 'heard_x', names: true });
    await resendSummary(s.meeting.id, s.endAt + 1, newId, t.sync.summaryWords);
    expect((await summaryRows())[0]!.summary.groupName).toBe(s.group.name);
  });

  it('turning names off rebuilds a summary not yet sent that holds names in its words; one already sent is left', async () => {
    const s = await storedMeeting();
    const aoife = s.people[0]!;
    await db().decisions.update(s.decisions[0]!.id, { text: `${aoife.name} will lead the pilot` });
    await writeSyncSettings({ serverUrl: 'https://office.example.org/', deviceKey: 'heard_x', names: true });
    await closeMeeting(s.meeting.id, s.endAt, t.sync.summaryWords, newId);
    const [built] = await summaryRows();
    expect(JSON.stringify(built!.summary)).toContain(aoife.name);
    await saveSyncSettings({ serverUrl: 'https://office.example.org/', deviceKey: 'heard_x', names: false }, s.endAt + 1, newId, t.sync.summaryWords);
    const [rebuilt] = await summaryRows();
    // Same id, next revision, and the name gone from its words as well as from the owners.
    expect(rebuilt).toMatchObject({ id: built!.id, revision: 2, status: 'waiting' });
    expect(rebuilt!.summary.names).toBe(false);
    expect(rebuilt!.summary.decisions[0]!.text).toBe('someone with lived experience will lead the pilot');
    expect(JSON.stringify(rebuilt!.summary)).not.toContain(aoife.name);
    // Sent already: turning names off does not send it again (erasure does that, for a person's name).
    await db().outbox.update(built!.id, { status: 'sent', sentAt: s.endAt + 2, sentRevision: 2 });
    await saveSyncSettings({ serverUrl: 'https://office.example.org/', deviceKey: 'heard_x', names: true }, s.endAt + 3, newId, t.sync.summaryWords);
    await saveSyncSettings({ serverUrl: 'https://office.example.org/', deviceKey: 'heard_x', names: false }, s.endAt + 4, newId, t.sync.summaryWords);
    expect((await summaryRows())[0]).toMatchObject({ revision: 2, status: 'sent' });
  });

  it('lets one claimer at a time take a summary, and another take it over only after the lease', async () => {
    const s = await storedMeeting();
    await closeMeeting(s.meeting.id, s.endAt, t.sync.summaryWords, newId);
    // Two tabs claiming at the same moment: IndexedDB runs the two transactions one after the other.
    const [a, b] = await Promise.all([claimDue(s.endAt, 60_000, 10), claimDue(s.endAt, 60_000, 10)]);
    expect(a.length + b.length).toBe(1);
    expect(await claimDue(s.endAt + 59_999, 60_000, 10)).toHaveLength(0);
    expect(await claimDue(s.endAt + 60_000, 60_000, 10)).toHaveLength(1);
  });

  it('counts failures, records the problem, and goes back to waiting; sent clears it', async () => {
    const s = await storedMeeting();
    await closeMeeting(s.meeting.id, s.endAt, t.sync.summaryWords, newId);
    const [claimed] = await claimDue(s.endAt, 60_000, 10);
    await markFailed(claimed!.id, 'server', true, (attempts) => s.endAt + attempts * 1000, s.endAt + 5);
    expect(await db().outbox.get(claimed!.id)).toMatchObject({ status: 'waiting', attempts: 1, lastError: 'server', nextAttemptAt: s.endAt + 1000 });
    expect(await readSyncGlance()).toMatchObject({ waiting: 1, lastError: 'server' });
    await claimDue(s.endAt + 1000, 60_000, 10);
    await markSent(claimed!.id, 1, s.endAt + 2000);
    expect(await db().outbox.get(claimed!.id)).toMatchObject({ status: 'sent', attempts: 0, lastError: null, sentRevision: 1, sentAt: s.endAt + 2000 });
    expect(await readSyncGlance()).toMatchObject({ waiting: 0, lastError: null, lastSentAt: s.endAt + 2000 });
  });

  it('leaves a newer revision waiting when an older one is confirmed', async () => {
    const s = await storedMeeting();
    await closeMeeting(s.meeting.id, s.endAt, t.sync.summaryWords, newId);
    const [claimed] = await claimDue(s.endAt, 60_000, 10);
    // The chair sends again while revision 1 is on its way.
    await resendSummary(s.meeting.id, s.endAt + 10, newId, t.sync.summaryWords);
    await markSent(claimed!.id, 1, s.endAt + 20);
    expect(await db().outbox.get(claimed!.id)).toMatchObject({ status: 'waiting', revision: 2, sentRevision: 1 });
  });
});

void T0;
