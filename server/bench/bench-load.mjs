// The office at scale (issue 19), the second part of `npm run bench:server`: a server in its own
// process (bench-server.mjs), 50 tablets sending at once for 20 s with autocannon, then 100,000
// summaries filled straight into its database and the office's pages read 50 times each, then
// the server process's memory. Each figure on a line of its own: "ok   name: value unit (budget …)".
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { exampleSummary } from '../dist/summary-schema.js';

const TABLETS = 50;
const LOAD_SECONDS = 20;
const LOAD_P95_BUDGET_MS = 100;
const FILL = 100_000;
/** Groups the fill spreads its summaries over: dozens of workstreams, years of meetings each. */
const FILL_GROUPS = 200;
const READS = 50;
const PAGE_P95_BUDGET_MS = 100;
const RSS_BUDGET_MB = 300;
/** The office listing's statement (listSummaries in src/summaries.ts), for its plan. */
const LIST = 'SELECT id, revision, group_id, meeting_id, meeting_date::text AS meeting_date, received_at, updated_at, body FROM summaries';

/** PostgreSQL only: drops a bench's throwaway schema. */
export async function dropSchema(name) {
  if (!name) return;
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await client.end();
}

/** The bench server in a child process, and a way to ask it things over IPC. */
export async function forkServer(options) {
  const child = fork(new URL('./bench-server.mjs', import.meta.url), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map();
  let next = 0;
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.ready) return resolve(message.ready);
      const done = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) done?.reject(new Error(message.error));
      else done?.resolve(message.result);
    });
    child.on('exit', (code) => {
      reject(new Error(`The bench server stopped (${code}).`));
      for (const done of waiting.values()) done.reject(new Error(`The bench server stopped (${code}).`));
    });
  });
  const ask = (message) =>
    new Promise((resolve, reject) => {
      next += 1;
      waiting.set(next, { resolve, reject });
      child.send({ ...message, id: next });
    });
  return { child, ask, ...(await ready) };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** `count` GETs one after another; each must answer 200. Their p50 and p95 in ms. */
async function timeGets(url, headers, count) {
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`GET ${url.pathname} answered ${response.status}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const line = (over, name, value, unit, budget) =>
  console.log(`${over ? 'OVER ' : 'ok   '} ${name}: ${value}${unit ? ` ${unit}` : ''} (budget ${budget}${unit ? ` ${unit}` : ''})`);

/** Runs the benches; true when every figure is within its budget. */
export async function benchAtScale() {
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'heard-scale-bench-'));
  const schema = process.env.DATABASE_URL ? `heard_scale_${randomBytes(4).toString('hex')}` : undefined;
  const prepared = fork(new URL('./bench-server.mjs', import.meta.url), [JSON.stringify({ dataDir, schema, prepare: true })], { stdio: 'inherit' });
  const code = await new Promise((resolve) => prepared.on('exit', resolve));
  if (code !== 0) throw new Error(`Preparing the bench database failed (${code}).`);
  const server = await forkServer({ dataDir, schema, tablets: TABLETS });
  let ok = true;
  const rssMb = async () => Math.round((await server.ask({ cmd: 'rss' })) / 1024 / 1024);
  try {
    const rssAtStart = await rssMb();
    const on = server.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL';

    // 50 tablets: each connection takes the next device key and sends its own new summaries, one
    // request each, as a tablet with one meeting waiting does.
    // Each tablet has sent before (its group is its own) and the server has run a while (JIT, plans):
    // one summary from each, one after another, before the clock starts.
    for (const [i, key] of server.deviceKeys.entries()) {
      const id = randomUUID();
      const response = await fetch(new URL('api/summaries', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
        body: JSON.stringify(exampleSummary({ id, groupId: `load-${i}`, meetingId: `m-${id}` })),
      });
      if (response.status !== 201) throw new Error(`Warming up: POST answered ${response.status}`);
    }
    let tablet = 0;
    const load = autocannon({
      url: new URL('api/summaries', server.url).href,
      connections: TABLETS,
      duration: LOAD_SECONDS,
      method: 'POST',
      requests: [
        {
          setupRequest(request, context) {
            if (context.key === undefined) {
              context.key = server.deviceKeys[tablet % TABLETS];
              context.group = `load-${tablet}`;
              tablet += 1;
            }
            const id = randomUUID();
            return {
              ...request,
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${context.key}` },
              body: JSON.stringify(exampleSummary({ id, groupId: context.group, meetingId: `m-${id}` })),
            };
          },
        },
      ],
    });
    // Every answer's time, for an exact p95 (autocannon's own summary gives p90 and p97.5).
    const times = [];
    load.on('response', (_client, _status, _bytes, ms) => times.push(ms));
    const result = await load;
    const rssAfterLoad = await rssMb();
    times.sort((a, b) => a - b);
    // autocannon counts a timeout (no answer in 10 s) among its errors too.
    const errors = result.errors + result.non2xx;
    const p95 = Math.round(percentile(times, 95) * 10) / 10;
    console.log('');
    console.log(`Sync server on ${on}, ${TABLETS} tablets sending at once for ${LOAD_SECONDS} s (autocannon, one summary a request):`);
    console.log(`      ${result.requests.total} requests, ${result.requests.average.toFixed(0)} a second; latency p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95} ms, p99 ${percentile(times, 99).toFixed(1)} ms; errors ${errors} (${result.timeouts} of them no answer in 10 s, ${result.non2xx} not 2xx)`);
    ok = report(p95 <= LOAD_P95_BUDGET_MS, `${TABLETS} tablets sending at once, p95`, p95, 'ms', LOAD_P95_BUDGET_MS) && ok;
    ok = report(errors === 0, `${TABLETS} tablets sending at once, errors`, errors, '', 0) && ok;

    // The office after years of meetings.
    const fillStarted = performance.now();
    const total = await server.ask({ cmd: 'fill', count: FILL, groups: FILL_GROUPS });
    console.log('');
    console.log(`Office of ${total} summaries (${FILL} filled straight into the database in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s, ${FILL_GROUPS} groups):`);
    const api = { Authorization: `Bearer ${server.officeKey}` };
    const firstPage = await timeGets(new URL('api/summaries?limit=100', server.url), api, READS);
    const officePage = await timeGets(new URL('/', server.url), { Cookie: `heard_office=${server.session}` }, READS);
    const groupPage = await timeGets(new URL(`api/summaries?limit=100&group=office-${FILL_GROUPS / 2}`, server.url), api, READS);
    for (const [what, t] of [['first page (GET /api/summaries?limit=100)', firstPage], ['office page (HTML)', officePage], ['one group’s page', groupPage]]) {
      console.log(`      ${what}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms over ${READS}`);
    }
    const fmt = (t) => Number(t.p95.toFixed(1));
    ok = report(firstPage.p95 <= PAGE_P95_BUDGET_MS, 'Office first page of 100,000 summaries, p95', fmt(firstPage), 'ms', PAGE_P95_BUDGET_MS) && ok;
    ok = report(officePage.p95 <= PAGE_P95_BUDGET_MS, 'Office page HTML over 100,000 summaries, p95', fmt(officePage), 'ms', PAGE_P95_BUDGET_MS) && ok;
    ok = report(groupPage.p95 <= PAGE_P95_BUDGET_MS, 'One group’s page of 100,000 summaries, p95', fmt(groupPage), 'ms', PAGE_P95_BUDGET_MS) && ok;
    ok = (await benchReflection(server)) && ok;

    const rssAfter = await rssMb();
    const mb = (bytes) => Math.round(bytes / 1024 / 1024);
    const parts = await server.ask({ cmd: 'memory' });
    console.log('');
    console.log(`Server process RSS: ${rssAtStart} MB once started, ${rssAfterLoad} MB after the 50 tablets, ${rssAfter} MB after the 100,000 fill and the reads`);
    // Where it is: PGlite's WebAssembly memory counts as external; the rest is Node's own and freed pages not yet returned.
    console.log(`      of which V8's heap ${mb(parts.heapTotal)} MB (${mb(parts.heapUsed)} MB in use), external ${mb(parts.external)} MB`);
    ok = report(rssAfter <= RSS_BUDGET_MB, 'Server memory after the 100,000 bench', rssAfter, 'MB', RSS_BUDGET_MB) && ok;

    if (process.env.HEARD_BENCH_EXPLAIN) {
      for (const [what, sql, params] of [
        ['first page', `${LIST} ORDER BY summaries.group_id, summaries.meeting_date, summaries.id LIMIT 101`, []],
        ['one group', `${LIST} WHERE group_id = $1 ORDER BY summaries.group_id, summaries.meeting_date, summaries.id LIMIT 101`, [`office-${FILL_GROUPS / 2}`]],
        ['count (the office page)', 'SELECT count(*) AS total, 0 AS before FROM summaries', []],
      ]) {
        console.log(`\nEXPLAIN ${what}:\n${await server.ask({ cmd: 'explain', sql, params })}`);
      }
    }
  } finally {
    await server.ask({ cmd: 'close' }).catch(() => {});
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(schema);
  }
  return ok;
}

function report(within, name, value, unit, budget) {
  line(!within, name, value, unit, budget);
  return within;
}

// ---- The office's reflection pages over the same 100,000 summaries (issue 24, item 5)

/** The group whose reflection page is read: one that sends its name, so the names query finds one. */
const REFLECTION_GROUP = 'office-100';
/** How many tablet sends the page is read after, each to a group of its own. */
const LATE_SENDS = 10;

/**
 * The programme reflection page for the latest quarter (the page's default), one group's page,
 * and the programme's CSV of talk shares: p95 of 50 each. Each is checked once first for what it
 * must show, so an empty or wrong page is never timed. With HEARD_BENCH_EXPLAIN, the plan of
 * every query those pages send.
 */
export async function benchReflection(server) {
  const office = { Cookie: `heard_office=${server.session}` };
  const pages = [
    // The default quarter is the latest: the fill's last, every group meeting in it.
    ['Programme reflection page (latest quarter, HTML) over 100,000 summaries, p95', 'office/programme', `groups 1 to 20 of ${FILL_GROUPS} that met`],
    ['One group’s reflection page (HTML) over 100,000 summaries, p95', `office/group?id=${REFLECTION_GROUP}`, 'Workstream 100'],
    ['Programme CSV download (share of talk) over 100,000 summaries, p95', 'office/programme.csv?table=talk', 'Group,Perspective'],
  ];
  let ok = true;
  const timed = [];
  let firstRead = 0;
  for (const [name, path, shows] of pages) {
    const started = performance.now();
    const text = await (await fetch(new URL(path, server.url), { headers: office })).text();
    if (path === 'office/programme') firstRead = performance.now() - started;
    if (!text.includes(shows)) throw new Error(`${path} does not show "${shows}": ${text.slice(0, 300)}`);
    if (path === 'office/programme' && !/What changed most since the period before:<\/strong> [^<]* (rose|fell) /.test(text)) throw new Error(`${path} does not say what changed most`);
    // The server process's own CPU time per request: what a page costs, whatever else the machine runs.
    const cpuBefore = await server.ask({ cmd: 'cpu' });
    const t = await timeGets(new URL(path, server.url), office, READS);
    timed.push([name, path, { ...t, cpu: ((await server.ask({ cmd: 'cpu' })) - cpuBefore) / READS }]);
  }
  for (const [, path, t] of timed) console.log(`      ${path}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms over ${READS}; server CPU ${t.cpu.toFixed(1)} ms a request`);
  for (const [name, , t] of timed) ok = report(t.p95 <= PAGE_P95_BUDGET_MS, name, Number(t.p95.toFixed(1)), 'ms', PAGE_P95_BUDGET_MS) && ok;

  // The page keeps each group's sums between requests (src/figure-cache.ts): the reads above are
  // of kept sums. What a change costs: a tablet sends a meeting in the quarter, then the office
  // reads the page, which sums that group again. Ten times, a different group each time.
  const afterSend = [];
  for (let k = 0; k < LATE_SENDS; k += 1) {
    await server.ask({ cmd: 'send-late', group: 7 + 19 * k, k });
    afterSend.push(await timeGets(new URL('office/programme', server.url), office, 1).then((t) => t.p50));
  }
  afterSend.sort((a, b) => a - b);
  console.log(`      office/programme, the first read after a tablet sent a meeting in its quarter: median ${percentile(afterSend, 50).toFixed(1)} ms, slowest ${afterSend.at(-1).toFixed(1)} ms over ${LATE_SENDS} sends`);
  console.log(`      office/programme with nothing kept (its first read since the server started): ${firstRead.toFixed(1)} ms`);
  ok = report(afterSend.at(-1) <= PAGE_P95_BUDGET_MS, 'Programme reflection page, first read after a new summary in its quarter (slowest of 10)', Number(afterSend.at(-1).toFixed(1)), 'ms', PAGE_P95_BUDGET_MS) && ok;
  if (process.env.HEARD_BENCH_EXPLAIN) console.log(`\nThe reflection pages' queries:\n${await server.ask({ cmd: 'explain-reflection', groupId: REFLECTION_GROUP })}`);
  return ok;
}
