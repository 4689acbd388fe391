import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { expectAccessible, expectSaved, offlineTablet, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

const TEN_AM = new Date(2030, 2, 14, 10, 0).getTime();
const MINUTE = 60_000;
// Quotes, an ampersand, a backslash and HTML: the page foot carries it as text, whatever it holds.
const TITLE = 'March “review” & <b>care</b> \\ plans';
const NOTE = Array.from({ length: 30 }, (_, i) => `Point ${i + 1}: what the group said about discharge letters and the wait for transport home.`).join('\n');

/** Each page of a PDF as text, by pdftotext (poppler), with the page count pdfinfo reads. */
function pdfPages(file: string): string[] {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }));
}

/** Words as pdftotext lays them out, one space between each. */
const words = (text: string) => text.replace(/\s+/g, ' ');

test('the printed minutes name the chair, give Present and Apologies and the times held, and put the title and page on every page', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM - 30 * MINUTE });
  const at = (minutes: number) => context.clock.setFixedTime(TEN_AM + minutes * MINUTE);
  const meeting = new MeetingPage(page);
  await new HeardApp(page).prepareMeeting({
    group: 'Discharge workstream',
    people: [
      ['Aoife Byrne', 'Carer'],
      ['Malik Hassan', 'Lived experience'],
      ['Dr Sam Patel', 'Staff'],
    ],
    meeting: { title: TITLE, date: '2030-03-14', start: '10:00', end: '12:00', venue: 'Church hall', chair: 'Dr Sam Patel' },
    items: [{ title: 'Discharge letters', purpose: 'For discussion', minutes: 30, lead: 'Aoife Byrne' }],
  });

  // The meeting starts two minutes late; Malik sends apologies.
  await at(2);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
  await meeting.showTab('Balance and queue');
  await page.getByText('Who is here (3)').click();
  await page.getByRole('button', { name: 'Not here: Malik Hassan' }).click();
  await page.getByText('Who is here (2)').waitFor();
  await meeting.tapSpeaker('Aoife Byrne');
  // Aoife speaks for 40 seconds: under a minute, so never written "0 min".
  await context.clock.setFixedTime(TEN_AM + 2 * MINUTE + 40_000);
  await meeting.speakerTile('Aoife Byrne').click();
  await expect.poll(() => meeting.speaking()).toEqual([]);
  await meeting.showTab('This item');
  await page.getByLabel('Notes on this item').fill(NOTE);
  await expectSaved(page);

  // It ends at 10:47, well inside the slot planned.
  await at(47);
  await meeting.tap('End the meeting');
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();
  await page.getByRole('link', { name: 'Meeting record and exports' }).click();
  await page.getByRole('heading', { level: 1, name: `Minutes: ${TITLE}` }).waitFor();

  // On screen: the chair, the slot planned beside the times held, and who sent apologies.
  await page.getByRole('definition').filter({ hasText: 'Dr Sam Patel' }).waitFor();
  await page.getByRole('definition').filter({ hasText: /^10:00 to 12:00$/ }).waitFor();
  await page.getByRole('definition').filter({ hasText: /^10:02 to 10:47$/ }).waitFor();
  await expect.poll(() => page.getByRole('region', { name: 'Apologies' }).getByRole('listitem').allTextContents()).toEqual(['Malik Hassan (Lived experience)']);
  expect(await page.getByRole('region', { name: 'Present' }).getByRole('rowheader').allTextContents()).toEqual(['Aoife Byrne', 'Dr Sam Patel']);
  await expectAccessible(page, 'record screen of the minutes');
  // On screen as on paper: the notes at the size of the text round them, not as big as a heading.
  const fontSize = (l: Locator) => l.evaluate((el) => getComputedStyle(el).fontSize);
  const note = page.getByRole('region', { name: 'Notes' }).getByText(/^Point 1:/);
  expect(await fontSize(note)).toBe(await fontSize(page.getByRole('region', { name: 'Apologies' }).getByRole('listitem')));
  for (const [name, size] of [['landscape', { width: 1024, height: 768 }], ['portrait', { width: 768, height: 1024 }]] as const) {
    await page.setViewportSize(size);
    if (process.env.HEARD_SHOTS) await page.screenshot({ path: `${process.env.HEARD_SHOTS}/record-${name}.png`, fullPage: true });
  }

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  mkdirSync('test-results', { recursive: true });
  const file = 'test-results/minutes-print.pdf';
  writeFileSync(file, pdf);
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Page size:.*\(A4\)/m);
  const pages = pdfPages(file).map(words);
  // The long note takes the minutes over a page, so the foot is proved on more than one.
  expect(pages.length).toBeGreaterThanOrEqual(2);
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(text, `page ${i + 1}`).toContain(words(`Minutes: ${TITLE}`));
  });
  const first = pages[0]!;
  expect(first).toContain('Chair Dr Sam Patel');
  expect(first).toContain('Date Thursday 14 March 2030');
  expect(first).toContain('Planned 10:00 to 12:00');
  expect(first).toContain('Held 10:02 to 10:47');
  expect(first).toMatch(/Apologies Malik Hassan \(Lived experience\)/);
  expect(first).not.toContain('Did not come');
  const all = pages.join(' ');
  // The lead of the item, and talk under a minute in seconds.
  expect(all).toContain('Led by Aoife Byrne');
  expect(all).toMatch(/Carer 40 s 1 /);
  expect(all).not.toMatch(/\b0 min\b/);
  // No part of the minutes starts a page of its own: once the note has run over, decisions,
  // actions and the voice balance follow on the same page rather than each on a fresh one.
  const decisionsPage = pages.findIndex((text) => / Decisions No decisions were recorded\./.test(text));
  expect(decisionsPage).toBeGreaterThan(0);
  expect(pages[decisionsPage]).toMatch(/transport home\. Decisions/);
  expect(pages[decisionsPage]).toContain('Voice balance');
  await context.close();
});
