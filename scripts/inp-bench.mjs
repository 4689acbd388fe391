// Interaction to next paint on the running screen, measured in the page with the Event Timing
// API while a chair taps speakers on a slow tablet (the CPU throttled through the DevTools protocol).

/** Installed before the app loads: every event entry of an interaction, 16 ms and over. */
function observeInteractions() {
  window.heardInteractions = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.interactionId) continue;
      window.heardInteractions.push({
        id: entry.interactionId,
        name: entry.name,
        duration: entry.duration,
        inputDelay: entry.processingStart - entry.startTime,
        processing: entry.processingEnd - entry.processingStart,
        presentation: entry.startTime + entry.duration - entry.processingEnd,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  // Every tap must reach a tile, or the figure would flatter the app.
  window.heardTileClicks = 0;
  // INP ends at the first paint after the tap's handlers, whatever it shows. What the chair waits
  // for is the tapped tile showing the change: timed from the tap to the moment the page changes
  // it (a mutation observer runs straight after the change; the browser paints it in its next frame).
  // From the touch itself (pointerdown), where the tap's interaction starts, not from its click.
  window.heardTileShown = [];
  let touched = null;
  let tapped = null;
  addEventListener('pointerdown', (event) => (touched = event.timeStamp), { capture: true, passive: true });
  addEventListener(
    'click',
    (event) => {
      const tile = event.target.closest?.('.tile__main');
      if (!tile) return;
      window.heardTileClicks++;
      tapped = { tile, at: touched ?? event.timeStamp };
      touched = null;
    },
    true,
  );
  new MutationObserver((records) => {
    if (tapped && records.some((record) => record.target === tapped.tile)) {
      window.heardTileShown.push(performance.now() - tapped.at);
      tapped = null;
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-pressed'] });
}

/** Where INP's figure sits among `interactions` sorted slowest first: the longest, ignoring one in every 50. */
const p98Index = (interactions) => Math.min(Math.floor(interactions / 50), Math.max(0, interactions - 1));

/**
 * The median and the same 98th percentile as INP's of the taps' times to the tile changing; how
 * many taps changed no tile instead, if any (said, not hidden), which leaves the INP figure standing.
 */
function tileShown(times, taps) {
  if (times.length !== taps) return { missed: taps - times.length };
  const sorted = [...times].sort((a, b) => b - a);
  return { median: sorted[Math.floor(taps / 2)], p98: sorted[p98Index(taps)], max: sorted[0] };
}

/**
 * INP as browsers report it: the longest interaction, ignoring one in every 50 (so the 98th
 * percentile). Interactions under the 16 ms threshold leave no entry and count as 0.
 */
export function interactionToNextPaint(entries, interactions) {
  const longest = new Map();
  for (const e of entries) {
    const known = longest.get(e.id);
    if (!known || e.duration > known.duration) longest.set(e.id, e);
  }
  const worst = [...longest.values()].sort((a, b) => b.duration - a.duration);
  return { inp: worst[p98Index(interactions)]?.duration ?? 0, max: worst[0]?.duration ?? 0, over16: worst.length, worst: worst.slice(0, 3), all: worst.map((e) => [Math.round(e.duration), Math.round(e.inputDelay), Math.round(e.processing), Math.round(e.presentation)]) };
}

/** Whether a touch at the centre of `locator` would land on it, not on something drawn over it. */
function reachable(locator) {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && el.contains(hit);
  });
}

/**
 * Opens `url` (a running meeting) in `context`, throttles its CPU `rate` times and taps `taps`
 * speaker tiles as a chair would, leaving time for each tap to paint.
 */
export async function measureTappingInp(context, url, { taps = 50, rate = 4, gapMs = 1000 } = {}) {
  const page = await context.newPage();
  await page.addInitScript(observeInteractions);
  await page.goto(url);
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor({ timeout: 20_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.waitForTimeout(2000);
  await page.evaluate(() => ((window.heardInteractions = []), (window.heardTileClicks = 0), (window.heardTileShown = [])));
  const tiles = page.locator('.tile__main');
  const count = await tiles.count();
  const viewport = page.viewportSize();
  for (let i = 0; i < taps; i++) {
    // A bare touch at the tile's centre: Playwright's own checks before a tap() run in the page
    // on the throttled CPU and would be counted as the app's input delay.
    const tile = tiles.nth((i * 7) % count);
    let box = await tile.boundingBox();
    // The tiles scroll in their own area under the screen's top: a tile inside the screen may
    // still be scrolled out of that area, so ask what a touch at its centre would reach.
    if (box.y < 0 || box.y + box.height > viewport.height || !(await reachable(tile))) {
      await tile.scrollIntoViewIfNeeded();
      await page.waitForTimeout(gapMs);
      box = await tile.boundingBox();
    }
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(gapMs);
  }
  await page.waitForTimeout(1000);
  const [entries, clicks, shown] = await page.evaluate(() => [window.heardInteractions, window.heardTileClicks, window.heardTileShown]);
  if (clicks !== taps) throw new Error(`${clicks} of ${taps} taps reached a speaker tile`);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();
  return { ...interactionToNextPaint(entries, taps), tileShown: tileShown(shown, taps), taps, rate };
}
