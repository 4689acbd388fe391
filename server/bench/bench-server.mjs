// The sync server in a process of its own, for the load and office benches (sync-bench.mjs forks
// it), so the load tool does not share its event loop and its RSS is the server's alone. It
// answers the bench over IPC: its address and keys, a direct fill of the database, query plans,
// and its memory. Uses PGlite in `dataDir`, or PostgreSQL (`schema`) when DATABASE_URL is set.
import { openDatabase } from '../dist/db.js';
import { createKey, createSession } from '../dist/keys.js';
import { migrate } from '../dist/migrations.js';
import { startServer } from '../dist/server.js';
import { exampleSummary } from '../dist/summary-schema.js';

const { dataDir, schema, tablets, prepare } = JSON.parse(process.argv[2]);
if (prepare) {
  // A first start runs PGlite's initdb, whose memory stays with the process until it ends: the
  // folder is made and migrated here, and the measured server opens it as on any later start.
  const db = await openDatabase({ dataDir, databaseUrl: process.env.DATABASE_URL, schema });
  await migrate(db);
  await db.close();
  process.exit(0);
}
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: process.env.DATABASE_URL, schema });
const { db } = server;

const deviceKeys = [];
for (let i = 0; i < tablets; i += 1) deviceKeys.push((await createKey(db, `Bench tablet ${i + 1}`)).secret);
const office = await createKey(db, 'Bench office', 'office');
const session = await createSession(db, office.key.id);

/**
 * `count` summaries straight into the database, 10,000 rows to a statement: each row the example
 * summary with its own id, group (of `groups`), meeting and date, its group owned by a bench key.
 */
async function fill(count, groups) {
  const keyRow = await db.query('SELECT id FROM device_keys WHERE role = $1 LIMIT 1', ['device']);
  const deviceKeyId = keyRow[0].id;
  await db.query(
    `INSERT INTO group_owners (group_id, key_id) SELECT 'office-' || g, $2 FROM generate_series(0, $1::integer - 1) g ON CONFLICT DO NOTHING`,
    [groups, deviceKeyId],
  );
  const body = JSON.stringify(exampleSummary({ id: '00000000-0000-4000-8000-000000000000' }));
  for (let from = 0; from < count; from += 10_000) {
    const to = Math.min(count, from + 10_000);
    await db.query(
      `INSERT INTO summaries (id, revision, group_id, meeting_id, meeting_date, body, device_key_id)
       SELECT r.id, 1, r.group_id, r.meeting_id, r.meeting_date, $2::jsonb || jsonb_build_object('id', r.id, 'groupId', r.group_id, 'meetingId', r.meeting_id, 'date', r.meeting_date::text), $5
       FROM (SELECT gen_random_uuid() AS id, 'office-' || (i % $1::integer) AS group_id, 'fill-' || i AS meeting_id, date '2019-01-01' + (i % 2500) AS meeting_date
             FROM generate_series($3::integer, $4::integer - 1) i) r`,
      [groups, body, from, to, deviceKeyId],
    );
  }
  // What autovacuum does on PostgreSQL after a bulk load (PGlite has none): fresh statistics and
  // a visibility map, so the planner sees 100,000 rows and counts can use the index.
  await db.exec('VACUUM ANALYZE summaries');
  const [row] = await db.query('SELECT count(*) AS n FROM summaries');
  return Number(row.n);
}

async function explain(sql, params) {
  const rows = await db.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

process.on('message', async (message) => {
  try {
    if (message.cmd === 'fill') process.send({ id: message.id, result: await fill(message.count, message.groups) });
    else if (message.cmd === 'explain') process.send({ id: message.id, result: await explain(message.sql, message.params) });
    else if (message.cmd === 'rss') process.send({ id: message.id, result: process.memoryUsage().rss });
    else if (message.cmd === 'close') {
      await server.close();
      process.send({ id: message.id, result: true });
      process.exit(0);
    }
  } catch (error) {
    process.send({ id: message.id, error: String(error?.message ?? error) });
  }
});

process.send({ ready: { url: server.url, kind: db.kind, deviceKeys, officeKey: office.secret, session } });
