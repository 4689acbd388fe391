import type { ErasureWords, WordsChoice } from '../domain/erasure';
import type { Id, RetentionMonths } from '../domain/model';
import type { SummaryWords } from '../domain/summary';
import * as deletion from '../db/deletion-repo';
import { erasePerson as erase } from '../db/erasure-repo';
import { now } from './clock';
import { newId } from '../db/ids';
import { save } from './save-status';

/** `words` are the catalogue's: the pseudonym and what stands in for deleted words are stored; summaries sent again are built with them. */
export function erasePerson(groupId: Id, personId: Id, choice: WordsChoice, words: ErasureWords & SummaryWords) {
  return save(() => erase(groupId, personId, choice, now(), newId, words));
}

export function deleteMeeting(meetingId: Id, typedTitle: string) {
  return save(() => deletion.deleteMeeting(meetingId, typedTitle, now(), newId));
}

export function deleteReviewedMeetings(groupId: Id, meetingIds: readonly Id[]) {
  return save(() => deletion.deleteReviewedMeetings(groupId, meetingIds, now(), newId));
}

export function deleteGroup(groupId: Id, typedName: string) {
  return save(() => deletion.deleteGroup(groupId, typedName, now(), newId));
}

export function setRetention(groupId: Id, months: RetentionMonths | undefined) {
  return save(() => deletion.setRetention(groupId, months, now()));
}
