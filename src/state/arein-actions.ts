import type { AreInRole, GroupReview } from '../domain/arein-model';
import type { Id, Person } from '../domain/model';
import { makeReview, normaliseRoles, reviseReview, type ReviewDraft } from '../domain/arein';
import * as areinRepo from '../db/arein-repo';
import * as groups from '../db/groups-repo';
import { now } from './clock';
import { newId } from '../db/ids';
import { save } from './save-status';

/** Marks the ARE IN roles a person brings (any number, none included). */
export function setAreInRoles(person: Person, roles: readonly AreInRole[]) {
  return save(() => groups.putPerson({ ...person, areIn: normaliseRoles(roles), updatedAt: now() }));
}

/** Stores a checked draft: a new review, or the group's changes to an earlier one. */
export function saveGroupReview(groupId: Id, draft: ReviewDraft, existing: GroupReview | null) {
  const at = now();
  const review = existing ? reviseReview(existing, draft, at) : makeReview({ id: newId(), groupId, draft, at });
  return save(async () => {
    await areinRepo.putGroupReview(review);
    return review;
  });
}
