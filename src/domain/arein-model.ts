import type { EpochMs, Id } from './model';

/** ARE IN: what a person brings to the table (the NI co-production guide, section 3.2). */
export type AreInRole = 'authority' | 'resources' | 'expertise' | 'information' | 'need';

export const ARE_IN_ROLES: readonly AreInRole[] = ['authority', 'resources', 'expertise', 'information', 'need'];

/** The guide's six principles of co-production, rated by the group in a review. */
export type PrincipleKey =
  | 'valuing-people'
  | 'representative-networks'
  | 'building-capacity'
  | 'reciprocal-recognition'
  | 'cross-boundary-working'
  | 'enabling-and-facilitating';

export const PRINCIPLE_KEYS: readonly PrincipleKey[] = [
  'valuing-people',
  'representative-networks',
  'building-capacity',
  'reciprocal-recognition',
  'cross-boundary-working',
  'enabling-and-facilitating',
];

/** A rating from 1 (not at all) to 5 (very well); null when the group chose not to rate it. */
export type Rating = 1 | 2 | 3 | 4 | 5 | null;

/**
 * A group's own review of how co-production is going (issue 12), in the
 * guide's words: how much did we do, how well, is anyone better off, and the
 * six principles each rated and commented on.
 */
export interface GroupReview {
  id: Id;
  groupId: Id;
  /** The meeting it was held at, if any. */
  meetingId: Id | null;
  /** yyyy-MM-dd */
  date: string;
  howMuch: string;
  howWell: string;
  betterOff: string;
  principles: Record<PrincipleKey, { rating: Rating; comment: string }>;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
