// The sync server in a process of its own, for the load and office benches (sync-bench.mjs forks
// it), so the load tool does not share its event loop and its RSS is the server's alone. It
// answers the bench over IPC: its address and keys, a direct fill of the database, query plans,
// and its memory. Uses PGlite in `dataDir`, or PostgreSQL (`schema`) when DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { openDatabase, statementName } from '../dist/db.js';
import { createKey, createSession } from '../dist/keys.js';
import { migrate } from '../dist/migrations.js';
import { createFigureCache } from '../dist/figure-cache.js';
import { groupNames, groupTimeline, meetingDateRange, pageOfGroups, programmeShares } from '../dist/reflection.js';
import { parsePeriod, previousPeriod, quarterOf } from '../dist/reflection-model.js';
import { startServer } from '../dist/server.js';
import { storeSummary } from '../dist/summaries.js';
import { SummarySchema, exampleSummary } from '../dist/summary-schema.js';

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

/** The last day the fill's meetings reach: its latest quarter (the programme page's default) is a full one. */
const FILL_END = Date.UTC(2025, 11, 31);
const PERSPECTIVES = ['Lived experience', 'Carer', 'Staff', 'Commissioner'];
const HOW = ['consensus', 'vote', 'chair', 'deferred', 'elsewhere'];
const TERMS = ['MDT', 'ICB', 'commissioning', 'pathway', 'KPI'];
const dayOf = (daysBefore) => new Date(FILL_END - daysBefore * 86_400_000).toISOString().slice(0, 10);

/**
 * Meeting `n` (oldest first) of group `g`, one of `perGroup`: what the reflection pages read, each
 * figure varied from meeting to meeting as a real group's are. Every group meets every 5 days (500
 * meetings each over 7 years, the 100,000's share); a quarter of them send their name. Each meeting
 * agrees 0–3 actions (due on the day, 3 or 6 days after) and follows up the meeting before's: done
 * on time, done late, still open (past due or not), dropped. Check-in answers to two questions (a
 * choice and a picture scale), 0–3 decisions made in all the ways, dissent, jargon terms.
 */
function filledSummary(g, n, perGroup) {
  // A number that varies with the meeting and the group alike (1,009 is prime: no rule repeats per group).
  const i = n * 1_009 + g;
  const daysBefore = (perGroup - 1 - n) * 5 + (g % 5);
  const date = dayOf(daysBefore);
  const agreed = (m) => (m * 1_009 + g) % 4;
  const refOf = (m, j) => `r-${g}-${m}-${j}`;
  const dueOf = (m, j) => dayOf((perGroup - 1 - m) * 5 + (g % 5) - 3 * j);
  const followedUp =
    n === 0
      ? []
      : Array.from({ length: agreed(n - 1) }, (_, j) => {
          const how = (i + j) % 5;
          const due = dueOf(n - 1, j);
          if (how === 0) return { ref: refOf(n - 1, j), due, status: 'done', doneOn: due };
          if (how === 1) return { ref: refOf(n - 1, j), due, status: 'done', doneOn: date };
          return { ref: refOf(n - 1, j), due, status: how === 3 ? 'dropped' : 'open' };
        });
  const named = g % 4 === 0;
  return exampleSummary({
    id: randomUUID(),
    groupId: `office-${g}`,
    ...(named ? { groupName: `Workstream ${g}` } : {}),
    meetingId: `fill-${g}-${n}`,
    date,
    names: named,
    presentByPerspective: Object.fromEntries(PERSPECTIVES.map((p, k) => [p, 1 + ((i + k) % 4)])),
    voiceBalance: PERSPECTIVES.map((perspective, k) => ({
      perspective,
      talkSeconds: 200 + 97 * ((i + 3 * k) % 17),
      turns: 3 + ((i + k) % 9),
      fairShareSeconds: 600 + 50 * k,
    })),
    checkIn: {
      checkedIn: 8,
      oneToOneRequests: i % 2,
      prompts:
        i % 10 === 9
          ? []
          : [
              { prompt: 'Did you feel listened to?', counts: { yes: 2 + (i % 6), 'not-sure': i % 3, no: (i >> 1) % 3 } },
              { prompt: 'How was the meeting for you?', counts: Object.fromEntries([1, 2, 3, 4, 5].map((p) => [`${p} of 5`, (i + p) % 3])) },
            ],
    },
    decisions: Array.from({ length: i % 4 }, (_, j) => {
      const how = HOW[(i + j) % HOW.length];
      return { text: `Decision ${j + 1}`, how, ...(how === 'vote' ? { votes: { for: 5, against: 2, abstain: 1 } } : {}) };
    }),
    actions: Array.from({ length: agreed(n) }, (_, j) => ({ text: `Action ${j + 1}`, due: dueOf(n, j), status: 'open', ref: refOf(n, j) })),
    followedUp,
    dissent: { parked: i % 3, resolved: (i >> 2) % 2, standing: i % 7 === 0 ? 1 : 0 },
    glossaryTerms: TERMS.slice(0, i % 4),
  });
}

/**
 * `count` summaries straight into the database, 1,000 rows to a statement (small, so PGlite's
 * memory, which it never gives back, stays what the office's own use makes it): `groups` groups of
 * filledSummary's meetings, each group owned by a bench key.
 */
async function fill(count, groups) {
  const keyRow = await db.query('SELECT id FROM device_keys WHERE role = $1 LIMIT 1', ['device']);
  const deviceKeyId = keyRow[0].id;
  await db.query(
    `INSERT INTO group_owners (group_id, key_id) SELECT 'office-' || g, $2 FROM generate_series(0, $1::integer - 1) g ON CONFLICT DO NOTHING`,
    [groups, deviceKeyId],
  );
  const perGroup = Math.ceil(count / groups);
  for (let from = 0; from < count; from += 1_000) {
    const rows = [];
    for (let i = from; i < Math.min(count, from + 1_000); i += 1) rows.push(filledSummary(i % groups, Math.floor(i / groups), perGroup));
    // As a tablet would send them: the server would refuse anything else.
    SummarySchema.parse(rows[0]);
    await db.query(
      `INSERT INTO summaries (id, revision, group_id, meeting_id, meeting_date, body, device_key_id)
       SELECT (x->>'id')::uuid, 1, x->>'groupId', x->>'meetingId', (x->>'date')::date, x, $2 FROM jsonb_array_elements($1::jsonb) x`,
      [JSON.stringify(rows), deviceKeyId],
    );
  }
  // As every writer of summaries does (COUNT_CHANGE): the fill's groups have changed.
  await db.query('UPDATE group_owners SET changes = changes + 1 WHERE group_id LIKE $1', ['office-%']);
  // What autovacuum does on PostgreSQL after a bulk load (PGlite has none): fresh statistics and
  // a visibility map, so the planner sees 100,000 rows and counts can use the index.
  await db.exec('VACUUM ANALYZE summaries');
  const [row] = await db.query('SELECT count(*) AS n FROM summaries');
  return Number(row.n);
}

/**
 * A new meeting of group `g` on the last day of the fill, stored as a tablet's send is (the owned
 * upsert), by the key that owns the group: what the programme page must show at its next request.
 */
async function sendLate(g, k) {
  const [owner] = await db.query('SELECT key_id FROM group_owners WHERE group_id = $1', [`office-${g}`]);
  const late = { ...filledSummary(g, 0, 1), id: randomUUID(), meetingId: `late-${g}-${k}`, date: dayOf(0) };
  const stored = await storeSummary(db, late, owner.key_id);
  if (stored.outcome !== 'created') throw new Error(`The late meeting of office-${g} was ${stored.outcome}`);
  return late.date;
}

async function explain(sql, params) {
  const rows = await db.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/**
 * The plan of every query the reflection pages send (issue 24), as they send them: the reflection
 * functions run on a database that explains each statement before running it.
 */
async function explainReflection(groupId) {
  const plans = [];
  const explaining = {
    async query(sql, params) {
      plans.push(`EXPLAIN ${statementName(sql)}:\n${await explain(sql, params)}`);
      return db.query(sql, params);
    },
  };
  const range = await meetingDateRange(explaining);
  const period = parsePeriod(quarterOf(range.last));
  const listed = pageOfGroups([...(await createFigureCache(explaining).figures(period)).keys()], null);
  await programmeShares(explaining, previousPeriod(period));
  await groupNames(explaining, listed.groupIds);
  await groupTimeline(explaining, groupId, 0);
  await groupNames(explaining, [groupId]);
  return plans.join('\n\n');
}

process.on('message', async (message) => {
  try {
    if (message.cmd === 'fill') process.send({ id: message.id, result: await fill(message.count, message.groups) });
    else if (message.cmd === 'send-late') process.send({ id: message.id, result: await sendLate(message.group, message.k) });
    else if (message.cmd === 'explain') process.send({ id: message.id, result: await explain(message.sql, message.params) });
    else if (message.cmd === 'explain-reflection') process.send({ id: message.id, result: await explainReflection(message.groupId) });
    else if (message.cmd === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send({ id: message.id, result: (user + system) / 1000 });
    } else if (message.cmd === 'rss') process.send({ id: message.id, result: process.memoryUsage().rss });
    else if (message.cmd === 'memory') process.send({ id: message.id, result: process.memoryUsage() });
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
