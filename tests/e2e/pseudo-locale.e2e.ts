import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { buildSampleGroup } from '../../src/domain/sample-group';
import { DEFAULT_PERSPECTIVES } from '../../src/domain/perspectives';
import { enXA } from '../../src/ui/strings/en-XA';
import { expectAccessible, expectSaved, useAppAndBrowser, waitForOfflineReady } from './harness';

/**
 * Every screen in en-XA, the pseudo-locale: each word the catalogue gives is
 * accented and between ⟦ ⟧, and about a third longer. A word with plain
 * letters outside ⟦ ⟧ came from somewhere other than the catalogue; a box
 * narrower than its words is where a longer language would be cut off.
 */

const env = useAppAndBrowser();
const x = enXA.messages;
const PORTRAIT = { width: 768, height: 1024 };

// What people typed (here, the sample group's made-up data): shown as it is in any language.
const sample = buildSampleGroup(() => 'id', Date.UTC(2030, 0, 7, 9), (key) => x.rules.templates[key]);
const TYPED = [
  sample.group.name,
  sample.meeting.title,
  sample.meeting.venue ?? '',
  ...sample.people.map((p) => p.name),
  ...sample.items.flatMap((i) => [i.title, i.nonNegotiables, i.decidedBy.kind === 'elsewhere' ? i.decidedBy.who : '', ...i.papers.flatMap((p) => [p.title, p.link])]),
  ...DEFAULT_PERSPECTIVES.map((p) => p.label),
  'Heard', // the app's own name, a brand, not translated
].filter((s) => s.length > 0);

interface Found {
  untranslated: string[];
  overflowing: string[];
}

/** What on the page is not from the catalogue, and what is too big for its box. Runs in the page. */
function audit(page: Page): Promise<Found> {
  return page.evaluate((typed) => {
    const strip = (text: string) => {
      let s = text;
      // Innermost first: a message may hold another message passed to it.
      while (/⟦[^⟦⟧]*⟧/.test(s)) s = s.replace(/⟦[^⟦⟧]*⟧/g, ' ');
      for (const data of typed) s = s.split(data).join(' ');
      // A group's code (G-XXXXX, made from its id) is data the office and the tablet share, in no language.
      return s.replace(/\bG-[0-9A-Z]{5}\b/g, ' ');
    };
    const english = (text: string) => /[A-Za-z]/.test(strip(text));
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const where = (el: Element) => {
      const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
      return `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> ${label.trim().slice(0, 60)}`;
    };
    const untranslated: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName) || !shown(parent)) continue;
      if (english(node.textContent ?? '')) untranslated.push(`text "${node.textContent!.trim()}" in ${where(parent)}`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (!shown(el)) continue;
      for (const attribute of ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription', 'aria-valuetext']) {
        const value = el.getAttribute(attribute);
        if (value && english(value)) untranslated.push(`${attribute}="${value}" on ${where(el)}`);
      }
      if (el instanceof HTMLOptionElement && english(el.text)) untranslated.push(`option "${el.text}"`);
    }
    if (english(document.title)) untranslated.push(`title "${document.title}"`);

    const overflowing: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) overflowing.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px in ${window.innerWidth}px`);
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!shown(el) || (getComputedStyle(el).display.startsWith('inline') && !(el instanceof HTMLButtonElement))) continue;
      // Visually hidden words (for screen readers) sit in a 1px box on purpose.
      if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
      if (!el.textContent?.trim() || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) continue;
      const style = getComputedStyle(el);
      // A title people typed may be cut short with an ellipsis on purpose (the run bar); catalogue words may not.
      if (style.textOverflow === 'ellipsis' && typed.some((data) => el.textContent!.includes(data))) continue;
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = (style.overflowY === 'hidden' || style.overflowY === 'clip') && el.scrollHeight > el.clientHeight + 1;
      if (wide || tall) overflowing.push(`${where(el)}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
    }
    return { untranslated, overflowing };
  }, TYPED);
}

async function expectLocalised(page: Page, where: string): Promise<void> {
  const found = await audit(page);
  expect.soft(found.untranslated, `words not from the catalogue on ${where}`).toEqual([]);
  expect.soft(found.overflowing, `boxes too small for their words on ${where}`).toEqual([]);
  await expectAccessible(page, `${where} (en-XA)`);
}

async function open(page: Page, hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

test('every screen in the pseudo-locale shows only catalogue words, none cut off, at 768×1024', async () => {
  const context = await env.browser.newContext({ viewport: PORTRAIT, locale: 'en-GB', timezoneId: 'Europe/London', hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${env.server.url}?locale=en-XA`);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: x.home.title }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-XA');
  await expectLocalised(page, 'home, first run');

  await page.getByRole('button', { name: x.home.trySample }).click();
  await page.getByRole('heading', { level: 1, name: sample.group.name }).waitFor();
  await page.getByText(x.group.sampleNotice).waitFor();
  await expectSaved(page).catch(() => undefined);
  const groupHash = new URL(page.url()).hash;
  await expectLocalised(page, 'group');
  const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const meetingHash = hrefs.find((h) => /^#\/meetings\/[^/]+$/.test(h))!;
  const personHash = hrefs.find((h) => /^#\/groups\/[^/]+\/people\/[^/]+$/.test(h))!;

  await open(page, '#/', x.home.title);
  await page.getByText(sample.meeting.title).first().waitFor();
  await expectLocalised(page, 'home with a group');

  const screens: Array<[string, string, string | RegExp]> = [
    ['new group', '#/groups/new', x.group.newTitle],
    ['new meeting', '#/meetings/new', x.meeting.newTitle],
    ['meeting', meetingHash, sample.meeting.title],
    ['edit meeting', `${meetingHash}/edit`, x.meeting.editTitle],
    ['new agenda item', `${meetingHash}/items/new`, /./],
    ['ground rules', `${groupHash}/rules`, /./],
    ['dissent register', `${groupHash}/register`, /./],
    ['you said, we did', `${groupHash}/you-said-we-did`, /./],
    ['group review', `${groupHash}/review`, /./],
    ['person', personHash, /./],
    ['retention', `${groupHash}/retention`, x.privacy.retention.title],
    ['delete group', `${groupHash}/delete`, x.privacy.deleteGroup.title],
    ['delete meeting', `${meetingHash}/delete`, x.privacy.deleteMeeting.title],
    ['record', `${meetingHash}/record`, /./],
    ['sync', '#/sync', /./],
    ['this device', '#/device', x.device.title],
    ['your information', '#/your-information', x.lock.yourInformation.title],
    ['app lock set-up', '#/app-lock', x.lock.appLock.title],
  ];
  for (const [where, hash, heading] of screens) {
    await open(page, hash, heading);
    await page.getByText(x.loading).waitFor({ state: 'detached' });
    await expectLocalised(page, where);
  }

  // The meeting, run: the ground rules step, each tab under the tiles, the room view, the rules panel.
  await open(page, meetingHash, sample.meeting.title);
  await page.getByRole('button', { name: x.run.start }).click();
  await page.getByRole('heading', { name: x.run.groundRulesStep }).waitFor();
  await expectLocalised(page, 'running: ground rules step');
  await page.getByRole('button', { name: x.run.beginFirst }).click();
  await page.getByText(x.run.elapsed, { exact: true }).waitFor();
  const speaker = sample.people[0]!.name;
  await page.getByRole('button', { name: new RegExp(`^${speaker} ?,`) }).click();
  await page.getByRole('button', { name: new RegExp(`^${speaker} ?,`), pressed: true }).waitFor();
  await expectLocalised(page, 'running: this item, someone speaking');
  for (const tab of [x.run.tabBalance, x.run.tabRecord, x.run.tabAgenda]) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
    await expectLocalised(page, `running: tab ${tab}`);
  }
  await page.getByRole('tab', { name: x.run.tabRecord, exact: true }).click();
  for (const form of [x.record.parkDissent, x.record.recordDecision, x.record.addAction]) {
    await page.getByRole('button', { name: form, exact: true }).click();
    await page.getByRole('button', { name: x.record.cancel }).waitFor();
    await expectLocalised(page, `running: record form ${form}`);
    await page.getByRole('button', { name: x.record.cancel }).click();
  }
  await page.getByRole('tab', { name: x.run.tabItem, exact: true }).click();
  await page.getByRole('button', { name: x.balance.roomView }).click();
  await page.getByRole('button', { name: x.balance.chairView }).waitFor();
  await expectLocalised(page, 'running: the room view');
  await page.getByRole('button', { name: x.balance.chairView }).click();
  await page.getByRole('button', { name: x.run.showRules }).click();
  await page.getByRole('dialog').waitFor();
  await expectLocalised(page, 'running: ground rules panel');
  await page.getByRole('dialog').getByRole('button', { name: x.rules.close }).click();

  // Closing, and the check-in on the locked tablet, step by step.
  await page.getByRole('button', { name: x.run.endDiscussion }).click();
  await page.getByRole('heading', { name: x.run.closing }).waitFor();
  await expectLocalised(page, 'closing');
  await page.getByRole('button', { name: x.checkin.start }).click();
  await page.getByLabel(x.checkin.pin, { exact: true }).waitFor();
  await expectLocalised(page, 'check-in: setting the chair PIN');
  await page.getByLabel(x.checkin.pin, { exact: true }).fill('2468');
  await page.getByLabel(x.checkin.pinAgain).fill('2468');
  await page.getByRole('button', { name: x.checkin.lockAndStart }).click();
  const passOn = page.getByRole('heading', { level: 1, name: x.checkin.passTitle });
  await passOn.waitFor();
  await expectLocalised(page, 'check-in: pass the tablet on');
  await page.getByRole('button', { name: x.checkin.startMine }).click();
  await page.getByRole('heading', { level: 1, name: x.checkin.whoTitle }).waitFor();
  await expectLocalised(page, 'check-in: who are you');
  await page.getByRole('radio', { name: x.checkin.ratherNotSay }).check();
  // Each question, one at a time: answer with the first (negative) choice, so no words or contact are asked, then Next.
  for (let step = 1; !(await page.getByRole('button', { name: x.checkin.saveAnswers }).isVisible()); step++) {
    await page.getByRole('button', { name: x.checkin.next, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: x.checkin.whoTitle }).first().waitFor();
    await expectLocalised(page, `check-in: step ${step}`);
    const choices = page.getByRole('radiogroup').getByRole('radio');
    if ((await choices.count()) > 0) await choices.first().check();
    expect(step).toBeLessThan(12);
  }
  await page.getByRole('button', { name: x.checkin.saveAnswers }).click();
  await page.getByRole('heading', { level: 1, name: x.checkin.doneTitle }).waitFor();
  await expectLocalised(page, 'check-in: thank you');
  await page.getByRole('button', { name: x.checkin.done }).click();
  await passOn.waitFor();
  await page.getByRole('button', { name: x.checkin.chairFinish }).click();
  await page.getByRole('heading', { level: 1, name: x.checkin.unlockTitle }).waitFor();
  await expectLocalised(page, 'check-in: chair unlocks');
  await page.getByLabel(x.checkin.pin).fill('2468');
  await page.getByRole('button', { name: x.checkin.unlock }).click();
  await page.getByRole('heading', { level: 1, name: x.checkin.resultsTitle }).waitFor();
  await expectLocalised(page, 'check-in answers');
  await page.getByRole('button', { name: x.checkin.closeMeeting }).click();
  await page.getByText(x.checkin.closed).first().waitFor();

  // The record of the closed meeting, with its files to save or share.
  await open(page, `${meetingHash}/record`, /./);
  await page.getByRole('button', { name: x.exports.files.download(x.exports.files.markdown) }).waitFor();
  await expectLocalised(page, 'record and exports, closed meeting');
  await context.close();
}, 240_000);
