import type { EpochMs, Id } from './model';

/**
 * The end-of-meeting check-in (issue 7). These shapes are the starting point;
 * the feature's own work fills in the rest of the fields.
 */

/** One person's answers. Stored apart from any name unless they chose to put their name to them. */
export interface CheckInAnswers {
  id: Id;
  meetingId: Id;
  completedAt: EpochMs;
}

/** That a person checked in, kept apart from what they answered. */
export interface CheckInMark {
  id: Id;
  meetingId: Id;
  personId: Id;
  at: EpochMs;
}

export interface OneToOneRequest {
  id: Id;
  meetingId: Id;
  createdAt: EpochMs;
}

export interface CheckInPrompt {
  id: Id;
  groupId: Id;
  order: number;
}
