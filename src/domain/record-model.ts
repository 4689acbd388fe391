import type { EpochMs, Id } from './model';

/**
 * The parked dissent register, decisions and actions (issue 6). These shapes are
 * the starting point; the feature's own work fills in the rest of the fields.
 */
export interface DissentEntry {
  id: Id;
  groupId: Id;
  meetingId: Id;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface Decision {
  id: Id;
  groupId: Id;
  meetingId: Id;
  itemId: Id | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface ActionItem {
  id: Id;
  groupId: Id;
  meetingId: Id;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
