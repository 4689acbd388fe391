import type { EpochMs, Id } from './model';

/**
 * A group's own review of how co-production is going (issue 12). The
 * starting shape; the feature's own work fills in the rest.
 */
export interface GroupReview {
  id: Id;
  groupId: Id;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
