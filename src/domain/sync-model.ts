import type { EpochMs, Id } from './model';

/**
 * A meeting summary waiting on the device to go to the programme office
 * (issue 9). The starting shape; the feature's own work fills in the rest.
 */
export interface OutboxEntry {
  /** The summary's id, made on the device: also the server's idempotency key. */
  id: Id;
  meetingId: Id;
  status: 'waiting' | 'sent';
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
