import { addWords, CONTACT_MAX_LENGTH, removeWord, type CheckInDraft, type WordProblem } from '../../domain/checkin';
import type { Response } from '../../domain/checkin-model';
import type { Id } from '../../domain/model';
import { checkOptionalText, checkRequiredText, type TextProblem } from '../../domain/text-rules';

/** Where one person is in their check-in. */
export type At = { at: 'start' } | { at: 'who' } | { at: 'prompt'; index: number } | { at: 'one-to-one' } | { at: 'done' };

/** What is wrong with the one-to-one step when they tried to save: only the contact (no choice is simply "no"). */
export interface OneToOneProblems {
  contact?: TextProblem;
}

/** One person's check-in, as plain data: the steps are drawn from it, and nothing else holds their answers. */
export interface FlowState {
  step: At;
  personId: Id | null;
  nameToAnswers: boolean;
  responses: Record<Id, Response>;
  /** A word typed in a question's "Add" box and not added yet: added when they move on, so it is not lost. */
  typing: Record<Id, string>;
  /** What was wrong with the last word they tried to add, until they type or move on. */
  wordProblem: WordProblem | null;
  wantsOneToOne: '' | 'yes' | 'no';
  contact: string;
  /** Shown from a try to save until they next go back. */
  problems: OneToOneProblems;
  saving: boolean;
  failed: boolean;
}

export type FlowEvent =
  | { type: 'go'; to: At }
  | { type: 'choose-person'; personId: Id | null }
  | { type: 'name-to-answers'; on: boolean }
  | { type: 'answer'; promptId: Id; response: Response }
  | { type: 'typing'; promptId: Id; text: string }
  | { type: 'add-words'; promptId: Id }
  | { type: 'remove-word'; promptId: Id; word: string }
  | { type: 'one-to-one'; wants: 'yes' | 'no'; personName: string }
  | { type: 'contact'; text: string }
  | { type: 'save' }
  | { type: 'save-failed' }
  | { type: 'saved' };

export const FRESH: FlowState = {
  step: { at: 'start' },
  personId: null,
  nameToAnswers: false,
  responses: {},
  typing: {},
  wordProblem: null,
  wantsOneToOne: '',
  contact: '',
  problems: {},
  saving: false,
  failed: false,
};

/** The step after `step`, with `promptCount` questions: who, each question, then the one-to-one. */
export function nextStep(step: At, promptCount: number): At {
  if (step.at === 'start') return { at: 'who' };
  if (step.at === 'who') return promptCount > 0 ? { at: 'prompt', index: 0 } : { at: 'one-to-one' };
  if (step.at === 'prompt') return step.index + 1 < promptCount ? { at: 'prompt', index: step.index + 1 } : { at: 'one-to-one' };
  return step;
}

/** The step Back leads to. There is none from "Thank you": the answers are saved and gone. */
export function previousStep(step: At, promptCount: number): At {
  if (step.at === 'who') return { at: 'start' };
  if (step.at === 'prompt') return step.index === 0 ? { at: 'who' } : { at: 'prompt', index: step.index - 1 };
  if (step.at === 'one-to-one') return promptCount > 0 ? { at: 'prompt', index: promptCount - 1 } : { at: 'who' };
  return step;
}

/** Skipping the question is a normal answer: no choice means no one-to-one, never a problem. */
export function oneToOneProblems(state: Pick<FlowState, 'wantsOneToOne' | 'contact'>): OneToOneProblems {
  if (state.wantsOneToOne !== 'yes') return {};
  const { problem } = checkRequiredText(state.contact, CONTACT_MAX_LENGTH);
  return problem ? { contact: problem } : {};
}

/** Nothing stops the save: a contact when they asked for a one-to-one. */
export function readyToSave(state: Pick<FlowState, 'wantsOneToOne' | 'contact'>): boolean {
  const problems = oneToOneProblems(state);
  return problems.contact === undefined;
}

/** What is saved for them. Their name goes with their answers only if they chose a name and said so. */
export function draftOf(state: FlowState): CheckInDraft {
  return {
    personId: state.personId,
    nameToAnswers: state.personId !== null && state.nameToAnswers,
    responses: state.responses,
    oneToOneContact: state.wantsOneToOne === 'yes' ? checkOptionalText(state.contact, CONTACT_MAX_LENGTH).value : null,
  };
}

/** Adds the words typed for one question to its answer's words, when the answer is a yes that asks for them. */
function withTypedWords(state: FlowState, promptId: Id): FlowState {
  const response = state.responses[promptId];
  if (response?.kind !== 'choice' || response.value !== 'yes') return state;
  const { words, problem } = addWords(response.words ?? '', state.typing[promptId] ?? '');
  if (problem) return { ...state, wordProblem: problem };
  return { ...state, responses: { ...state.responses, [promptId]: { ...response, words } }, typing: { ...state.typing, [promptId]: '' }, wordProblem: null };
}

export function flowReducer(state: FlowState, event: FlowEvent): FlowState {
  switch (event.type) {
    case 'go': {
      // A word typed but not added goes with them: leaving the question is not a reason to lose it.
      const typed = Object.keys(state.typing).filter((id) => (state.typing[id] ?? '').trim() !== '');
      const folded = typed.reduce(withTypedWords, state);
      return { ...folded, step: event.to, problems: {}, wordProblem: null };
    }
    case 'typing':
      return { ...state, typing: { ...state.typing, [event.promptId]: event.text }, wordProblem: null };
    case 'add-words':
      return withTypedWords(state, event.promptId);
    case 'remove-word': {
      const response = state.responses[event.promptId];
      if (response?.kind !== 'choice') return state;
      return { ...state, responses: { ...state.responses, [event.promptId]: { ...response, words: removeWord(response.words ?? '', event.word) } } };
    }
    case 'choose-person':
      // "Rather not say" cannot put a name to the answers.
      return { ...state, personId: event.personId, nameToAnswers: event.personId === null ? false : state.nameToAnswers };
    case 'name-to-answers':
      return { ...state, nameToAnswers: event.on };
    case 'answer':
      return { ...state, responses: { ...state.responses, [event.promptId]: event.response } };
    case 'one-to-one':
      // Their chosen name is offered as the contact, once, to save typing it.
      return { ...state, wantsOneToOne: event.wants, contact: event.wants === 'yes' && !state.contact && event.personName ? event.personName : state.contact };
    case 'contact':
      return { ...state, contact: event.text };
    case 'save': {
      const problems = oneToOneProblems(state);
      return readyToSave(state) && !state.saving ? { ...state, problems, saving: true, failed: false } : { ...state, problems };
    }
    case 'save-failed':
      return { ...state, saving: false, failed: true };
    case 'saved':
      // Nothing of theirs is kept for "Thank you" to show, or Back to return to.
      return { ...FRESH, step: { at: 'done' } };
  }
}
