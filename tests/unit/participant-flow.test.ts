import { describe, expect, it } from 'vitest';
import { CONTACT_MAX_LENGTH, WORD_MAX_LENGTH } from '../../src/domain/checkin';
import { draftOf, flowReducer, FRESH, nextStep, previousStep, type At, type FlowEvent, type FlowState } from '../../src/ui/checkin/participant-flow-state';

const run = (events: FlowEvent[], from: FlowState = FRESH) => events.reduce(flowReducer, from);

describe('the steps of one check-in', () => {
  it.each<[At, number, At, At]>([
    [{ at: 'start' }, 2, { at: 'who' }, { at: 'start' }],
    [{ at: 'who' }, 2, { at: 'prompt', index: 0 }, { at: 'start' }],
    [{ at: 'who' }, 0, { at: 'one-to-one' }, { at: 'start' }],
    [{ at: 'prompt', index: 0 }, 2, { at: 'prompt', index: 1 }, { at: 'who' }],
    [{ at: 'prompt', index: 1 }, 2, { at: 'one-to-one' }, { at: 'prompt', index: 0 }],
    [{ at: 'one-to-one' }, 2, { at: 'one-to-one' }, { at: 'prompt', index: 1 }],
    [{ at: 'one-to-one' }, 0, { at: 'one-to-one' }, { at: 'who' }],
    // "Thank you" has no way back to the answers.
    [{ at: 'done' }, 2, { at: 'done' }, { at: 'done' }],
  ])('from %j with %i questions: next %j, back %j', (step, count, next, back) => {
    expect(nextStep(step, count)).toEqual(next);
    expect(previousStep(step, count)).toEqual(back);
  });
});

describe('one person’s answers', () => {
  it('"rather not say" takes back a name put to the answers, so none is saved', () => {
    const state = run([{ type: 'choose-person', personId: 'p1' }, { type: 'name-to-answers', on: true }, { type: 'choose-person', personId: null }]);
    expect(state.nameToAnswers).toBe(false);
    expect(draftOf({ ...state, wantsOneToOne: 'no' })).toMatchObject({ personId: null, nameToAnswers: false });
  });

  it('offers their chosen name as the contact once, and never overwrites what they typed', () => {
    expect(run([{ type: 'one-to-one', wants: 'yes', personName: 'Aoife Byrne' }]).contact).toBe('Aoife Byrne');
    expect(run([{ type: 'contact', text: '07700 900123' }, { type: 'one-to-one', wants: 'yes', personName: 'Aoife Byrne' }]).contact).toBe('07700 900123');
    expect(run([{ type: 'one-to-one', wants: 'no', personName: 'Aoife Byrne' }]).contact).toBe('');
  });

  it.each<[string, FlowEvent[], object, boolean]>([
    // Skipping the question is a normal answer: no choice is no one-to-one, never a problem.
    ['no choice made', [], {}, true],
    ['a one-to-one with no contact', [{ type: 'one-to-one', wants: 'yes', personName: '' }], { contact: 'empty' }, false],
    ['a contact too long', [{ type: 'one-to-one', wants: 'yes', personName: '' }, { type: 'contact', text: 'x'.repeat(CONTACT_MAX_LENGTH + 1) }], { contact: 'too-long' }, false],
    ['no one-to-one', [{ type: 'one-to-one', wants: 'no', personName: '' }], {}, true],
    ['a one-to-one with a contact', [{ type: 'one-to-one', wants: 'yes', personName: 'Aoife' }], {}, true],
  ])('saving with %s: problems %j, saving %s', (_what, events, problems, saving) => {
    const state = run([...events, { type: 'save' }]);
    expect(state.problems).toEqual(problems);
    expect(state.saving).toBe(saving);
  });

  it('shows problems until they go back, and a failed save says so without losing the answers', () => {
    const tried = run([{ type: 'go', to: { at: 'one-to-one' } }, { type: 'one-to-one', wants: 'yes', personName: '' }, { type: 'save' }]);
    expect(tried.problems).toEqual({ contact: 'empty' });
    expect(flowReducer(tried, { type: 'go', to: { at: 'who' } }).problems).toEqual({});
    const failed = run([{ type: 'answer', promptId: 'q1', response: { kind: 'text', value: 'fine' } }, { type: 'one-to-one', wants: 'no', personName: '' }, { type: 'save' }, { type: 'save-failed' }]);
    expect(failed).toMatchObject({ saving: false, failed: true });
    expect(Object.keys(failed.responses)).toEqual(['q1']);
  });

  it('once saved, nothing of theirs is left in the state for "Thank you" or Back', () => {
    const saved = run([
      { type: 'choose-person', personId: 'p1' },
      { type: 'name-to-answers', on: true },
      { type: 'answer', promptId: 'q1', response: { kind: 'text', value: 'tired' } },
      { type: 'one-to-one', wants: 'yes', personName: 'Aoife Byrne' },
      { type: 'save' },
      { type: 'saved' },
    ]);
    expect(saved).toEqual({ ...FRESH, step: { at: 'done' } });
  });
});

describe('words added one at a time', () => {
  const yes: FlowEvent = { type: 'answer', promptId: 'q1', response: { kind: 'choice', value: 'yes' } };
  const words = (state: FlowState) => (state.responses['q1'] as { words?: string }).words ?? '';

  it.each<[string, FlowEvent[], string, string | null]>([
    ['one word', [yes, { type: 'typing', promptId: 'q1', text: ' ICB ' }, { type: 'add-words', promptId: 'q1' }], 'ICB', null],
    ['two, one after the other', [yes, { type: 'typing', promptId: 'q1', text: 'ICB' }, { type: 'add-words', promptId: 'q1' }, { type: 'typing', promptId: 'q1', text: 'MDT' }, { type: 'add-words', promptId: 'q1' }], 'ICB, MDT', null],
    ['a comma typed in the box: two words', [yes, { type: 'typing', promptId: 'q1', text: 'ICB, MDT' }, { type: 'add-words', promptId: 'q1' }], 'ICB, MDT', null],
    ['the same word twice, in other capitals', [yes, { type: 'typing', promptId: 'q1', text: 'ICB' }, { type: 'add-words', promptId: 'q1' }, { type: 'typing', promptId: 'q1', text: 'icb' }, { type: 'add-words', promptId: 'q1' }], 'ICB', null],
    ['nothing typed', [yes, { type: 'typing', promptId: 'q1', text: '  ' }, { type: 'add-words', promptId: 'q1' }], '', 'empty'],
    ['a word too long', [yes, { type: 'typing', promptId: 'q1', text: 'x'.repeat(WORD_MAX_LENGTH + 1) }, { type: 'add-words', promptId: 'q1' }], '', 'too-long'],
    ['a word removed', [yes, { type: 'typing', promptId: 'q1', text: 'ICB, MDT' }, { type: 'add-words', promptId: 'q1' }, { type: 'remove-word', promptId: 'q1', word: 'ICB' }], 'MDT', null],
    ['typed, not added, then moving on', [yes, { type: 'typing', promptId: 'q1', text: 'CAMHS' }, { type: 'go', to: { at: 'one-to-one' } }], 'CAMHS', null],
  ])('%s: words "%s", problem %s', (_what, events, expected, problem) => {
    const state = run(events);
    expect(words(state)).toBe(expected);
    expect(state.wordProblem).toBe(problem);
  });

  it('refuses a twenty-first word with a problem, keeping the twenty', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `word${i}`).join(', ');
    const state = run([yes, { type: 'typing', promptId: 'q1', text: twenty }, { type: 'add-words', promptId: 'q1' }, { type: 'typing', promptId: 'q1', text: 'one more' }, { type: 'add-words', promptId: 'q1' }]);
    expect(state.wordProblem).toBe('too-many');
    expect(words(state).split(', ')).toHaveLength(20);
    expect(state.typing['q1']).toBe('one more');
  });

  it('saves the words added for the glossary, each one once', () => {
    const state = run([yes, { type: 'typing', promptId: 'q1', text: 'ICB' }, { type: 'add-words', promptId: 'q1' }, { type: 'typing', promptId: 'q1', text: 'MDT' }, { type: 'add-words', promptId: 'q1' }]);
    expect(draftOf(state).responses['q1']).toEqual({ kind: 'choice', value: 'yes', words: 'ICB, MDT' });
  });
});
