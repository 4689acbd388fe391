import type { EpochMs } from '../../src/domain/model';
import type { SummaryOutboxEntry, SyncSummary } from '../../src/domain/sync-model';
import { newDelivery } from '../../src/domain/sync-rules';

/** A summary waiting in the outbox as closing its meeting leaves it (that step has its own repo tests). */
export function waitingSummary(summary: SyncSummary, at: EpochMs): SummaryOutboxEntry {
  return { id: summary.id, meetingId: summary.meetingId, revision: summary.revision, summary, ...newDelivery(at) };
}
