import type { Page } from 'playwright-core';
import { expectAccessible, expectSaved } from './harness';

const formsChecked = new WeakMap<Page, Set<string>>();

/**
 * axe over a form the first time a page fills it in (filled, just before it is
 * sent): every test that passes through the group, meeting and agenda-item
 * forms checks them, without paying for it on every agenda item.
 */
async function expectFormAccessible(page: Page, form: string): Promise<void> {
  const seen = formsChecked.get(page) ?? new Set<string>();
  formsChecked.set(page, seen);
  if (seen.has(form)) return;
  seen.add(form);
  await expectAccessible(page, form);
}

/** What a chair does, in the words on the screen: roles, labels and visible text only. */
export class HeardApp {
  constructor(readonly page: Page) {}

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async goHome(): Promise<void> {
    await this.page.getByRole('link', { name: 'Home', exact: true }).click();
    await this.heading('Your meetings').waitFor();
  }

  async createGroup(name: string): Promise<void> {
    await this.page.getByRole('link', { name: 'New group' }).first().click();
    await this.heading('New group').waitFor();
    await this.page.getByLabel('Group name').fill(name);
    await expectFormAccessible(this.page, 'new group form');
    await this.page.getByRole('button', { name: 'Create group' }).click();
    await this.heading(name).waitFor();
    await expectSaved(this.page);
  }

  async addPerson(name: string, perspective: string): Promise<void> {
    const nameField = this.page.getByRole('textbox', { name: 'Name', exact: true });
    await nameField.fill(name);
    await this.page.getByRole('combobox', { name: 'Perspective', exact: true }).selectOption({ label: perspective });
    await this.page.getByRole('button', { name: 'Add person' }).click();
    await this.page.locator('.list-row__title', { hasText: name }).first().waitFor();
    await expectSaved(this.page);
  }

  /** Opens a person's row on the group screen (their controls fold away under their name). */
  async openPerson(name: string): Promise<void> {
    const summary = this.page.locator('summary', { hasText: name }).first();
    if (!(await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open))) await summary.click();
    await this.page.getByRole('group', { name: `What ${name} brings` }).waitFor();
  }

  async createMeeting(fields: MeetingFields) {
    await this.page.getByRole('link', { name: 'New meeting' }).first().click();
    await this.heading('New meeting').waitFor();
    await this.page.getByLabel('Meeting title').fill(fields.title);
    await this.page.getByLabel('Date').fill(fields.date);
    await this.page.getByLabel('Start time').fill(fields.start);
    await this.page.getByLabel('End time').fill(fields.end);
    await this.page.getByLabel('Venue').fill(fields.venue);
    await this.page.getByLabel('Chair').selectOption({ label: fields.chair });
    await expectFormAccessible(this.page, 'meeting form');
    await this.page.getByRole('button', { name: 'Create meeting' }).click();
    await this.heading(fields.title).waitFor();
    await expectSaved(this.page);
  }

  /** A group, its people (name and perspective) and a meeting with an agenda, all through the screens. */
  async prepareMeeting(setup: { group: string; people: ReadonlyArray<readonly [string, string]>; meeting: MeetingFields; items: readonly ItemFields[] }) {
    await this.createGroup(setup.group);
    for (const [name, perspective] of setup.people) await this.addPerson(name, perspective);
    await this.createMeeting(setup.meeting);
    for (const item of setup.items) await new MeetingPage(this.page).addItem(item);
  }
}

export interface MeetingFields {
  title: string;
  date: string;
  start: string;
  end: string;
  venue: string;
  chair: string;
}

export interface ItemFields {
  title: string;
  purpose: 'For information' | 'For discussion' | 'For decision';
  minutes: number;
  lead?: string;
  decidedElsewhereBy?: string;
  nonNegotiables?: string;
  paper?: { title: string; link: string; sent: string };
}

/** The tabs under the speaker tiles on the running screen. */
export type RunTab = 'This item' | 'Balance and queue' | 'Record' | 'Agenda';

/** The agenda and the running meeting, in the chair's words. */
export class MeetingPage {
  constructor(readonly page: Page) {}

  async addItem(fields: ItemFields): Promise<void> {
    const page = this.page;
    await page.getByRole('link', { name: 'Add item' }).click();
    await page.getByRole('heading', { level: 1, name: 'New agenda item' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(fields.title);
    await page.getByRole('radio', { name: fields.purpose }).check();
    await page.getByLabel('Time (minutes)').fill(String(fields.minutes));
    if (fields.lead) await page.getByLabel('Lead').selectOption({ label: fields.lead });
    if (fields.decidedElsewhereBy) {
      await page.getByRole('radio', { name: 'Someone else' }).check();
      await page.getByLabel('Who decides instead').fill(fields.decidedElsewhereBy);
    }
    if (fields.nonNegotiables) await page.getByLabel('Not negotiable').fill(fields.nonNegotiables);
    if (fields.paper) {
      await page.getByRole('button', { name: 'Add a paper' }).click();
      await page.getByLabel('Title of paper 1').fill(fields.paper.title);
      await page.getByLabel('Link or where to find paper 1').fill(fields.paper.link);
      await page.getByLabel('Date paper 1 was sent').fill(fields.paper.sent);
    }
    await expectFormAccessible(page, 'agenda-item form');
    await page.getByRole('button', { name: 'Save item' }).click();
    await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    await expectSaved(page);
  }

  async agendaTitles(): Promise<string[]> {
    const section = this.page.getByRole('region', { name: 'Agenda' });
    const rows = await section.getByRole('listitem').all();
    const titles: string[] = [];
    for (const row of rows) titles.push(((await row.locator('p').first().textContent()) ?? '').replace(/^\d+\.\s*/, '').trim());
    return titles;
  }

  itemClock(label: 'Time on this item' | 'Left' | 'Over time by') {
    return this.page.getByText(label, { exact: true }).locator('xpath=following-sibling::p[1]');
  }

  async tap(name: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).click();
    await expectSaved(this.page);
  }

  /** Shows one of the running screen's tabs under the speaker tiles, and waits until it is the one chosen. */
  async showTab(name: RunTab): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await this.page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  }

  /** The id of the meeting whose running screen this is, from the address. */
  meetingId(): string {
    return decodeURIComponent(/#\/meetings\/([^/]+)\/run$/.exec(this.page.url())![1]!);
  }

  /** A person's tile (its name is "Name, Perspective"), or "Open discussion" for null; `pressed` to find it only when so. */
  speakerTile(name: string | null, pressed?: boolean) {
    const options = pressed === undefined ? {} : { pressed };
    if (name === null) return this.page.getByRole('button', { name: 'Open discussion', exact: true, ...options });
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('button', { name: new RegExp(`^${escaped} ?,`), ...options });
  }

  /** The tiles shown as speaking, by their whole text (name, perspective, "Speaking · 1:30"). */
  speaking(): Promise<string[]> {
    return this.page.getByRole('button', { pressed: true, name: /,/ }).allInnerTexts();
  }

  /**
   * Taps a tile and waits until the screen shows it pressed. The screen reads
   * who is speaking back from IndexedDB, so a pressed tile means the tap is
   * stored: this is what "confirmed" means for a tap.
   */
  async tapSpeaker(name: string | null): Promise<void> {
    await this.speakerTile(name).click();
    await this.speakerTile(name, true).waitFor();
  }
}

/** The dissent register, decisions and actions, in the chair's words. */
export class RecordPage {
  constructor(readonly page: Page) {}

  /** On the running screen, the record is behind its tab. */
  show(): Promise<void> {
    return new MeetingPage(this.page).showTab('Record');
  }

  /** Two taps and the words: "Park dissent", then "Park it". `by` null is anonymous. */
  async parkDissent(words: string, by: string | null): Promise<void> {
    await this.show();
    await this.page.getByRole('button', { name: 'Park dissent' }).click();
    await this.page.getByLabel('What they disagree with', { exact: false }).fill(words);
    await this.page.getByLabel('Who raised it').selectOption({ label: by ?? 'Anonymous' });
    await this.page.getByRole('button', { name: 'Park it' }).click();
    await expectSaved(this.page);
    await this.page.getByText(words).first().waitFor();
  }

  /** A decision reached the default way; "Decision recorded." shows only once it is stored. */
  async recordDecision(text: string): Promise<void> {
    await this.show();
    await this.page.getByRole('button', { name: 'Record a decision' }).click();
    await this.page.getByLabel('What was decided').fill(text);
    await this.page.getByRole('button', { name: 'Save decision' }).click();
    await this.page.getByText('Decision recorded.').waitFor();
    await expectSaved(this.page);
  }

  /** "Action added." shows only once the action is stored. */
  async addAction(what: string, owner: string, due: string): Promise<void> {
    await this.show();
    await this.page.getByRole('button', { name: 'Add an action' }).click();
    await this.page.getByLabel('What will be done').fill(what);
    await this.page.getByLabel('Person who will do it').selectOption({ label: owner });
    await this.page.getByLabel('Due by').fill(due);
    await this.page.getByRole('button', { name: 'Save action' }).click();
    await this.page.getByText('Action added.').waitFor();
    await this.page.getByText(what).first().waitFor();
  }
}

/** The check-in at the close of a meeting, in the words on the screen. */
export class CheckInPage {
  constructor(readonly page: Page) {}

  /** Shown once a check-in is stored, and whenever the locked tablet is (re)opened. */
  passOn() {
    return this.page.getByRole('heading', { level: 1, name: 'Pass the tablet to the next person' });
  }

  /** From the meeting's closing step: a new chair PIN, and the tablet locks for the check-in. */
  async lock(pin: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Start check-in' }).click();
    await this.page.getByLabel('Chair PIN', { exact: true }).fill(pin);
    await this.page.getByLabel('Chair PIN again').fill(pin);
    await this.page.getByRole('button', { name: 'Lock and start check-in' }).click();
    await this.passOn().waitFor();
  }

  /** One person checks in without giving their name, and hands the tablet on. */
  async checkInAnonymously(anythingElse: string): Promise<void> {
    const page = this.page;
    await page.getByRole('button', { name: 'Start my check-in' }).click();
    await page.getByRole('radio', { name: "I'd rather not say" }).check();
    const answers: Array<[string, string]> = [
      ['Did you get the chance to say what you wanted?', 'Yes'],
      ['Did you feel listened to?', 'Yes'],
      ["Was anything said that you didn't understand?", 'No'],
      ['How are you feeling after this meeting?', 'Good'],
    ];
    for (const [question, answer] of answers) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
    }
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: 'Your answer (optional)' }).fill(anythingElse);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'No, thank you' }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('button', { name: 'Done — pass it on' }).click();
    // The flow moves on only when the answers are stored.
    await this.passOn().waitFor();
  }

  async unlock(pin: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Chair: finish the check-in' }).click();
    await this.page.getByLabel('Chair PIN').fill(pin);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Check-in answers' }).waitFor();
  }
}
