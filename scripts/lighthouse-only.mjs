// `npm run bench:lighthouse`: only the Lighthouse part of `npm run bench`, the same pages and
// settings, for trying a change without the whole bench. Builds into a folder of its own
// (bench-results/dist-lighthouse), or measures `--dist <folder>` as it is.
// `--runs N` changes the runs per page (default 5, the median kept, as the bench).
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { heardPages, lighthouseVersion, runLighthouse, serveOverHttps } from './lighthouse-bench.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const dist = values.dist ?? 'bench-results/dist-lighthouse';
if (!values.dist) execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], { stdio: ['ignore', 'ignore', 'inherit'] });

const { server, trustSpki } = await serveOverHttps(dist);
try {
  const pages = await runLighthouse({ url: server.url, pages: heardPages(), runsPerPage: Number(values.runs), trustSpki });
  console.log(`Lighthouse ${lighthouseVersion()}, mobile settings, over HTTPS (HTTP/2), ${values.runs} runs a page, the median kept`);
  for (const page of pages) {
    const scores = Object.entries(page.scores).map(([category, score]) => `${category} ${score}`).join(', ');
    console.log(`\n${page.name}: ${scores} (performance in each run: ${page.runs.join(', ')})`);
    console.log(`  LCP ${Math.round(page.lcp)} ms, TBT ${Math.round(page.tbt)} ms, CLS ${Math.round(page.cls * 1000) / 1000}`);
    for (const [category, audits] of Object.entries(page.failing)) {
      for (const audit of audits) console.log(`  ${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''} score ${audit.score}`);
    }
    for (const task of page.longTasks) console.log(`  long task ${task.duration} ms at ${task.startTime} ms: ${task.url}`);
    if (page.requests.elsewhere.length) console.log(`  requests elsewhere: ${page.requests.elsewhere.join(', ')}`);
  }
} finally {
  await server.close();
}
