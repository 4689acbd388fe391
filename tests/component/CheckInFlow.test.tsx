import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCheckInResults, readLock } from '../../src/db/checkin-repo';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { finishMyCheckIn, startCheckIn } from '../../src/state/checkin-actions';
import { setClockForTests } from '../../src/state/clock';
import { IDLE_MS, STILL_THERE_MS, THANKS_MS } from '../../src/ui/checkin/ParticipantFlow';
import { CheckInScreen } from '../../src/ui/screens/CheckInScreen';
import { t } from '../../src/ui/strings/all';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';
import { useQuickPinHashes } from '../support/quick-pins';

const db = useFreshDb();
useQuickPinHashes();
const START = new Date(2030, 2, 14, 11, 50).getTime();
let clock = START;
const Q = t.checkin.libraryText;

beforeEach(async () => {
  clock = START;
  setClockForTests(() => clock);
  await addGroup(makeGroup(), [makePerson(), makePerson({ id: 'person-2', name: 'Dr Sam Patel', perspectiveId: 'staff' })]);
  await saveMeeting(makeMeeting({ state: 'closing' }), ['person-1', 'person-2']);
  const started = await startCheckIn(makeMeeting(), [], (key) => Q[key]!, '2468');
  if (!started.ok) throw new Error('could not lock');
});
afterEach(() => {
  setClockForTests(null);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The device's speech, stubbed: an en-GB voice among others; returns the spy every utterance goes to. */
function stubSpeech() {
  const speak = vi.fn();
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => [
      { lang: 'en-US', name: 'US' },
      { lang: 'en-GB', name: 'UK' },
    ],
    speak,
    cancel: vi.fn(),
  });
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      voice: unknown = null;
      lang = '';
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    },
  );
  return speak;
}

const next = () => fireEvent.click(screen.getByRole('button', { name: t.checkin.next }));
const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

/** Opens the check-in and goes as far as the first question, as "I'd rather not say". */
async function toFirstQuestion() {
  render(<CheckInScreen meetingId="meeting-1" />);
  fireEvent.click(await screen.findByRole('button', { name: t.checkin.startMine }));
  await heading(t.checkin.whoTitle);
  fireEvent.click(screen.getByRole('radio', { name: t.checkin.ratherNotSay }));
  next();
  await heading(Q['said-what-wanted']!);
}

/** From the first question on through the rest, writing `words` as the last answer, to the one-to-one step. */
async function toOneToOne(words: string) {
  for (const q of ['listened-to', 'not-understood', 'feeling', 'anything-else']) {
    next();
    await heading(Q[q]!);
  }
  fireEvent.input(screen.getByRole('textbox', { name: t.checkin.yourAnswer }), { target: { value: words } });
  next();
  await heading(t.checkin.oneToOneTitle);
}

function pick(question: string, answer: string) {
  const radio = within(screen.getByRole('radiogroup', { name: question })).getByRole('radio', { name: answer });
  // Space on a focused radio is a click: the tiles are native radios, so keyboards reach them.
  radio.focus();
  fireEvent.click(radio);
  return radio as HTMLInputElement;
}

describe('check-in answers, one question per screen', () => {
  it('offers a picture scale of labelled faces, as native radios reachable by Tab', async () => {
    await toFirstQuestion();
    const group = screen.getByRole('radiogroup', { name: Q['said-what-wanted'] });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual(['No', 'A bit', 'Yes']);
    // Each word has a face drawn beside it, hidden from screen readers, from saddest to happiest.
    const mouths = radios.map((r) => r.labels![0]!.querySelector('svg[aria-hidden="true"] path')?.getAttribute('d'));
    expect(new Set(mouths).size).toBe(3);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios.every((r) => r.tabIndex >= 0 && !r.disabled)).toBe(true);
    expect(pick(Q['said-what-wanted']!, 'A bit').checked).toBe(true);
    expect(screen.getByText(t.checkin.questionOf(1, 5))).toBeTruthy();
  });

  it('offers no, not sure and yes in the faces’ order, and asks which words only after a yes', async () => {
    await toFirstQuestion();
    next();
    await heading(Q['listened-to']!);
    const choices = within(screen.getByRole('radiogroup', { name: Q['listened-to'] })).getAllByRole('radio');
    // The positive answer on the right, as on the faces: No → Yes.
    expect(choices.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['No', 'Not sure', 'Yes']);
    // Each word has its own picture beside it.
    expect(new Set(choices.map((r) => (r as HTMLInputElement).labels![0]!.querySelector('svg[aria-hidden="true"]')?.innerHTML)).size).toBe(3);
    next();
    await heading(Q['not-understood']!);
    pick(Q['not-understood']!, 'No');
    expect(screen.queryByRole('textbox', { name: t.checkin.whichWords })).toBeNull();
    pick(Q['not-understood']!, 'Yes');
    expect(screen.getByRole('textbox', { name: t.checkin.whichWords })).toBeTruthy();
  });

  it('marks the chosen answer with a tick as well as its border, and only that one', async () => {
    await toFirstQuestion();
    const tiles = () => within(screen.getByRole('radiogroup', { name: Q['said-what-wanted'] })).getAllByRole('radio') as HTMLInputElement[];
    expect(tiles().filter((r) => r.labels![0]!.querySelector('.answer-tile__chosen')).length).toBe(0);
    pick(Q['said-what-wanted']!, 'A bit');
    const ticked = tiles().filter((r) => r.labels![0]!.querySelector('.answer-tile__chosen'));
    expect(ticked.map((r) => r.labels![0]!.textContent)).toEqual(['A bit']);
    // A screen reader hears "checked" from the native radio.
    expect(ticked[0]!.checked).toBe(true);
    pick(Q['said-what-wanted']!, 'Yes');
    expect(tiles().filter((r) => r.labels![0]!.querySelector('.answer-tile__chosen')).map((r) => r.labels![0]!.textContent)).toEqual(['Yes']);
  });

  it('adds words one at a time, each with its own remove button, and keeps a word typed but not added', async () => {
    await toFirstQuestion();
    next();
    await heading(Q['listened-to']!);
    next();
    await heading(Q['not-understood']!);
    pick(Q['not-understood']!, 'Yes');
    const box = () => screen.getByRole('textbox', { name: t.checkin.whichWords }) as HTMLInputElement;
    const add = () => fireEvent.click(screen.getByRole('button', { name: t.checkin.addWord }));
    const added = () => (screen.queryByRole('region', { name: t.checkin.wordsAdded }) ? within(screen.getByRole('region', { name: t.checkin.wordsAdded })).getAllByRole('listitem').map((li) => li.textContent) : []);
    // Add with nothing typed says what to do, and adds nothing.
    add();
    expect(screen.getByText(t.checkin.wordEmpty)).toBeTruthy();
    expect(added()).toEqual([]);
    fireEvent.input(box(), { target: { value: 'ICB' } });
    add();
    expect(box().value).toBe('');
    fireEvent.input(box(), { target: { value: 'MDT' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    fireEvent.input(box(), { target: { value: 'icb' } });
    add();
    expect(added()).toEqual(['ICB', 'MDT']);
    fireEvent.click(screen.getByRole('button', { name: t.checkin.removeWord('ICB') }));
    expect(added()).toEqual(['MDT']);
    // Typed, not added, then Next: the word goes with them, not lost.
    fireEvent.input(box(), { target: { value: 'discharge to assess' } });
    next();
    await heading(Q['feeling']!);
    fireEvent.click(screen.getByRole('button', { name: t.checkin.back }));
    await heading(Q['not-understood']!);
    expect(added()).toEqual(['MDT', 'discharge to assess']);
  });

  it('takes a short text, and Back keeps answers within the person’s own check-in', async () => {
    await toFirstQuestion();
    pick(Q['said-what-wanted']!, 'Yes');
    for (const q of ['listened-to', 'not-understood', 'feeling']) {
      next();
      await heading(Q[q]!);
    }
    next();
    await heading(Q['anything-else']!);
    fireEvent.input(screen.getByRole('textbox', { name: t.checkin.yourAnswer }), { target: { value: 'Tea was cold' } });
    for (const q of ['feeling', 'not-understood', 'listened-to', 'said-what-wanted']) {
      fireEvent.click(screen.getByRole('button', { name: t.checkin.back }));
      await heading(Q[q]!);
    }
    expect((within(screen.getByRole('radiogroup', { name: Q['said-what-wanted'] })).getByRole('radio', { name: 'Yes' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: t.checkin.back }));
    await heading(t.checkin.whoTitle);
    fireEvent.click(screen.getByRole('button', { name: t.checkin.back }));
    await heading(t.checkin.passTitle);
  });

  it('reads the question aloud with an en-GB voice when the device has one', async () => {
    const speak = stubSpeech();
    await toFirstQuestion();
    fireEvent.click(screen.getByRole('button', { name: t.checkin.readToMe }));
    expect(speak).toHaveBeenCalledTimes(1);
    const utterance = speak.mock.calls[0]![0] as { text: string; voice: { lang: string }; lang: string };
    // The screen's words, in order, each answer by the word beside its picture; not the buttons' pictures.
    expect(utterance.text).toBe(`${t.checkin.questionOf(1, 5)}. ${Q['said-what-wanted']} No. A bit. Yes. ${t.checkin.back}. ${t.checkin.next}.`);
    expect(utterance.voice.lang).toBe('en-GB');
    expect(screen.getByRole('button', { name: t.checkin.reading })).toBeTruthy();
  });

  it('reads "Who are you?" without one name of who is still to check in, and a name only from its own "Hear name"', async () => {
    const speak = stubSpeech();
    const spoken = () => (speak.mock.calls.at(-1)![0] as { text: string }).text;
    // The device finished speaking: the button reads "Read it to me" again.
    const finished = () => act(() => (speak.mock.calls.at(-1)![0] as { onend: () => void }).onend());
    const names = ['Aoife Byrne', 'Dr Sam Patel'];
    render(<CheckInScreen meetingId="meeting-1" />);
    fireEvent.click(await screen.findByRole('button', { name: t.checkin.startMine }));
    await heading(t.checkin.whoTitle);
    // Both names are on the screen: leaving them out of what is read is a choice, not an accident.
    for (const name of names) expect(screen.getByRole('radio', { name })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t.checkin.readToMe }));
    expect(spoken()).toBe(`${t.checkin.whoTitle} ${t.checkin.whoHint} ${t.checkin.whoHearHint} ${t.checkin.ratherNotSay}. ${t.checkin.back}. ${t.checkin.next}.`);
    finished();
    // Read out, the list would tell the room who has not answered yet: no name, before a pick or after.
    fireEvent.click(screen.getByRole('radio', { name: 'Dr Sam Patel' }));
    fireEvent.click(screen.getByRole('button', { name: t.checkin.readToMe }));
    expect(spoken()).toContain(t.checkin.nameToAnswers);
    for (const name of names) expect(spoken()).not.toContain(name);
    // A person asks to hear one name, and hears that name alone.
    fireEvent.click(screen.getByRole('button', { name: t.checkin.hearNameOf('Aoife Byrne') }));
    expect(spoken()).toBe('Aoife Byrne');
    expect(speak).toHaveBeenCalledTimes(3);
  });

  it('says so when the device has no speech at all', async () => {
    vi.stubGlobal('speechSynthesis', undefined);
    await toFirstQuestion();
    const button = screen.getByRole('button', { name: t.checkin.noVoice });
    expect(button.getAttribute('aria-disabled')).toBe('true');
  });

  it('says so when speech exists but no voice is installed', async () => {
    const speak = vi.fn();
    vi.stubGlobal('speechSynthesis', { getVoices: () => [], speak, cancel: vi.fn() });
    await toFirstQuestion();
    fireEvent.click(screen.getByRole('button', { name: t.checkin.readToMe }));
    expect(await screen.findByRole('button', { name: t.checkin.noVoice })).toBeTruthy();
    expect(speak).not.toHaveBeenCalled();
  });
});

describe('passing the tablet on', () => {
  it('asks for a name or contact for a one-to-one, saves on reaching Thank you and leaves nothing for the next person', async () => {
    render(<CheckInScreen meetingId="meeting-1" />);
    fireEvent.click(await screen.findByRole('button', { name: t.checkin.startMine }));
    await heading(t.checkin.whoTitle);
    fireEvent.click(screen.getByRole('radio', { name: 'Aoife Byrne' }));
    next();
    await heading(Q['said-what-wanted']!);
    pick(Q['said-what-wanted']!, 'A bit');
    await toOneToOne('I was talked over');
    const saveMine = () => fireEvent.click(screen.getByRole('button', { name: t.checkin.saveAnswers }));
    fireEvent.click(screen.getByRole('radio', { name: t.checkin.oneToOneYes }));
    const contact = screen.getByRole('textbox', { name: t.checkin.contact }) as HTMLInputElement;
    // Prefilled with the name they picked; emptying it is refused.
    expect(contact.value).toBe('Aoife Byrne');
    fireEvent.input(contact, { target: { value: ' ' } });
    saveMine();
    expect(await screen.findByRole('link', { name: t.checkin.contactEmpty })).toBeTruthy();
    expect(await db().checkinAnswers.count()).toBe(0);
    fireEvent.input(contact, { target: { value: 'Aoife, after 5pm' } });
    saveMine();
    await heading(t.checkin.doneTitle);
    // Saved as "Thank you" shows; and "Thank you" has no way back to them.
    expect(await db().checkinAnswers.count()).toBe(1);
    expect(screen.queryByRole('button', { name: t.checkin.back })).toBeNull();
    for (const trace of ['I was talked over', 'Aoife, after 5pm', 'Aoife Byrne']) expect(document.body.textContent).not.toContain(trace);
    fireEvent.click(screen.getByRole('button', { name: t.checkin.done }));
    await heading(t.checkin.passTitle);

    for (const trace of ['I was talked over', 'Aoife, after 5pm', 'A bit']) expect(document.body.textContent).not.toContain(trace);
    const results = await getCheckInResults('meeting-1');
    expect(results!.answers).toHaveLength(1);
    expect(results!.answers[0]).not.toHaveProperty('personId');
    expect(results!.oneToOnes.map((o) => o.contact)).toEqual(['Aoife, after 5pm']);
    // The next person starts clean, and Aoife is no longer offered.
    fireEvent.click(screen.getByRole('button', { name: t.checkin.startMine }));
    await heading(t.checkin.whoTitle);
    await waitFor(() => expect(screen.queryByRole('radio', { name: 'Aoife Byrne' })).toBeNull());
    // Anonymous by default: only "I'd rather not say" is chosen until they pick a name.
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked).map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([t.checkin.ratherNotSay]);
    expect(screen.queryByRole('checkbox', { name: t.checkin.nameToAnswers })).toBeNull();
  });

  it('takes skipping the one-to-one question as "no", with no problem shown', async () => {
    await toFirstQuestion();
    await toOneToOne('Skipped the last one');
    fireEvent.click(screen.getByRole('button', { name: t.checkin.saveAnswers }));
    await heading(t.checkin.doneTitle);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await db().checkinAnswers.count()).toBe(1);
    expect(await db().oneToOnes.count()).toBe(0);
  });

  it('clears "Thank you" by itself after 30 seconds without a touch, the answers saved', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await toFirstQuestion();
    await toOneToOne('Walked off after saving');
    fireEvent.click(screen.getByRole('radio', { name: t.checkin.oneToOneNo }));
    fireEvent.click(screen.getByRole('button', { name: t.checkin.saveAnswers }));
    await heading(t.checkin.doneTitle);
    // Preact starts a screen's effects (here its watch on touches and the clock) after the next frame, at most 35 ms: let that pass before time moves.
    await new Promise((done) => setTimeout(done, 100));
    clock += THANKS_MS - 1000;
    vi.advanceTimersByTime(1000);
    expect(screen.getByRole('heading', { level: 1, name: t.checkin.doneTitle })).toBeTruthy();
    clock += 1000;
    vi.advanceTimersByTime(1000);
    await heading(t.checkin.passTitle);
    expect(JSON.stringify(await db().checkinAnswers.toArray())).toContain('Walked off after saving');
  });

  it('asks "Are you still there?" after 2 idle minutes, then clears unfinished answers', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await toFirstQuestion();
    pick(Q['said-what-wanted']!, 'Yes');
    clock += IDLE_MS - 1000;
    vi.advanceTimersByTime(1000);
    expect(screen.queryByRole('heading', { name: t.checkin.stillThereTitle })).toBeNull();
    clock += 1000;
    vi.advanceTimersByTime(1000);
    await heading(t.checkin.stillThereTitle);
    // Still here: back to the same question, answer kept.
    fireEvent.click(screen.getByRole('button', { name: t.checkin.stillHere }));
    await heading(Q['said-what-wanted']!);
    expect((within(screen.getByRole('radiogroup', { name: Q['said-what-wanted'] })).getByRole('radio', { name: 'Yes' }) as HTMLInputElement).checked).toBe(true);
    clock += IDLE_MS;
    vi.advanceTimersByTime(1000);
    await heading(t.checkin.stillThereTitle);
    clock += STILL_THERE_MS;
    vi.advanceTimersByTime(1000);
    await heading(t.checkin.passTitle);
    expect(await db().checkinAnswers.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: t.checkin.startMine }));
    await heading(t.checkin.whoTitle);
    next();
    await heading(Q['said-what-wanted']!);
    expect(within(screen.getByRole('radiogroup', { name: Q['said-what-wanted'] })).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
  });
});

describe('the chair’s PIN', () => {
  async function openUnlock() {
    render(<CheckInScreen meetingId="meeting-1" />);
    fireEvent.click(await screen.findByRole('button', { name: t.checkin.chairFinish }));
    await heading(t.checkin.unlockTitle);
  }
  async function tryPin(pin: string) {
    fireEvent.input(screen.getByLabelText(t.checkin.pin), { target: { value: pin } });
    fireEvent.click(screen.getByRole('button', { name: t.checkin.unlock }));
  }

  it('refuses a wrong PIN, then waits after the fifth, counted from the stored tries', async () => {
    await openUnlock();
    for (let i = 1; i <= 5; i++) {
      clock += 1000;
      await tryPin('1111');
      await waitFor(async () => expect((await readLock())!.wrongPinAt).toHaveLength(i));
    }
    expect(await screen.findByText(t.checkin.waitFor('30 seconds'))).toBeTruthy();
    expect((screen.getByLabelText(t.checkin.pin) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: t.checkin.unlock }) as HTMLButtonElement).disabled).toBe(true);
    expect(await readLock()).not.toBeNull();
  });

  it('opens the chair’s view with the right PIN', async () => {
    await openUnlock();
    await tryPin('2468');
    await heading(t.checkin.resultsTitle);
    expect(await readLock()).toBeNull();
    expect(screen.getByText(t.checkin.noAnswers)).toBeTruthy();
  });

  async function endForgotten(secret: string) {
    const lock = (await readLock())!;
    await finishMyCheckIn(
      { personId: null, nameToAnswers: false, responses: { 'default-listened-to': { kind: 'choice', value: 'no' }, 'default-anything-else': { kind: 'text', value: secret } }, oneToOneContact: null },
      lock,
    );
    await openUnlock();
    // What will happen is said before anything does.
    for (const line of t.checkin.forgotWhat) expect(screen.getByText(line)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t.checkin.endWithoutPin }));
    fireEvent.click(screen.getByRole('button', { name: t.checkin.confirmEnd }));
    await heading(t.checkin.resultsTitle);
    await screen.findByRole('heading', { name: t.checkin.sealedTitle });
    expect(await readLock()).toBeNull();
  }

  it('lets a forgotten PIN end the check-in with the words sealed, and the chair PIN opens them', async () => {
    const secret = 'my manager bullies me';
    await endForgotten(secret);
    expect(screen.getByText(t.checkin.sealedCounts({ written: 1, named: 0, oneToOnes: 0, glossary: 0 }))).toBeTruthy();
    expect(document.body.textContent).not.toContain(secret);
    // The counts stay.
    expect(screen.getByText(t.checkin.checkedIn(1))).toBeTruthy();
    const openWith = (pin: string) => {
      fireEvent.input(screen.getByLabelText(t.checkin.sealedPin), { target: { value: pin } });
      fireEvent.click(screen.getByRole('button', { name: t.checkin.openSealed }));
    };
    openWith('1357');
    expect(await screen.findByRole('link', { name: t.checkin.pinProblems.wrong })).toBeTruthy();
    expect(document.body.textContent).not.toContain(secret);
    openWith('2468');
    expect(await screen.findByText(secret)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(t.checkin.sealedOpened);
    expect(screen.queryByRole('heading', { name: t.checkin.sealedTitle })).toBeNull();
  });

  it('deletes the sealed words only once DELETE is typed', async () => {
    await endForgotten('quiet words');
    fireEvent.click(screen.getByRole('button', { name: t.checkin.deleteSealedStart }));
    fireEvent.input(screen.getByLabelText(t.checkin.deleteSealedWords.label), { target: { value: 'delte' } });
    fireEvent.click(screen.getByRole('button', { name: t.checkin.deleteSealedWords.submit }));
    expect(await screen.findByRole('link', { name: t.checkin.deleteSealedWords.mismatch('DELETE') })).toBeTruthy();
    expect(await db().sealedCheckIns.count()).toBe(1);
    fireEvent.input(screen.getByLabelText(t.checkin.deleteSealedWords.label), { target: { value: 'DELETE' } });
    fireEvent.click(screen.getByRole('button', { name: t.checkin.deleteSealedWords.submit }));
    expect(await screen.findByText(t.checkin.sealedDeleted)).toBeTruthy();
    expect(await db().sealedCheckIns.count()).toBe(0);
    expect(screen.getByText(t.checkin.checkedIn(1))).toBeTruthy();
  });
});
