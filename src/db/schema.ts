import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import type { Attendee, Group, Meeting, Person } from '../domain/model';
import type { AgendaItem, GroundRule, MeetingClockEvent } from '../domain/agenda-model';
import type { GlossaryTerm, QueueEntry, Turn } from '../domain/balance-model';
import type { CheckInAnswers, CheckInMark, CheckInPrompt, OneToOneRequest, SealedCheckIn } from '../domain/checkin-model';
import type { ActionItem, Decision, DissentEntry } from '../domain/record-model';
import type { OutboxEntry } from '../domain/sync-model';
import type { GroupReview } from '../domain/arein-model';

export interface Setting {
  key: string;
  value: unknown;
}

/**
 * Every schema version Heard has ever released, oldest first. Never edit or
 * remove a released entry: a tablet may still hold data written by it. Add a
 * new entry (and a fixture test in tests/unit/db-upgrades.test.ts) instead.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      groups: 'id',
      people: 'id, groupId',
      meetings: 'id, groupId, startsAt, state',
      attendees: '[meetingId+personId], meetingId, personId',
      settings: 'key',
    },
  },
  {
    // Ground rules, the agenda and the meeting clock. The unique [meetingId+seq]
    // stops two tabs writing the same step of a meeting's clock twice.
    version: 2,
    stores: {
      groundRules: 'id, groupId',
      agendaItems: 'id, meetingId, carriedFromItemId',
      clockEvents: 'id, meetingId, &[meetingId+seq]',
    },
  },
  {
    // The voice-balancing timer: speaking turns, the speaker queue, the glossary.
    version: 3,
    stores: {
      // openIn holds the meeting id only while a turn is running, so a tap reads the one
      // open turn rather than the whole meeting's; the endedAt index finds the last tap to undo.
      turns: 'id, meetingId, [meetingId+startedAt], [meetingId+endedAt], openIn',
      queue: 'id, meetingId',
      glossary: 'id, groupId, meetingId',
    },
  },
  {
    // The parked dissent register, decisions and actions, carried between meetings.
    version: 4,
    stores: {
      dissent: 'id, groupId, meetingId, status',
      decisions: 'id, groupId, meetingId, itemId',
      actions: 'id, groupId, meetingId, status',
    },
  },
  {
    // The check-in: answers are kept in a table apart from who checked in.
    version: 5,
    stores: {
      checkinAnswers: 'id, meetingId',
      checkinMarks: 'id, meetingId, &[meetingId+personId]',
      oneToOnes: 'id, meetingId',
      checkinPrompts: 'id, groupId',
    },
  },
  {
    // Summaries waiting to go to the programme office, and the group's own reviews of how co-production is going.
    version: 6,
    stores: {
      outbox: 'id, status, meetingId',
      groupReviews: 'id, groupId',
    },
  },
  {
    // A check-in ended without the chair PIN: its words, named answers and one-to-one
    // requests, sealed in a table no screen reads, one record per meeting.
    version: 7,
    stores: {
      sealedCheckIns: 'meetingId, groupId',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export type HeardDb = Dexie & {
  groups: EntityTable<Group, 'id'>;
  people: EntityTable<Person, 'id'>;
  meetings: EntityTable<Meeting, 'id'>;
  attendees: Table<Attendee, [string, string]>;
  settings: EntityTable<Setting, 'key'>;
  groundRules: EntityTable<GroundRule, 'id'>;
  agendaItems: EntityTable<AgendaItem, 'id'>;
  clockEvents: EntityTable<MeetingClockEvent, 'id'>;
  turns: EntityTable<Turn, 'id'>;
  queue: EntityTable<QueueEntry, 'id'>;
  glossary: EntityTable<GlossaryTerm, 'id'>;
  dissent: EntityTable<DissentEntry, 'id'>;
  decisions: EntityTable<Decision, 'id'>;
  actions: EntityTable<ActionItem, 'id'>;
  checkinAnswers: EntityTable<CheckInAnswers, 'id'>;
  checkinMarks: EntityTable<CheckInMark, 'id'>;
  oneToOnes: EntityTable<OneToOneRequest, 'id'>;
  checkinPrompts: EntityTable<CheckInPrompt, 'id'>;
  outbox: EntityTable<OutboxEntry, 'id'>;
  groupReviews: EntityTable<GroupReview, 'id'>;
  sealedCheckIns: EntityTable<SealedCheckIn, 'meetingId'>;
};

export const DB_NAME = 'heard';

/** How durable every write transaction is, Dexie's and the tap path's own. */
export const STORED_DURABILITY: IDBTransactionDurability = 'strict';

/**
 * Tells Dexie of the versions in `versions` up to `upToVersion`. Dexie rebuilds every table's API
 * on each version declared, which cost a slow tablet's start-up about 10 ms a version. It needs a
 * version declared only where an upgrade runs, where a store is deleted (null: a store deleted and
 * then made again later must be deleted in between), and the newest: from a database of any older
 * version it adds what is missing by comparing it with the newest. The versions between are folded
 * into the next one declared; the history in SCHEMA_VERSIONS is unchanged.
 */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[], upToVersion: number): void {
  let stores: Record<string, string | null> = {};
  const upTo = versions.filter((entry) => entry.version <= upToVersion);
  for (const [index, entry] of upTo.entries()) {
    stores = { ...stores, ...entry.stores };
    const deletes = Object.values(entry.stores).includes(null);
    if (!entry.upgrade && !deletes && index < upTo.length - 1) continue;
    const declared = db.version(entry.version).stores(stores);
    if (entry.upgrade) declared.upgrade(entry.upgrade);
    stores = {};
  }
}

/** Opens Heard's database declared up to `upToVersion` (tests open older versions to make fixtures). */
export function createHeardDb(name: string = DB_NAME, upToVersion: number = CURRENT_SCHEMA_VERSION, options?: DexieOptions): HeardDb {
  // Every write waits until it is on disk: Chromium's default lets a committed write sit in memory a
  // moment, and a tablet whose battery dies then would lose a tap the screen called saved.
  const db = new Dexie(name, { chromeTransactionDurability: STORED_DURABILITY, ...options }) as HeardDb;
  declareVersions(db, SCHEMA_VERSIONS, upToVersion);
  return db;
}
