import '../support/fresh-db';
import { describe, expect, it } from 'vitest';
import { emptyReviewDraft, makeReview } from '../../src/domain/arein';
import { getGroupReviews, putGroupReview } from '../../src/db/arein-repo';
import { addGroup, getGroupDetail } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { setAreInRoles } from '../../src/state/arein-actions';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

const review = (id: string, date: string, at: number, groupId = 'group-1') =>
  makeReview({ id, groupId, draft: { ...emptyReviewDraft(date), howMuch: `Review ${id}` }, at });

describe('group reviews on the device', () => {
  it('keeps a group’s reviews with it, newest first, with its meetings', async () => {
    await addGroup(makeGroup());
    await addGroup(makeGroup({ id: 'group-2', name: 'Other' }));
    await saveMeeting(makeMeeting(), []);
    await putGroupReview(review('old', '2030-01-10', 1));
    await putGroupReview(review('new', '2030-06-01', 2));
    await putGroupReview(review('elsewhere', '2030-07-01', 3, 'group-2'));

    const found = await getGroupReviews('group-1');
    expect(found?.reviews.map((r) => r.id)).toEqual(['new', 'old']);
    expect(found?.meetings.map((m) => m.id)).toEqual(['meeting-1']);
    expect(await getGroupReviews('no-such-group')).toBeNull();
  });

  it('replaces a review when it is edited, rather than adding a second', async () => {
    await addGroup(makeGroup());
    const first = review('r1', '2030-01-10', 1);
    await putGroupReview(first);
    await putGroupReview({ ...first, howWell: 'Better', updatedAt: 9 });

    const found = await getGroupReviews('group-1');
    expect(found?.reviews).toEqual([{ ...first, howWell: 'Better', updatedAt: 9 }]);
  });

  it.each([
    ['a group that does not exist', review('r1', '2030-01-10', 1, 'gone'), 'group-missing'],
    ['moving a review to another group', { ...review('r1', '2030-01-10', 1), groupId: 'group-2' }, 'review-of-another-group'],
  ])('refuses %s', async (_case, bad, code) => {
    await addGroup(makeGroup());
    await addGroup(makeGroup({ id: 'group-2', name: 'Other' }));
    await putGroupReview(review('r1', '2030-01-10', 1));
    await expect(putGroupReview(bad)).rejects.toMatchObject({ name: 'RuleError', code });
  });
});

describe('marking ARE IN roles', () => {
  it('stores the roles in ARE IN order, once each, and keeps the rest of the person', async () => {
    const person = makePerson({ name: 'Deirdre Kelly', perspectiveId: 'manager' });
    await addGroup(makeGroup(), [person]);

    expect((await setAreInRoles(person, ['need', 'authority', 'need'])).ok).toBe(true);
    const stored = (await getGroupDetail('group-1'))!.people[0]!;
    expect(stored).toMatchObject({ name: 'Deirdre Kelly', perspectiveId: 'manager', status: 'active', areIn: ['authority', 'need'] });

    await setAreInRoles(stored, []);
    expect((await getGroupDetail('group-1'))!.people[0]!.areIn).toEqual([]);
  });
});
