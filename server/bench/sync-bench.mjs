// `npm run bench:server` (and the end of `npm run bench`), on PGlite in a temp folder, or on
// PostgreSQL (a throwaway schema) when DATABASE_URL is set. Loopback only, bounded loops.
// 1. 1,000 summaries sent as the outbox sends them (batches of 50, POST /api/summaries/batch)
//    against the same 1,000 rows inserted straight into the same database one by one with the
//    plain upsert (UPSERT_SQL): the key check, validation and the owner check count against the
//    server. The two are timed in alternating rounds of 50, so a busy machine slows both alike.
//    Issue 19 asks for at most 1.5×.
// 2. 50 tablets sending at once (bench-load.mjs): a server in its own process, 50 connections for
//    20 s, each its own device key and summaries; then 100,000 summaries filled straight into its
//    database, the office's first page, the office page and one group's page (p95 of 50 each),
//    and the server process's memory.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createKey } from '../dist/keys.js';
import { startServer } from '../dist/server.js';
import { UPSERT_SQL, countSummaries, upsertParams } from '../dist/summaries.js';
import { benchAtScale, dropSchema } from './bench-load.mjs';
import { exampleSummary } from '../dist/summary-schema.js';

const COUNT = 1000;
const ROUNDS = 20;
const WARM_UP = 50;
const BUDGET = 1.5;
/** What the outbox sends in one request (BATCH_MAX in src/domain/sync-rules.ts). */
const BATCH = 50;

const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'heard-sync-bench-'));
const schema = process.env.DATABASE_URL ? `heard_bench_${randomBytes(4).toString('hex')}` : undefined;
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: process.env.DATABASE_URL, schema });
const { secret: key } = await createKey(server.db, 'Bench');
const url = new URL('api/summaries/batch', server.url);

const summaries = (n, tag) =>
  Array.from({ length: n }, (_, i) =>
    exampleSummary({ id: randomUUID(), groupId: `bench-${tag}-${i % 10}`, meetingId: `mtg-${tag}-${i}`, date: `2025-${String((i % 12) + 1).padStart(2, '0')}-15` }),
  );

// One kept-alive connection, as a tablet's browser keeps one to the server while it drains.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function post(body) {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent,
      timeout: 10_000,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${key}` },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        const created = res.statusCode === 200 && JSON.parse(text).results.every((r) => r.status === 'created');
        return created ? resolve() : reject(new Error(`POST answered ${res.statusCode}: ${text.slice(0, 500)}`));
      });
    });
    req.on('timeout', () => req.destroy(new Error('POST timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

async function postAll(list) {
  for (let i = 0; i < list.length; i += BATCH) await post(JSON.stringify(list.slice(i, i + BATCH)));
}

async function insertAll(list) {
  for (const summary of list) await server.db.query(UPSERT_SQL, upsertParams(summary, null));
}

try {
  // Warm both paths up (JIT, connection, plan cache) before measuring.
  await postAll(summaries(WARM_UP, 'warm-http'));
  await insertAll(summaries(WARM_UP, 'warm-sql'));

  const viaHttp = summaries(COUNT, 'http');
  const direct = summaries(COUNT, 'sql');
  const timed = async (run, list) => {
    const started = performance.now();
    await run(list);
    return performance.now() - started;
  };
  let httpMs = 0;
  let directMs = 0;
  const per = COUNT / ROUNDS;
  for (let round = 0; round < ROUNDS; round += 1) {
    const slice = (list) => list.slice(round * per, (round + 1) * per);
    // Each goes first in every other round: neither always gets the warmer cache.
    if (round % 2 === 0) {
      httpMs += await timed(postAll, slice(viaHttp));
      directMs += await timed(insertAll, slice(direct));
    } else {
      directMs += await timed(insertAll, slice(direct));
      httpMs += await timed(postAll, slice(viaHttp));
    }
  }

  const rows = await countSummaries(server.db);
  if (rows !== 2 * (COUNT + WARM_UP)) throw new Error(`Expected ${2 * (COUNT + WARM_UP)} rows, found ${rows}`);

  const ratio = httpMs / directMs;
  const over = ratio > BUDGET;
  console.log('');
  console.log(`Sync server on ${server.db.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}, ${COUNT} summaries of ${JSON.stringify(viaHttp[0]).length} bytes:`);
  console.log(`      POST in batches of ${BATCH} over HTTP: ${httpMs.toFixed(0)} ms (${(httpMs / COUNT).toFixed(2)} ms each)`);
  console.log(`      INSERT straight into the database: ${directMs.toFixed(0)} ms (${(directMs / COUNT).toFixed(2)} ms each)`);
  console.log(`${over ? 'OVER ' : 'ok   '} Sync of ${COUNT} summaries vs direct insert: ${ratio.toFixed(2)}× (budget ${BUDGET}×)`);
  process.exitCode = over ? 1 : 0;
} finally {
  agent.destroy();
  await server.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await dropSchema(schema);
}

if (!(await benchAtScale())) process.exitCode = 1;
