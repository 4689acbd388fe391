import type { GroupReview } from '../domain/arein-model';
import type { Group, Id, Meeting } from '../domain/model';
import { newestFirst } from '../domain/arein';
import { db } from './connection';
import { RuleError } from '../domain/rule-codes';

export interface GroupReviews {
  group: Group;
  /** Newest first. */
  reviews: GroupReview[];
  /** The group's meetings, newest first, to say which one a review was held at. */
  meetings: Meeting[];
}

export async function getGroupReviews(groupId: Id): Promise<GroupReviews | null> {
  const database = db();
  return database.transaction('r', [database.groups, database.groupReviews, database.meetings], async () => {
    const group = await database.groups.get(groupId);
    if (!group) return null;
    const [reviews, meetings] = await Promise.all([
      database.groupReviews.where('groupId').equals(groupId).toArray(),
      database.meetings.where('groupId').equals(groupId).toArray(),
    ]);
    return { group, reviews: newestFirst(reviews), meetings: meetings.sort((a, b) => b.startsAt - a.startsAt) };
  });
}

/** Adds or replaces one review. A review belongs to a group that exists, and never moves to another. */
export async function putGroupReview(review: GroupReview): Promise<void> {
  const database = db();
  await database.transaction('rw', [database.groups, database.groupReviews], async () => {
    if (!(await database.groups.get(review.groupId))) throw new RuleError('group-missing');
    const before = await database.groupReviews.get(review.id);
    if (before && before.groupId !== review.groupId) throw new RuleError('review-of-another-group');
    await database.groupReviews.put(review);
  });
}
