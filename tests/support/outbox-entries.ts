import type { EpochMs } from '../../src/domain/model';
import type { SummaryOutboxEntry, SyncSummary } from '../../src/domain/sync-model';

/** A summary waiting in the outbox as closing its meeting leaves it (that step has its own repo tests). */
export function waitingSummary(summary: SyncSummary, at: EpochMs): SummaryOutboxEntry {
  return {
    id: summary.id,
    meetingId: summary.meetingId,
    status: 'waiting',
    revision: summary.revision,
    summary,
    attempts: 0,
    lastError: null,
    nextAttemptAt: at,
    leaseUntil: null,
    sentAt: null,
    sentRevision: null,
    createdAt: at,
    updatedAt: at,
  };
}
