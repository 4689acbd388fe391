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
