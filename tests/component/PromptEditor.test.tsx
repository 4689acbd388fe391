import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PROMPT_MAX_LENGTH } from '../../src/domain/checkin';
import { PromptEditor } from '../../src/ui/checkin/PromptEditor';
import { useFreshDb } from '../support/fresh-db';

const db = useFreshDb();

async function storedTexts(): Promise<string[]> {
  return (await db().checkinPrompts.where('groupId').equals('group-1').sortBy('order')).map((p) => p.text);
}

/** The editor as the closing step shows it, re-rendered with what is stored, as its live query would. */
async function renderEditor() {
  const view = render(<PromptEditor groupId="group-1" stored={[]} />);
  const refresh = async () => view.rerender(<PromptEditor groupId="group-1" stored={await db().checkinPrompts.where('groupId').equals('group-1').sortBy('order')} />);
  return refresh;
}

describe('PromptEditor', () => {
  it('rewords a question in the group’s own words, keeping the others as they were', async () => {
    await renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Reword: Did you feel listened to?' }));
    fireEvent.input(screen.getByLabelText('New words for “Did you feel listened to?”'), { target: { value: '  Did people listen to you?  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
    await waitFor(async () => expect(await storedTexts()).toContain('Did people listen to you?'));
    const texts = await storedTexts();
    expect(texts).not.toContain('Did you feel listened to?');
    expect(texts).toContain('Did you get the chance to say what you wanted?');
  });

  it('refuses empty words and keeps the question', async () => {
    await renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Reword: Anything else?' }));
    fireEvent.input(screen.getByLabelText('New words for “Anything else?”'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
    expect(await screen.findByText('Enter the question', { exact: false })).toBeTruthy();
    expect(await storedTexts()).toEqual([]);
  });

  it.each([
    ['empty', '   ', 'Enter the question'],
    ['too long', 'Why? '.repeat(60), `The question must be ${PROMPT_MAX_LENGTH} characters or fewer`],
  ])('refuses a question of the group’s own that is %s, saying why, and adds nothing', async (_, words, message) => {
    await renderEditor();
    fireEvent.input(screen.getByLabelText('Your own question'), { target: { value: words } });
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    expect(await screen.findByText(message, { exact: false })).toBeTruthy();
    expect(await storedTexts()).toEqual([]);
  });

  it('removes a question and adds one from the library', async () => {
    const refresh = await renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Remove: Anything else?' }));
    await waitFor(async () => expect((await storedTexts()).length).toBeGreaterThan(0));
    expect(await storedTexts()).not.toContain('Anything else?');
    await refresh();
    const add = screen.getAllByRole('button', { name: /^Add: / })[0]!;
    const added = add.getAttribute('aria-label')!.replace(/^Add: /, '');
    fireEvent.click(add);
    await waitFor(async () => expect(await storedTexts()).toContain(added));
  });
});
