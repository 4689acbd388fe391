import type { EpochMs, Id } from '../domain/model';
import type { PrivacyRequest, RequestOutboxEntry } from '../domain/sync-model';
import { newDelivery } from '../domain/sync-rules';
import type { HeardDb } from './schema';

/**
 * Puts an erasure or deletion request in the outbox, to go to the office
 * after the summaries already waiting. Must run inside a transaction that
 * includes `database.outbox`, so the request is stored with the change it
 * reports, or not at all.
 */
export async function enqueuePrivacyRequest(database: HeardDb, request: PrivacyRequest, at: EpochMs, newId: () => Id): Promise<RequestOutboxEntry> {
  const entry: RequestOutboxEntry = { kind: 'request', id: newId(), request, revision: 1, ...newDelivery(at) };
  await database.outbox.put(entry);
  return entry;
}
