import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundRule } from '../../src/domain/agenda-model';
import { draftRule, RULE_TEMPLATE_KEYS, STAGE4_QUESTION_KEYS } from '../../src/domain/ground-rules';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { listRules, putRules } from '../../src/db/rules-repo';
import { setClockForTests } from '../../src/state/clock';
import { t } from '../../src/ui/strings/all';
import { GroundRulesScreen } from '../../src/ui/screens/GroundRulesScreen';
import { makeGroup, makeMeeting } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

// 14 March 2030, 11:00 local: an hour into the fixture's "Planning meeting".
const NOW = new Date(2030, 2, 14, 11, 0).getTime();
const CREATED = new Date(2030, 2, 1, 9, 0).getTime();

beforeEach(() => setClockForTests(() => NOW));
afterEach(() => setClockForTests(null));

function rule(id: string, text: string, order: number, extra: Partial<GroundRule> = {}): GroundRule {
  return { ...draftRule(id, 'group-1', text, order, CREATED), ...extra };
}

async function openScreen() {
  render(<GroundRulesScreen groupId="group-1" />);
  await screen.findByRole('heading', { level: 1, name: 'Ground rules' });
}

/** The rules as the screen lists them: number, words and status, top to bottom. */
function shownRules() {
  return within(rulesSection())
    .queryAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

function rulesSection() {
  return screen.getByRole('region', { name: 'This group’s rules' });
}

function rowOf(text: string): HTMLElement {
  const row = within(rulesSection())
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes(text));
  if (!row) throw new Error(`no rule row with “${text}”`);
  return row;
}

async function storedRules() {
  return (await listRules('group-1')).map((r) => ({ text: r.text, status: r.status, order: r.order, templateKey: r.templateKey, agreedAtMeetingId: r.agreedAtMeetingId }));
}

describe('GroundRulesScreen', () => {
  it('names the group, links back to it and shows the Stage 4 questions in order', async () => {
    await addGroup(makeGroup());
    await openScreen();

    const back = screen.getByRole('link', { name: 'Group: Hospital discharge workstream' });
    expect(back.getAttribute('href')).toBe('#/groups/group-1');
    await waitFor(() => expect(document.title).toBe('Ground rules: Hospital discharge workstream – Heard'));
    const questions = screen.getByRole('region', { name: t.rules.questionsTitle });
    expect(within(questions).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      STAGE4_QUESTION_KEYS.map((key) => t.rules.questions[key]),
    );
    expect(within(rulesSection()).getByText(t.rules.none)).toBeTruthy();
  });

  it('says so when the group is not on this device', async () => {
    render(<GroundRulesScreen groupId="nobody" />);
    expect(await screen.findByText(t.group.notFound)).toBeTruthy();
  });

  it('adds templates as drafts at the end, and takes them off the template list', async () => {
    await addGroup(makeGroup());
    await putRules([rule('r1', 'Start on time.', 0)]);
    await openScreen();
    const templates = screen.getByRole('region', { name: 'Start from a template' });
    expect(within(templates).getAllByRole('button')).toHaveLength(RULE_TEMPLATE_KEYS.length);

    const plain = t.rules.templates['plain-words'];
    const addPlain = within(templates).getByRole('button', { name: `Add: ${plain}` });
    expect(addPlain.textContent).toBe('Add');
    fireEvent.click(addPlain);

    await waitFor(() => expect(within(rulesSection()).getAllByRole('listitem')).toHaveLength(2));
    expect(rowOf(plain).textContent).toContain('Not yet agreed');
    expect(within(templates).queryByRole('button', { name: `Add: ${plain}` })).toBeNull();
    expect(within(templates).getAllByRole('button')).toHaveLength(RULE_TEMPLATE_KEYS.length - 1);
    expect(await storedRules()).toEqual([
      { text: 'Start on time.', status: 'draft', order: 0, templateKey: null, agreedAtMeetingId: null },
      { text: plain, status: 'draft', order: 1, templateKey: 'plain-words', agreedAtMeetingId: null },
    ]);
    // Focus moves on to the next template, so several can be added in a row by keyboard.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe(`Add: ${t.rules.templates['experience-counts-equally']}`),
    );
  });

  it('says when every template is in use', async () => {
    await addGroup(makeGroup());
    await putRules(RULE_TEMPLATE_KEYS.map((key, i) => rule(`r${i}`, t.rules.templates[key], i, { templateKey: key })));
    await openScreen();
    const templates = screen.getByRole('region', { name: 'Start from a template' });
    expect(within(templates).getByText(t.rules.allTemplatesUsed)).toBeTruthy();
    expect(within(templates).queryAllByRole('button')).toHaveLength(0);
  });

  it('shows an error summary and saves nothing for an empty rule', async () => {
    await addGroup(makeGroup());
    await openScreen();

    const field = screen.getByRole('textbox', { name: 'Rule' });
    fireEvent.input(field, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Enter the rule' }).getAttribute('href')).toBe('#new-rule');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('new-rule-error');
    expect(document.getElementById('new-rule-error')?.textContent).toBe('Error: Enter the rule');
    expect(await storedRules()).toEqual([]);
  });

  it('refuses a rule over 300 characters, then adds a good one at the end', async () => {
    await addGroup(makeGroup());
    await putRules([rule('r1', 'Start on time.', 0)]);
    await openScreen();

    const field = screen.getByRole('textbox', { name: 'Rule' });
    fireEvent.input(field, { target: { value: 'x'.repeat(301) } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(await screen.findByRole('link', { name: 'The rule must be 300 characters or fewer' })).toBeTruthy();
    expect(await storedRules()).toHaveLength(1);

    fireEvent.input(field, { target: { value: '  We finish   on time.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(within(rulesSection()).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((field as HTMLTextAreaElement).value).toBe('');
    expect(rowOf('We finish on time.').textContent).toMatch(/^2We finish on time\.○Not yet agreed/);
    expect((await storedRules())[1]).toMatchObject({ text: 'We finish on time.', order: 1, status: 'draft', templateKey: null });
  });

  it('records the meeting a rule was agreed at', async () => {
    await addGroup(makeGroup());
    await saveMeeting(makeMeeting({ id: 'meeting-1', title: 'Planning meeting' }), []);
    await saveMeeting(makeMeeting({ id: 'meeting-2', title: 'First meeting', date: '2030-02-14', startsAt: new Date(2030, 1, 14, 10).getTime() }), []);
    await saveMeeting(makeMeeting({ id: 'meeting-3', title: 'Next meeting', date: '2030-04-14', startsAt: new Date(2030, 3, 14, 10).getTime() }), []);
    await putRules([rule('r1', 'We listen.', 0)]);
    await openScreen();

    fireEvent.click(await screen.findByRole('button', { name: 'Mark as agreed: rule 1' }));
    const select = screen.getByRole('combobox', { name: 'Agreed at' }) as HTMLSelectElement;
    // Newest first, after "Not at a meeting"; the meeting that has started most recently is chosen.
    expect([...select.options].map((o) => o.text)).toEqual([
      'Not at a meeting',
      'Next meeting, Sun 14 Apr 2030',
      'Planning meeting, Thu 14 Mar 2030',
      'First meeting, Thu 14 Feb 2030',
    ]);
    expect(select.value).toBe('meeting-1');
    expect(document.activeElement).toBe(select);

    fireEvent.change(select, { target: { value: 'meeting-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record as agreed: rule 1' }));

    expect(await screen.findByText('Agreed Thu 14 Mar 2030 at “First meeting”')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark as agreed: rule 1' })).toBeNull();
    expect(screen.getByText('1 rule agreed.')).toBeTruthy();
    const [stored] = await listRules('group-1');
    expect(stored).toMatchObject({ status: 'agreed', agreedAt: NOW, agreedAtMeetingId: 'meeting-2' });
  });

  it('chooses a running meeting first, and "Not at a meeting" when none has started', async () => {
    await addGroup(makeGroup());
    await saveMeeting(makeMeeting({ id: 'meeting-1', title: 'Planning meeting' }), []);
    await saveMeeting(
      makeMeeting({ id: 'meeting-0', title: 'Earlier meeting', state: 'running', startsAt: new Date(2030, 1, 1, 10).getTime() }),
      [],
    );
    await putRules([rule('r1', 'We listen.', 0), rule('r2', 'We share.', 1)]);
    await openScreen();

    fireEvent.click(await screen.findByRole('button', { name: 'Mark as agreed: rule 1' }));
    expect((screen.getByRole('combobox', { name: 'Agreed at' }) as HTMLSelectElement).value).toBe('meeting-0');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Mark as agreed: rule 1'));

    // Before any meeting has started, nothing is assumed.
    setClockForTests(() => new Date(2030, 0, 1).getTime());
    fireEvent.click(screen.getByRole('button', { name: 'Mark as agreed: rule 2' }));
    // A running meeting still wins, whatever the clock says.
    expect((screen.getByRole('combobox', { name: 'Agreed at' }) as HTMLSelectElement).value).toBe('meeting-0');
  });

  it('offers "Not at a meeting" when the group has no meeting that has started, and then says only the day', async () => {
    await addGroup(makeGroup());
    await saveMeeting(makeMeeting({ id: 'meeting-9', title: 'Later meeting', startsAt: NOW + 86_400_000 }), []);
    await putRules([rule('r1', 'We listen.', 0)]);
    await openScreen();

    fireEvent.click(await screen.findByRole('button', { name: 'Mark as agreed: rule 1' }));
    expect((screen.getByRole('combobox', { name: 'Agreed at' }) as HTMLSelectElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Record as agreed: rule 1' }));

    expect(await screen.findByText('Agreed Thu 14 Mar 2030')).toBeTruthy();
    expect((await listRules('group-1'))[0]).toMatchObject({ status: 'agreed', agreedAtMeetingId: null });
  });

  it('sends an agreed rule back to "Not yet agreed" when its words change', async () => {
    await addGroup(makeGroup());
    await putRules([rule('r1', 'We listen.', 0, { status: 'agreed', agreedAt: CREATED, agreedAtMeetingId: null })]);
    await openScreen();
    expect(rowOf('We listen.').textContent).toContain('Agreed Fri 1 Mar 2030');

    fireEvent.click(screen.getByRole('button', { name: 'Edit rule 1' }));
    const field = screen.getByRole('textbox', { name: 'Words of rule 1' });
    expect(document.activeElement).toBe(field);
    expect(screen.getByText(t.rules.revisedNote, { exact: false })).toBeTruthy();

    // Empty words are refused where they are typed.
    fireEvent.input(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByText('Enter the rule')).toBeTruthy();
    expect((await listRules('group-1'))[0]?.text).toBe('We listen.');

    fireEvent.input(field, { target: { value: 'We listen to each other.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));

    await waitFor(() => expect(rowOf('We listen to each other.').textContent).toContain('Not yet agreed'));
    expect(screen.queryByRole('textbox', { name: 'Words of rule 1' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark as agreed: rule 1' })).toBeTruthy();
    expect(await storedRules()).toEqual([
      { text: 'We listen to each other.', status: 'draft', order: 0, templateKey: null, agreedAtMeetingId: null },
    ]);
  });

  it('does not show the agreement note when editing a draft', async () => {
    await addGroup(makeGroup());
    await putRules([rule('r1', 'We listen.', 0)]);
    await openScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit rule 1' }));
    expect(screen.queryByText(t.rules.revisedNote, { exact: false })).toBeNull();
  });

  it('retires a rule to the end of the list, and brings it back as a draft', async () => {
    await addGroup(makeGroup());
    await putRules([
      rule('r1', 'We listen.', 0, { status: 'agreed', agreedAt: CREATED, agreedAtMeetingId: null }),
      rule('r2', 'We share.', 1),
    ]);
    await openScreen();

    fireEvent.click(await screen.findByRole('button', { name: 'Retire rule 1' }));

    await waitFor(() => expect(shownRules()[1]).toMatch(/^2We listen\..*Retired/));
    expect(shownRules()[0]).toMatch(/^1We share\./);
    const retiredRow = rowOf('We listen.');
    // A retired rule can only be brought back: no editing, agreeing or moving.
    expect(within(retiredRow).getAllByRole('button').map((b) => b.textContent)).toEqual(['Mark as agreed', 'Bring back']);
    expect((await listRules('group-1')).find((r) => r.id === 'r1')?.status).toBe('retired');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Bring back rule 2'));

    fireEvent.click(screen.getByRole('button', { name: 'Bring back rule 2' }));

    await waitFor(() => expect(shownRules()[0]).toMatch(/^1We listen\..*Not yet agreed/));
    expect((await listRules('group-1')).find((r) => r.id === 'r1')).toMatchObject({ status: 'draft', agreedAt: null });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Retire rule 1'));
  });

  it('moves a rule down and back up, on screen and in the database', async () => {
    await addGroup(makeGroup());
    await putRules([rule('a', 'Alpha.', 0), rule('b', 'Bravo.', 1), rule('c', 'Charlie.', 2)]);
    await openScreen();
    await waitFor(() => expect(shownRules()).toHaveLength(3));

    // No moving off either end.
    expect((screen.getByRole('button', { name: 'Move up: rule 1' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move down: rule 3' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Move down: rule 1' }));
    await waitFor(() => expect(shownRules().map((r) => r.slice(0, 7))).toEqual(['1Bravo.', '2Alpha.', '3Charli']));
    expect((await listRules('group-1')).map((r) => r.text)).toEqual(['Bravo.', 'Alpha.', 'Charlie.']);
    // The moved rule keeps the focus, under its new number, and the move is announced.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Move down: rule 2'));
    expect(screen.getByText('Rule moved. It is now number 2.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Move up: rule 2' }));
    await waitFor(() => expect(shownRules().map((r) => r.slice(0, 7))).toEqual(['1Alpha.', '2Bravo.', '3Charli']));
    expect((await listRules('group-1')).map((r) => r.text)).toEqual(['Alpha.', 'Bravo.', 'Charlie.']);
    // At the top, "Move up" is off, so the focus goes to "Move down" of the same rule.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Move down: rule 1'));
  });

  it('moves rules among those in play, leaving retired ones at the end', async () => {
    await addGroup(makeGroup());
    await putRules([rule('a', 'Alpha.', 0), rule('x', 'Retired one.', 1, { status: 'retired' }), rule('b', 'Bravo.', 2)]);
    await openScreen();
    await waitFor(() => expect(shownRules()).toHaveLength(3));
    expect(shownRules().map((r) => r.slice(0, 7))).toEqual(['1Alpha.', '2Bravo.', '3Retire']);
    expect((screen.getByRole('button', { name: 'Move down: rule 2' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Move up: rule 2' }));
    await waitFor(() => expect(shownRules().map((r) => r.slice(0, 7))).toEqual(['1Bravo.', '2Alpha.', '3Retire']));
  });

  it('can be worked with the keyboard alone: every control is a focusable button', async () => {
    await addGroup(makeGroup());
    await putRules([rule('a', 'Alpha.', 0), rule('b', 'Bravo.', 1)]);
    await openScreen();
    await waitFor(() => expect(shownRules()).toHaveLength(2));

    const row = rowOf('Alpha.');
    for (const control of within(row).getAllByRole('button')) {
      expect(control.tagName).toBe('BUTTON');
      expect(control.getAttribute('type')).toBe('button');
      if (!(control as HTMLButtonElement).disabled) {
        control.focus();
        expect(document.activeElement).toBe(control);
      }
    }

    // Focus "Move down" and activate it (a browser turns Enter or Space on a button into this click).
    screen.getByRole('button', { name: 'Move down: rule 1' }).focus();
    fireEvent.click(document.activeElement!);
    await waitFor(() => expect(shownRules().map((r) => r.slice(0, 7))).toEqual(['1Bravo.', '2Alpha.']));

    // Open "Mark as agreed" from the keyboard: focus lands on the choice of meeting, then the form is submitted.
    screen.getByRole('button', { name: 'Mark as agreed: rule 1' }).focus();
    fireEvent.click(document.activeElement!);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Agreed at' }));
    const confirm = screen.getByRole('button', { name: 'Record as agreed: rule 1' });
    expect(confirm.getAttribute('type')).toBe('submit');
    confirm.focus();
    fireEvent.click(document.activeElement!);
    await waitFor(() => expect(rowOf('Bravo.').textContent).toContain('Agreed Thu 14 Mar 2030'));
    // Back on the row's first control, not lost at the top of the page.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit rule 1');
  });
});
