import { officeMayHoldNames, planErasure, type ErasurePlan, type ErasureWords, type WordsChoice } from '../domain/erasure';
import type { EpochMs, Id } from '../domain/model';
import { isInProgress } from '../domain/privacy-rules';
import { buildSubjectAccess, type SubjectAccess, type SubjectWords } from '../domain/subject-access';
import type { SummaryWords } from '../domain/summary';
import { isSummaryEntry, type SyncSettings, type SyncSummary } from '../domain/sync-model';
import { reachedOffice } from '../domain/privacy-rules';
import { db } from './connection';
import { holdingTables, readGroupHoldings, writeChanges } from './group-holdings';
import { enqueuePrivacyRequest } from './privacy-outbox';
import type { HeardDb } from './schema';
import { SYNC_SETTINGS_KEY } from './settings-repo';
import { RuleError } from '../domain/rule-codes';
import { nextSummaryEntry, summaryTables } from './summary-outbox';

/** Everything a person's records are in, and everything a summary is rebuilt from. */
const erasureTables = (database: HeardDb) => [...new Set([...holdingTables(database), database.settings, ...summaryTables(database)])];

async function namesSetting(database: HeardDb): Promise<boolean> {
  return ((await database.settings.get(SYNC_SETTINGS_KEY))?.value as Partial<SyncSettings> | undefined)?.names === true;
}

export interface PersonPage {
  groupId: Id;
  groupName: string;
  personId: Id;
  name: string;
  erased: boolean;
  holds: SubjectAccess;
  /** What erasing them would do, with their words kept or deleted. */
  preview: Record<WordsChoice, ErasurePlan>;
  /** An erasure would also ask the office to remove the name from summaries it has. */
  tellsOffice: boolean;
  /** A meeting of the group is running: an erasure waits until it is closed. */
  meetingInProgress: boolean;
  /**
   * A check-in of the group is sealed: its words could name the person, and
   * nobody may read them to rewrite them, so an erasure waits until they are
   * opened with the chair's secret or deleted.
   */
  checkInSealed: boolean;
}

function groupHasSealed(database: HeardDb, groupId: Id): Promise<boolean> {
  return database.sealedCheckIns.where('groupId').equals(groupId).count().then((n) => n > 0);
}

/** The person screen: what Heard holds about them, and what erasing them would change. */
export async function readPersonPage(groupId: Id, personId: Id, now: EpochMs, words: SubjectWords & ErasureWords): Promise<PersonPage | null> {
  const database = db();
  return database.transaction('r', erasureTables(database), async () => {
    // Everything is read before anything is worked out: the transaction must not wait on work outside it.
    const [holdings, names, sealed] = await Promise.all([readGroupHoldings(database, groupId), namesSetting(database), groupHasSealed(database, groupId)]);
    const person = holdings?.people.find((p) => p.id === personId);
    if (!holdings || !person) return null;
    const keep = planErasure(holdings, personId, 'keep', now, words)!;
    return {
      groupId,
      groupName: holdings.group.name,
      personId,
      name: person.name,
      erased: person.erasedAt !== undefined,
      holds: buildSubjectAccess(holdings, personId, now, words)!,
      preview: { keep, delete: planErasure(holdings, personId, 'delete', now, words)! },
      tellsOffice: !keep.alreadyErased && officeMayHoldNames(holdings.outbox, names),
      meetingInProgress: holdings.meetings.some(isInProgress),
      checkInSealed: sealed,
    };
  });
}

/** The same document, whatever its revision. */
const sameSummary = (a: SyncSummary, b: SyncSummary) => JSON.stringify({ ...a, revision: 0 }) === JSON.stringify({ ...b, revision: 0 });

/**
 * Erases a person from every table of the device in one transaction, the
 * outbox's waiting summaries included. Every summary the office has (or is
 * being sent) that the erasure changes is sent again, as its next revision
 * made from the rewritten records: only the device can tell their
 * name from a word in the text. And if the office may hold their name, a
 * request (the pseudonym, never the name) goes after those summaries for it
 * to do the same by their id. Returns the pseudonym. Erasing twice changes
 * nothing the second time.
 */
export async function erasePerson(groupId: Id, personId: Id, choice: WordsChoice, at: EpochMs, newId: () => Id, words: ErasureWords & SummaryWords): Promise<string> {
  const database = db();
  return database.transaction('rw', erasureTables(database), async () => {
    const [holdings, names] = await Promise.all([readGroupHoldings(database, groupId), namesSetting(database)]);
    if (!holdings) throw new RuleError('group-missing');
    // A running meeting is still writing turns and answers against the name.
    if (holdings.meetings.some(isInProgress)) throw new RuleError('meeting-in-progress');
    if (await groupHasSealed(database, groupId)) throw new RuleError('checkin-sealed');
    const plan = planErasure(holdings, personId, choice, at, words);
    if (!plan) throw new RuleError('person-missing');
    if (plan.alreadyErased) return plan.pseudonym;
    const tellOffice = officeMayHoldNames(holdings.outbox, names);
    await writeChanges(database, plan.changes);
    // What the office has, made again from the rewritten records: where it differs (their name, or
    // with names off, "a carer" now their pseudonym), it goes again as the next revision.
    for (const sent of holdings.outbox.filter(isSummaryEntry).filter(reachedOffice)) {
      const next = await nextSummaryEntry(database, sent.meetingId, at, newId, words);
      if (!sameSummary(next.summary, sent.summary)) await database.outbox.put(next);
    }
    if (tellOffice) await enqueuePrivacyRequest(database, { kind: 'erase-person', groupId, personId, pseudonym: plan.pseudonym }, at, newId);
    return plan.pseudonym;
  });
}
