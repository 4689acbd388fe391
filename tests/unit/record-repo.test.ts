import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../support/fresh-db';
import { makeGroup, makeMeeting } from '../support/fixtures';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { addAction, addDecision, addDissent, changeAction, changeDissent, getGroupRecord } from '../../src/db/record-repo';
import { RuleError } from '../../src/domain/rule-codes';
import { closeMeeting } from '../../src/db/run-repo';
import {
  dissentCarriedInto,
  makeAction,
  makeDecision,
  markActionDone,
  mattersArising,
  parkDissent,
  resolveDissent,
  revisitDissent,
} from '../../src/domain/record';
import { t } from '../../src/ui/strings/all';

const db = useFreshDb();
const T = new Date(2030, 2, 14, 10, 0).getTime();

async function twoMeetings() {
  await addGroup(makeGroup({ id: 'g' }));
  await saveMeeting(makeMeeting({ id: 'march', groupId: 'g', state: 'running', startsAt: T }), []);
  await saveMeeting(makeMeeting({ id: 'april', groupId: 'g', date: '2030-04-11', startsAt: new Date(2030, 3, 11, 10).getTime() }), []);
}

const dissent = (id: string, meetingId = 'march') =>
  parkDissent({ id, groupId: 'g', meetingId, itemId: null, raisedById: null, words: `Words of ${id}`, at: T });

describe('the record in storage', () => {
  it('records a decision and the dissent standing against it in one step', async () => {
    await twoMeetings();
    await addDissent(dissent('d1'));
    await addDissent(dissent('d2'));
    const decision = makeDecision({ id: 'dec', groupId: 'g', meetingId: 'march', itemId: null, text: 'Short letter', how: { kind: 'vote', for: 4, against: 2, abstain: 0 }, dissentIds: ['d1'], at: T + 5 });
    await addDecision(decision, T + 5);
    const stored = await getGroupRecord('g');
    expect(stored?.decisions).toEqual([decision]);
    expect(stored?.dissent.find((d) => d.id === 'd1')).toMatchObject({ status: 'standing', decisionId: 'dec' });
    expect(stored?.dissent.find((d) => d.id === 'd2')?.status).toBe('parked');
  });

  it('saves neither the decision nor any standing dissent when one linked entry is already settled', async () => {
    await twoMeetings();
    await addDissent(dissent('d1'));
    await addDissent(dissent('d2'));
    await changeDissent('d2', (e) => resolveDissent(e, 'Agreed', T + 1, 'march'));
    const decision = makeDecision({ id: 'dec', groupId: 'g', meetingId: 'march', itemId: null, text: 'X', how: { kind: 'consensus' }, dissentIds: ['d1', 'd2'], at: T + 5 });
    await expect(addDecision(decision, T + 5)).rejects.toMatchObject({ code: 'dissent-settled' });
    expect(await db().decisions.count()).toBe(0);
    expect((await db().dissent.get('d1'))?.status).toBe('parked');
  });

  it('refuses a settled entry’s change and never deletes an entry', async () => {
    await twoMeetings();
    await addDissent(dissent('d1'));
    await changeDissent('d1', (e) => resolveDissent(e, 'Agreed', T + 1, 'march'));
    await expect(changeDissent('d1', (e) => revisitDissent(e, T + 2, 'april'))).rejects.toBeInstanceOf(RuleError);
    const kept = await db().dissent.get('d1');
    expect(kept?.words).toBe('Words of d1');
    expect(kept?.history.map((h) => h.status)).toEqual(['parked', 'resolved']);
  });

  it.each([
    ['dissent', () => changeDissent('nobody', (e) => e), 'dissent-missing'],
    ['an action', () => changeAction('nobody', (a) => a), 'action-missing'],
  ])('refuses a change to %s that is not stored, saying which', async (_, change, code) => {
    await twoMeetings();
    await expect(change()).rejects.toMatchObject({ code });
  });

  it('adds nothing to a closed meeting', async () => {
    await twoMeetings();
    await closeMeeting('march', T + 60_000, t.sync.summaryWords);
    await expect(addDissent(dissent('late'))).rejects.toMatchObject({ code: 'meeting-closed' });
    const item = makeAction({ id: 'a', groupId: 'g', meetingId: 'march', itemId: null, what: 'x', owner: { kind: 'organisation', name: 'Council' }, due: '2030-04-01', at: T });
    await expect(addAction(item)).rejects.toMatchObject({ code: 'meeting-closed' });
  });

  // Carry-forward is read from the record, so saving the next meeting again, or opening it twice, adds nothing.
  it('carries open dissent and actions into the next meeting once, however often it is saved or read', async () => {
    await twoMeetings();
    await addDissent(dissent('d1'));
    await addAction(makeAction({ id: 'a1', groupId: 'g', meetingId: 'march', itemId: null, what: 'Ask the trust', owner: { kind: 'person', personId: 'p' }, due: '2030-04-01', at: T }));
    await closeMeeting('march', T + 60_000, t.sync.summaryWords);
    const april = (await db().meetings.get('april'))!;
    await saveMeeting({ ...april, title: 'April, renamed' }, []);
    await saveMeeting({ ...april, title: 'April, renamed' }, []);
    for (let i = 0; i < 2; i++) {
      const record = (await getGroupRecord('g'))!;
      expect(dissentCarriedInto(april, record.dissent, record.meetings).map((d) => d.id)).toEqual(['d1']);
      expect(mattersArising(april, record.actions, record.meetings).map((a) => a.id)).toEqual(['a1']);
    }
    expect(await db().dissent.count()).toBe(1);
    expect(await db().actions.count()).toBe(1);

    await changeAction('a1', (a) => markActionDone(a, T + 90_000, 'april'));
    await expect(changeAction('a1', (a) => markActionDone(a, T + 90_001, 'april'))).rejects.toMatchObject({ code: 'action-settled' });
    expect((await db().actions.get('a1'))?.history.map((h) => [h.kind, h.meetingId])).toEqual([
      ['created', 'march'],
      ['done', 'april'],
    ]);
  });
});
