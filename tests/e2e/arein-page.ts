import type { Page } from 'playwright-core';
import { expectSaved } from './harness';

/** Who is at the table (ARE IN) and the group review, in the chair's words: roles, labels and visible text only. */
export class AreInPage {
  constructor(readonly page: Page) {}

  /** The group screen's coverage section. */
  coverage() {
    return this.page.getByRole('region', { name: 'Who is at the table', exact: true });
  }

  /** The meeting screen's coverage of who is expected or came. */
  today() {
    return this.page.getByRole('region', { name: 'Who is at the table today' });
  }

  brings(name: string) {
    return this.page.getByRole('group', { name: `What ${name} brings` });
  }

  async addPerson(name: string, perspective: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await this.page.getByRole('combobox', { name: 'Perspective', exact: true }).selectOption({ label: perspective });
    await this.page.getByRole('button', { name: 'Add person' }).click();
    await this.brings(name).waitFor();
    await expectSaved(this.page);
  }

  /** Ticks each role in the person's roster row; each tick is saved at once. */
  async mark(name: string, roles: readonly string[]): Promise<void> {
    for (const role of roles) {
      await this.brings(name).getByRole('checkbox', { name: role, exact: true }).check();
      await expectSaved(this.page);
    }
  }

  rating(principle: string, words: string) {
    return this.page.getByRole('group', { name: principle, exact: true }).getByRole('radio', { name: words, exact: true });
  }
}
