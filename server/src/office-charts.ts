// Bar charts as SVG made on the server: no script, no inline style (the office page's CSP allows
// neither), presentation attributes only. Each chart is one image to a screen reader, named by its
// title; the same figures are in the table under it.
import { escapeHtml } from './office.js';

export interface ChartSeries {
  name: string;
  /** One value per category; null is "too few to show", undefined is none at all (nothing drawn). */
  values: (number | null | undefined)[];
  /** A mark across each bar, e.g. the fair share. */
  markers?: (number | null)[];
}

export interface ChartSpec {
  title: string;
  /** Each category's label, on one or two lines. */
  categories: string[][];
  series: ChartSeries[];
  /** Stacked bars (parts of a whole, or counts that add up) or side by side (one per series). */
  stacked: boolean;
  /** Shares are drawn against 100; counts against a round number above the largest. */
  unit: '%' | 'count';
  /** What the markers mean, for the legend. */
  markerName?: string;
}

// Okabe and Ito's colours, told apart with the commonest kinds of colour blindness.
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#6b6b6b', '#000000'];
export const colourOf = (index: number): string => COLOURS[index % COLOURS.length]!;

const LEFT = 44;
const TOP = 12;
const PLOT_HEIGHT = 180;
const LABEL_HEIGHT = 34;
const LEGEND_ROW = 20;

/** 1, 2 or 5 times a power of ten, at or above `n` (at least 1). */
export function roundUp(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= n)!;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A label on at most two lines of `max` characters: words moved down, the rest cut with "…". */
function wrap(lines: string[], max: number): string[] {
  if (lines.length > 1) return lines.slice(0, 2).map((line) => cut(line, max));
  const words = (lines[0] ?? '').split(/\s+/);
  let first = '';
  while (words.length && (first ? `${first} ${words[0]}` : words[0]!).length <= max) first = first ? `${first} ${words.shift()}` : words.shift()!;
  if (!first) return [cut(words.join(' '), max)];
  return words.length ? [first, cut(words.join(' '), max)] : [first];
}

export function barChart(spec: ChartSpec): string {
  const n = Math.max(1, spec.categories.length);
  const perBar = spec.stacked ? 1 : Math.max(1, spec.series.length);
  // At least 640 wide, so a chart of few bars is not a thumbnail.
  const band = Math.max(64, perBar * 14 + 20, (640 - LEFT - 8) / n);
  const width = LEFT + n * band + 8;
  const totals = spec.categories.map((_, i) =>
    spec.stacked
      ? spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)
      : Math.max(0, ...spec.series.flatMap((s) => [s.values[i] ?? 0, s.markers?.[i] ?? 0])),
  );
  // Shares against 0–100% in quarters; counts in whole steps, four or fewer.
  const step = spec.unit === '%' ? 25 : roundUp(Math.max(1, ...totals) / 4);
  const max = spec.unit === '%' ? 100 : Math.max(1, Math.ceil(Math.max(0, ...totals) / step)) * step;
  const y = (v: number) => TOP + PLOT_HEIGHT - (v / max) * PLOT_HEIGHT;

  const grid = Array.from({ length: Math.round(max / step) + 1 }, (_, k) => k * step)
    .map((v) => {
      return `<line x1="${LEFT}" x2="${width - 8}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#c9ced3" stroke-width="1"/><text x="${LEFT - 6}" y="${fmt(y(v) + 4)}" text-anchor="end" font-size="11" fill="#1b1b1b">${fmt(v)}${spec.unit === '%' ? '%' : ''}</text>`;
    })
    .join('');

  const bars: string[] = [];
  spec.categories.forEach((label, i) => {
    const x0 = LEFT + i * band;
    if (spec.stacked) {
      const barWidth = band * 0.6;
      const x = x0 + (band - barWidth) / 2;
      if (spec.series.some((s) => s.values[i] === null)) {
        bars.push(tooFew(x + barWidth / 2));
      } else {
        let base = 0;
        spec.series.forEach((s, k) => {
          const v = s.values[i] ?? 0;
          if (v > 0) bars.push(`<rect x="${fmt(x)}" y="${fmt(y(base + v))}" width="${fmt(barWidth)}" height="${fmt(y(base) - y(base + v))}" fill="${colourOf(k)}"/>`);
          base += v;
        });
      }
    } else {
      const barWidth = 12;
      const start = x0 + (band - perBar * (barWidth + 2)) / 2;
      spec.series.forEach((s, k) => {
        const x = start + k * (barWidth + 2);
        const v = s.values[i];
        if (v === null) bars.push(tooFew(x + barWidth / 2));
        else if (v !== undefined) bars.push(`<rect x="${fmt(x)}" y="${fmt(y(v))}" width="${barWidth}" height="${fmt(y(0) - y(v))}" fill="${colourOf(k)}"/>`);
        const mark = s.markers?.[i];
        if (mark !== null && mark !== undefined) {
          bars.push(`<line x1="${fmt(x - 2)}" x2="${fmt(x + barWidth + 2)}" y1="${fmt(y(mark))}" y2="${fmt(y(mark))}" stroke="#000" stroke-width="3"/>`);
        }
      });
    }
    wrap(label, Math.floor(band / 6.5)).forEach((line, j) => {
      bars.push(`<text x="${fmt(x0 + band / 2)}" y="${TOP + PLOT_HEIGHT + 14 + j * 13}" text-anchor="middle" font-size="11" fill="#1b1b1b">${escapeHtml(line)}</text>`);
    });
  });

  const legendItems = spec.series.map((s, k) => ({ name: s.name, swatch: `<rect width="12" height="12" fill="${colourOf(k)}"/>` }));
  if (spec.markerName) legendItems.push({ name: spec.markerName, swatch: '<rect y="4" width="14" height="3" fill="#000"/>' });
  const perRow = Math.max(1, Math.floor((width - LEFT) / 170));
  const legendTop = TOP + PLOT_HEIGHT + LABEL_HEIGHT + 8;
  const legend = legendItems
    .map((item, k) => {
      const lx = LEFT + (k % perRow) * 170;
      const ly = legendTop + Math.floor(k / perRow) * LEGEND_ROW;
      return `<g transform="translate(${lx} ${ly})">${item.swatch}<text x="18" y="11" font-size="11" fill="#1b1b1b">${escapeHtml(cut(item.name, 24))}</text></g>`;
    })
    .join('');
  const height = legendTop + Math.ceil(legendItems.length / perRow) * LEGEND_ROW + 4;

  return `<svg class="chart" role="img" aria-label="${escapeHtml(`${spec.title}: chart. The same figures are in the table below it.`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(spec.title)}</title>${grid}<line x1="${LEFT}" x2="${width - 8}" y1="${y(0)}" y2="${y(0)}" stroke="#1b1b1b" stroke-width="1"/>${bars.join('')}${legend}</svg>`;

  function tooFew(cx: number): string {
    const cy = TOP + PLOT_HEIGHT - 4;
    return `<text x="${fmt(cx)}" y="${cy}" transform="rotate(-90 ${fmt(cx)} ${cy})" font-size="10" fill="#454f59">too few</text>`;
  }
}
