// One report for `npm run bench`: every figure with its budget, printed as it is measured,
// then together as one table, and saved as JSON so versions can be compared.
import { mkdir, writeFile } from 'node:fs/promises';

const results = [];

function shown(value, unit) {
  if (unit === 'KB') return value.toFixed(1);
  if (unit === '' || unit === 'score') return String(value);
  return String(Math.round(value * 100) / 100);
}

function budgetText(budget, unit) {
  if (budget === null) return '';
  return unit === 'KB' ? `${budget.toFixed(0)} KB` : `${budget}${unit && unit !== 'score' ? ` ${unit}` : ''}`;
}

/**
 * One figure. `budget` is the most it may be (or, with `atLeast`, the least). `note` says plainly
 * anything the reader needs to judge it, such as an audit that cannot pass here and why.
 */
export function report(name, value, unit, budget, { atLeast = false, note, source = 'bench' } = {}) {
  const limit = budget ?? null;
  const over = limit !== null && (atLeast ? value < limit : value > limit);
  results.push({ name, value: Math.round(value * 1000) / 1000, unit, budget: limit, atLeast, over, source, ...(note ? { note } : {}) });
  const limitText = limit === null ? '' : `  (budget ${atLeast ? 'at least ' : ''}${budgetText(limit, unit)})`;
  console.log(`${over ? 'OVER ' : 'ok   '} ${name}: ${shown(value, unit)}${unit && unit !== 'score' ? ` ${unit}` : ''}${limitText}`);
  if (note) console.log(`      ${note}`);
}

/** A figure that could not be measured counts as over budget: a bench that silently skips proves nothing. */
export function failed(name, error) {
  results.push({ name, value: null, unit: '', budget: null, over: true, error: String(error?.message ?? error) });
  console.log(`OVER  ${name}: could not be measured — ${error?.message ?? error}`);
}

export function anyOver() {
  return results.some((r) => r.over);
}

export function printTable() {
  const rows = results.map((r) => [
    r.over ? 'OVER' : 'ok',
    r.name,
    r.value === null ? 'not measured' : `${shown(r.value, r.unit)}${r.unit && r.unit !== 'score' ? ` ${r.unit}` : ''}`,
    r.budget === null ? '—' : `${r.atLeast ? '≥ ' : '≤ '}${budgetText(r.budget, r.unit)}`,
  ]);
  const head = ['', 'figure', 'measured', 'budget'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  console.log('');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

export async function writeJson(path, extra) {
  await mkdir('bench-results', { recursive: true });
  await writeFile(path, JSON.stringify({ at: new Date().toISOString(), ...extra, results }, null, 2));
}
