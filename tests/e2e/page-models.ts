import type { Page } from 'playwright-core';
import { expectSaved } from './harness';

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

  async createMeeting(fields: { title: string; date: string; start: string; end: string; venue: string; chair: string }) {
    await this.page.getByRole('link', { name: 'New meeting' }).first().click();
    await this.heading('New meeting').waitFor();
    await this.page.getByLabel('Meeting title').fill(fields.title);
    await this.page.getByLabel('Date').fill(fields.date);
    await this.page.getByLabel('Start time').fill(fields.start);
    await this.page.getByLabel('End time').fill(fields.end);
    await this.page.getByLabel('Venue').fill(fields.venue);
    await this.page.getByLabel('Chair').selectOption({ label: fields.chair });
    await this.page.getByRole('button', { name: 'Create meeting' }).click();
    await this.heading(fields.title).waitFor();
    await expectSaved(this.page);
  }
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
}

/** The dissent register, decisions and actions, in the chair's words. */
export class RecordPage {
  constructor(readonly page: Page) {}

  /** Two taps and the words: "Park dissent", then "Park it". `by` null is anonymous. */
  async parkDissent(words: string, by: string | null): Promise<void> {
    await this.page.getByRole('button', { name: 'Park dissent' }).click();
    await this.page.getByLabel('What they disagree with', { exact: false }).fill(words);
    await this.page.getByLabel('Who raised it').selectOption({ label: by ?? 'Anonymous' });
    await this.page.getByRole('button', { name: 'Park it' }).click();
    await expectSaved(this.page);
    await this.page.getByText(words).first().waitFor();
  }
}
