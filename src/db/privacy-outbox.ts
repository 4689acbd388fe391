import type { EpochMs, Id } from '../domain/model';
import type { PrivacyRequest, RequestOutboxEntry } from '../domain/sync-model';
import type { HeardDb } from './schema';

/**
 * Puts an erasure or deletion request in the outbox, to go to the office
 * after the summaries already waiting. Must run inside a transaction that
 * includes `database.outbox`, so the request is stored with the change it
 * reports, or not at all.
 */
export async function enqueuePrivacyRequest(database: HeardDb, request: PrivacyRequest, at: EpochMs, newId: () => Id): Promise<RequestOutboxEntry> {
  const entry: RequestOutboxEntry = {
    kind: 'request',
    id: newId(),
    request,
    status: 'waiting',
    revision: 1,
    attempts: 0,
    lastError: null,
    nextAttemptAt: at,
    leaseUntil: null,
    sentAt: null,
    sentRevision: null,
    createdAt: at,
    updatedAt: at,
  };
  await database.outbox.put(entry);
  return entry;
}
