import type { HeardDb } from '../../../src/db/schema';

/**
 * Data written at one schema version and what must read back at the current one.
 * `write` stores realistic records through a database opened at that version;
 * `check` asserts, on the database opened at the current version, that every
 * record reads back as the migration promises. A later version's fixture
 * usually writes and checks the earlier ones' too.
 */
export interface Fixture {
  write: (db: HeardDb) => Promise<void>;
  check: (db: HeardDb) => Promise<void>;
}
