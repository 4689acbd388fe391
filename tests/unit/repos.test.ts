import '../support/fresh-db';
import { describe, expect, it } from 'vitest';
import { addGroup, addPerson, addSample, getGroupDetail, listGroups, putGroup, removePerson } from '../../src/db/groups-repo';
import { deleteSampleGroup } from '../../src/db/group-removal';
import { addGuest, getMeetingDetail, saveMeeting } from '../../src/db/meetings-repo';
import { RuleError } from '../../src/domain/rule-codes';
import { buildSampleGroup } from '../../src/domain/sample-group';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

const database = useFreshDb();

async function ruleOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return (error as RuleError).code;
}

describe('groups', () => {
  it('lists a group with the count of active people, leaving out those who left and guests', async () => {
    await addGroup(makeGroup(), [
      makePerson({ id: 'p1', name: 'Aoife Byrne' }),
      makePerson({ id: 'p2', name: 'Grace Doherty', perspectiveId: 'carer' }),
      makePerson({ id: 'p3', name: 'Tom Reilly', status: 'left' }),
    ]);
    await saveMeeting(makeMeeting(), []);
    await addGuest(makePerson({ id: 'guest', name: 'Dr Sam Patel' }), 'meeting-1');

    const groups = await listGroups();
    expect(groups).toHaveLength(1);
    expect(groups[0]?.group.name).toBe('Hospital discharge workstream');
    expect(groups[0]?.activeCount).toBe(2);
  });

  it('lists the most recently changed group first', async () => {
    await addGroup(makeGroup({ id: 'old', updatedAt: 1000 }));
    await addGroup(makeGroup({ id: 'new', updatedAt: 3000 }));
    await addGroup(makeGroup({ id: 'middle', updatedAt: 2000 }));
    expect((await listGroups()).map((s) => s.group.id)).toEqual(['new', 'middle', 'old']);
  });

  it('gives a group with its roster and meeting count, and null for an unknown id', async () => {
    await addGroup(makeGroup(), [makePerson({ id: 'p1' }), makePerson({ id: 'p2', name: 'Grace Doherty' })]);
    await addGroup(makeGroup({ id: 'other' }), [makePerson({ id: 'p-other', groupId: 'other' })]);
    await saveMeeting(makeMeeting(), ['p1']);
    await addGuest(makePerson({ id: 'guest', name: 'Dr Sam Patel' }), 'meeting-1');

    const detail = await getGroupDetail('group-1');
    expect(detail?.group).toEqual(makeGroup({ updatedAt: makeMeeting().updatedAt }));
    // The roster is the group's own people: no guests, nobody from another group.
    expect(detail?.people.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    expect(detail?.meetingCount).toBe(1);
    expect(await getGroupDetail('missing')).toBeNull();
  });

  it('refuses to add a person to a group that does not exist', async () => {
    expect(await ruleOf(addPerson(makePerson({ groupId: 'missing' })))).toBe('group-missing');
    expect(await database().people.count()).toBe(0);
  });

  it('renames a perspective someone holds', async () => {
    const group = makeGroup();
    await addGroup(group, [makePerson({ perspectiveId: 'carer' })]);
    const renamed = group.perspectives.map((p) => (p.id === 'carer' ? { ...p, label: 'Family carer' } : p));
    await putGroup({ ...group, perspectives: renamed });
    expect((await getGroupDetail(group.id))?.group.perspectives).toEqual(renamed);
  });

  it('refuses to remove a perspective someone holds, and leaves the stored group unchanged', async () => {
    const group = makeGroup();
    await addGroup(group, [makePerson({ perspectiveId: 'carer' })]);
    const withoutCarer = group.perspectives.filter((p) => p.id !== 'carer');

    expect(await ruleOf(putGroup({ ...group, name: 'Renamed', perspectives: withoutCarer }))).toBe('perspective-in-use');
    expect(await database().groups.get(group.id)).toEqual(group);
  });

  it('removes a perspective nobody holds', async () => {
    const group = makeGroup();
    await addGroup(group, [makePerson({ perspectiveId: 'carer' })]);
    const withoutOther = group.perspectives.filter((p) => p.id !== 'other');
    await putGroup({ ...group, perspectives: withoutOther });
    expect((await database().groups.get(group.id))?.perspectives).toEqual(withoutOther);
  });
});

describe('removing people', () => {
  it('removes a person while the group has no meetings', async () => {
    await addGroup(makeGroup(), [makePerson({ id: 'p1' }), makePerson({ id: 'p2' })]);
    await removePerson('p1');
    expect((await getGroupDetail('group-1'))?.people.map((p) => p.id)).toEqual(['p2']);
  });

  it('refuses once the group has a meeting, keeping the person', async () => {
    await addGroup(makeGroup(), [makePerson({ id: 'p1' })]);
    await saveMeeting(makeMeeting(), []);
    expect(await ruleOf(removePerson('p1'))).toBe('person-has-meetings');
    expect(await database().people.get('p1')).toEqual(makePerson({ id: 'p1' }));
  });
});

describe('sample groups', () => {
  let counter = 0;
  const sample = (now: number) => buildSampleGroup(() => `id-${++counter}`, now, (key) => `Rule ${key}`);

  it('deletes a sample group and everything in it, leaving other groups alone', async () => {
    const doomed = sample(Date.UTC(2030, 0, 1));
    const kept = sample(Date.UTC(2030, 0, 1));
    await addSample(doomed);
    await addSample(kept);
    await addGuest(makePerson({ id: 'guest', groupId: doomed.group.id }), doomed.meeting.id);

    await deleteSampleGroup(doomed.group.id);

    const db = database();
    expect(await db.groups.get(doomed.group.id)).toBeUndefined();
    expect(await db.people.where('groupId').equals(doomed.group.id).count()).toBe(0);
    expect(await db.meetings.where('groupId').equals(doomed.group.id).count()).toBe(0);
    expect(await db.attendees.where('meetingId').equals(doomed.meeting.id).count()).toBe(0);
    expect(await db.agendaItems.where('meetingId').equals(doomed.meeting.id).count()).toBe(0);
    expect(await db.groundRules.where('groupId').equals(doomed.group.id).count()).toBe(0);

    expect(await db.groups.get(kept.group.id)).toEqual(kept.group);
    expect(await db.people.where('groupId').equals(kept.group.id).count()).toBe(kept.people.length);
    expect(await db.attendees.where('meetingId').equals(kept.meeting.id).count()).toBe(kept.attendees.length);
  });

  it('refuses to delete a real group that way, deleting nothing', async () => {
    await addGroup(makeGroup(), [makePerson()]);
    await saveMeeting(makeMeeting(), ['person-1']);
    expect(await ruleOf(deleteSampleGroup('group-1'))).toBe('not-sample');
    const db = database();
    expect(await db.groups.count()).toBe(1);
    expect(await db.people.count()).toBe(1);
    expect(await db.meetings.count()).toBe(1);
    expect(await db.attendees.count()).toBe(1);
  });
});

describe('meetings', () => {
  async function groupOfThree() {
    await addGroup(makeGroup(), [
      makePerson({ id: 'p1', name: 'Aoife Byrne' }),
      makePerson({ id: 'p2', name: 'Grace Doherty' }),
      makePerson({ id: 'p3', name: 'Tom Reilly' }),
    ]);
  }
  const attendeeIds = async (meetingId: string) =>
    (await database().attendees.where('meetingId').equals(meetingId).toArray()).map((a) => a.personId).sort();

  it('replaces the expected list on saving again, but keeps guests added on the day', async () => {
    await groupOfThree();
    const meeting = makeMeeting();
    await saveMeeting(meeting, ['p1', 'p2']);
    await addGuest(makePerson({ id: 'guest', name: 'Dr Sam Patel' }), meeting.id);
    expect(await attendeeIds(meeting.id)).toEqual(['guest', 'p1', 'p2']);

    await saveMeeting({ ...meeting, title: 'Planning meeting (moved)' }, ['p2', 'p3']);

    expect(await attendeeIds(meeting.id)).toEqual(['guest', 'p2', 'p3']);
    expect((await database().meetings.get(meeting.id))?.title).toBe('Planning meeting (moved)');
  });

  it('refuses a meeting for a group that does not exist', async () => {
    expect(await ruleOf(saveMeeting(makeMeeting({ groupId: 'missing' }), []))).toBe('group-missing');
    expect(await database().meetings.count()).toBe(0);
  });

  it('refuses a guest for a meeting that does not exist', async () => {
    await groupOfThree();
    expect(await ruleOf(addGuest(makePerson({ id: 'guest' }), 'missing'))).toBe('meeting-missing');
    expect(await database().people.get('guest')).toBeUndefined();
  });

  it('shows a meeting with its own guests, not the guests of other meetings', async () => {
    await groupOfThree();
    await saveMeeting(makeMeeting({ id: 'm1' }), ['p1']);
    await saveMeeting(makeMeeting({ id: 'm2' }), ['p1']);
    await addGuest(makePerson({ id: 'guest-of-m1', name: 'Dr Sam Patel' }), 'm1');
    await addGuest(makePerson({ id: 'guest-of-m2', name: 'Priya Shah' }), 'm2');

    const detail = await getMeetingDetail('m1');
    expect(detail?.meeting.id).toBe('m1');
    expect(detail?.people.map((p) => p.id).sort()).toEqual(['guest-of-m1', 'p1', 'p2', 'p3']);
    expect(detail?.people.find((p) => p.id === 'guest-of-m1')?.guestOfMeetingId).toBe('m1');
    expect(detail?.attendees.map((a) => a.personId).sort()).toEqual(['guest-of-m1', 'p1']);
    expect(await getMeetingDetail('missing')).toBeNull();
  });
});

describe('atomic writes', () => {
  it('adds no group when one of its people cannot be stored', async () => {
    await addGroup(makeGroup({ id: 'first' }), [makePerson({ id: 'taken', groupId: 'first' })]);

    await expect(addGroup(makeGroup({ id: 'second' }), [makePerson({ id: 'fresh', groupId: 'second' }), makePerson({ id: 'taken', groupId: 'second' })])).rejects.toThrow();

    const db = database();
    expect(await db.groups.get('second')).toBeUndefined();
    expect(await db.people.get('fresh')).toBeUndefined();
    expect(await db.people.get('taken')).toEqual(makePerson({ id: 'taken', groupId: 'first' }));
  });
});
