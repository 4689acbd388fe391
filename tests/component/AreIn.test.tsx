import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { putAgendaItems } from '../../src/db/agenda-repo';
import { getGroupReviews } from '../../src/db/arein-repo';
import { addGroup, getGroupDetail } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { getRunData } from '../../src/db/run-repo';
import type { AreInRole } from '../../src/domain/arein-model';
import { MeetingCoverage } from '../../src/ui/components/AreInCoverage';
import { GroupReviewScreen } from '../../src/ui/screens/GroupReviewScreen';
import { GroupScreen } from '../../src/ui/screens/GroupScreen';
import { MeetingScreen } from '../../src/ui/screens/MeetingScreen';
import { makeGroup, makeItem, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

const NO_AUTHORITY = 'Nobody in the group brings Authority, Resources, Expertise or Information. Who should be invited?';
const UNMARKED = 'No roles are marked yet. Tick what each person brings in the list of people, and Heard will say who is missing.';

const person = (name: string, areIn: AreInRole[], extra: Parameters<typeof makePerson>[0] = {}) =>
  makePerson({ id: name.split(' ')[0]!.toLowerCase(), name, areIn, ...extra });

function coverage() {
  return screen.getByRole('region', { name: 'Who is at the table' });
}

async function openGroup() {
  render(<GroupScreen groupId="group-1" />);
  await screen.findByRole('heading', { level: 1, name: 'Hospital discharge workstream' });
  return coverage();
}

describe('the roles each person brings', () => {
  it('ticks Authority for a person, stores it, and the warning clears', async () => {
    await addGroup(makeGroup(), [person('Aoife Byrne', ['need']), person('Deirdre Kelly', [], { perspectiveId: 'manager' })]);
    const section = await openGroup();
    expect(within(section).getByText(NO_AUTHORITY)).toBeTruthy();

    const deirdre = screen.getByRole('group', { name: 'What Deirdre Kelly brings' });
    const authority = within(deirdre).getByRole('checkbox', { name: 'Authority' }) as HTMLInputElement;
    expect(authority.checked).toBe(false);
    fireEvent.click(authority);
    fireEvent.click(within(deirdre).getByRole('checkbox', { name: 'Resources' }));

    await waitFor(() => expect(within(coverage()).queryByText(NO_AUTHORITY)).toBeNull());
    const stored = (await getGroupDetail('group-1'))!.people.find((p) => p.name === 'Deirdre Kelly');
    // Two quick ticks both land: the second does not overwrite the first.
    expect(stored?.areIn).toEqual(['authority', 'resources']);
    expect(stored?.perspectiveId).toBe('manager');
  });

  it('unticks a role and the warning comes back', async () => {
    await addGroup(makeGroup(), [person('Deirdre Kelly', ['authority', 'need'])]);
    await openGroup();
    fireEvent.click(within(screen.getByRole('group', { name: 'What Deirdre Kelly brings' })).getByRole('checkbox', { name: 'Authority' }));
    expect(await within(coverage()).findByText(NO_AUTHORITY)).toBeTruthy();
    expect((await getGroupDetail('group-1'))!.people[0]!.areIn).toEqual(['need']);
  });
});

describe('coverage on the group screen', () => {
  it('says who brings each of the five, with counts by perspective, and warns of what is missing', async () => {
    await addGroup(makeGroup(), [
      person('Aoife Byrne', ['need', 'expertise']),
      person('Tom Reilly', ['need'], { perspectiveId: 'staff' }),
      person('Deirdre Kelly', ['authority'], { perspectiveId: 'manager', status: 'left' }),
    ]);
    const section = await openGroup();

    // One line for every missing role, not one box each.
    expect(within(section).getByText('Nobody in the group brings Authority, Resources or Information. Who should be invited?')).toBeTruthy();
    expect(
      within(section).getByText(
        'Only two people bring Need (Aoife Byrne and Tom Reilly): few voices speak for everyone who will be affected. Who else could be invited?',
      ),
    ).toBeTruthy();
    // Deirdre has left: her Authority is not counted, nor is she.
    expect(within(section).queryByText(/Deirdre Kelly/)).toBeNull();
    expect(within(section).getByText('Aoife Byrne, Tom Reilly')).toBeTruthy();
    expect(within(section).getByText('Lived experience: 1, Staff: 1')).toBeTruthy();
    expect(within(section).getByRole('heading', { name: 'By perspective (2 people)' })).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Review how co-production is going' }).getAttribute('href')).toBe('#/groups/group-1/review');
  });

  it('warns when one person alone brings Need, and not when three do', async () => {
    await addGroup(makeGroup(), [person('Deirdre Kelly', ['authority', 'resources', 'expertise', 'information', 'need'])]);
    const section = await openGroup();
    expect(within(section).getByText(/^Only one person brings Need \(Deirdre Kelly\)/)).toBeTruthy();
    expect(within(section).queryByText(/^Nobody in the group/)).toBeNull();
  });

  // A first person added, or a group whose roles nobody has marked, gets one quiet line, not five warnings.
  it('says only that roles are not marked until any is, then what is missing', async () => {
    await addGroup(makeGroup(), [person('Aoife Byrne', []), person('Tom Reilly', [], { perspectiveId: 'carer' })]);
    const section = await openGroup();
    expect(within(section).getByText(UNMARKED)).toBeTruthy();
    expect(within(section).queryByText(/^Nobody in the group/)).toBeNull();

    fireEvent.click(within(screen.getByRole('group', { name: 'What Aoife Byrne brings' })).getByRole('checkbox', { name: 'Need' }));
    expect(await within(coverage()).findByText(NO_AUTHORITY)).toBeTruthy();
    expect(within(coverage()).queryByText(UNMARKED)).toBeNull();
  });

  it('says so when the group has nobody in it', async () => {
    await addGroup(makeGroup());
    const section = await openGroup();
    expect(within(section).getByText('Nobody is in the group yet.')).toBeTruthy();
  });
});

describe('coverage at a meeting', () => {
  async function openMeeting() {
    render(<MeetingScreen meetingId="meeting-1" />);
    await screen.findByRole('heading', { level: 1, name: 'Planning meeting' });
    return screen.getByRole('region', { name: 'Who is at the table today' });
  }

  it('says nobody with Authority is here today when that person is not expected, and flags items for decision', async () => {
    await addGroup(makeGroup(), [person('Aoife Byrne', ['need']), person('Deirdre Kelly', ['authority'])]);
    await saveMeeting(makeMeeting(), ['aoife']);
    await putAgendaItems([
      makeItem({ id: 'i1', title: 'Discharge letters', purpose: 'decision' }),
      makeItem({ id: 'i2', title: 'News', purpose: 'information', order: 1 }),
    ]);
    const section = await openMeeting();

    expect(within(section).queryByText(/Nobody here today brings Authority/)).toBeNull();
    expect(
      within(section).getByText(
        '“Discharge letters” is for decision, and nobody here today can act on it. Say so when you reach it, and record who will decide.',
      ),
    ).toBeTruthy();
  });

  it('has no such warning when the person with Authority is expected', async () => {
    await addGroup(makeGroup(), [person('Aoife Byrne', ['need']), person('Deirdre Kelly', ['authority'])]);
    await saveMeeting(makeMeeting(), ['aoife', 'deirdre']);
    await putAgendaItems([makeItem({ id: 'i1', title: 'Discharge letters', purpose: 'decision' })]);
    const section = await openMeeting();

    expect(within(section).getByText('Deirdre Kelly')).toBeTruthy();
    expect(within(section).getByText('Nobody here today brings Resources, Expertise or Information.')).toBeTruthy();
    expect(within(section).queryByText(/is for decision/)).toBeNull();
  });
});

describe('coverage at the start of a running meeting', () => {
  async function openRules(expected: string[]) {
    await addGroup(makeGroup(), [person('Aoife Byrne', ['need']), person('Deirdre Kelly', ['authority', 'resources', 'expertise', 'information'])]);
    await saveMeeting(makeMeeting(), expected);
    await putAgendaItems([makeItem({ id: 'i1', title: 'Discharge letters', purpose: 'decision' })]);
    const data = await getRunData('meeting-1');
    return render(<MeetingCoverage data={data!} compact />);
  }

  it('shows only what is missing today for the items being decided', async () => {
    await openRules(['aoife']);
    const section = screen.getByRole('region', { name: 'Who is at the table today' });
    expect(within(section).getByText(/^“Discharge letters” is for decision, and nobody here today can act on it/)).toBeTruthy();
    expect(within(section).getByText('Nobody here today brings Resources, Expertise or Information.')).toBeTruthy();
    expect(within(section).getByText('Only one person here today brings Need (Aoife Byrne).')).toBeTruthy();
    // Compact: no list of who brings what.
    expect(within(section).queryByText('Nobody yet')).toBeNull();
  });

  it('shows nothing when nothing on the agenda is for decision, whatever is missing', async () => {
    await addGroup(makeGroup(), [person('Aoife Byrne', ['need'])]);
    await saveMeeting(makeMeeting(), ['aoife']);
    await putAgendaItems([makeItem({ id: 'i1', title: 'News', purpose: 'information' })]);
    const { container } = render(<MeetingCoverage data={(await getRunData('meeting-1'))!} compact />);
    expect(container.innerHTML).toBe('');
  });

  it('shows nothing at all when every role is here and Need is not thin', async () => {
    await addGroup(makeGroup(), [
      person('Aoife Byrne', ['need']),
      person('Tom Reilly', ['need']),
      person('Cara Quinn', ['need']),
      person('Deirdre Kelly', ['authority', 'resources', 'expertise', 'information']),
    ]);
    await saveMeeting(makeMeeting(), ['aoife', 'tom', 'cara', 'deirdre']);
    await putAgendaItems([makeItem({ id: 'i1', title: 'Discharge letters', purpose: 'decision' })]);
    const { container } = render(<MeetingCoverage data={(await getRunData('meeting-1'))!} compact />);
    expect(container.innerHTML).toBe('');
  });
});

describe('the group review', () => {
  async function openReview() {
    render(<GroupReviewScreen groupId="group-1" />);
    await screen.findByRole('heading', { level: 1, name: 'Review how co-production is going' });
  }

  it('refuses an empty review with an error summary that links to the first question', async () => {
    await addGroup(makeGroup());
    await openReview();
    expect(screen.getByText('No reviews yet.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save review' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const link = within(summary).getByRole('link', { name: 'Answer at least one question, or rate or comment on at least one principle' });
    expect(link.getAttribute('href')).toBe('#review-howMuch');
    expect(screen.getByRole('textbox', { name: /How much did we do\?/ }).getAttribute('aria-invalid')).toBe('true');
    expect((await getGroupReviews('group-1'))!.reviews).toEqual([]);
  });

  it('refuses a date that is not a real day', async () => {
    await addGroup(makeGroup());
    await openReview();
    fireEvent.input(screen.getByLabelText(/Date of the review/), { target: { value: '' } });
    fireEvent.input(screen.getByRole('textbox', { name: /How much did we do\?/ }), { target: { value: 'Four meetings.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save review' }));
    expect(within(await screen.findByRole('alert')).getByRole('link', { name: 'Enter the date of the review' })).toBeTruthy();
  });

  it('saves a review with words and ratings, lists it, and lets the group change it', async () => {
    await addGroup(makeGroup());
    await openReview();

    fireEvent.input(screen.getByLabelText(/Date of the review/), { target: { value: '2030-03-14' } });
    fireEvent.input(screen.getByRole('textbox', { name: /How much did we do\?/ }), { target: { value: 'Four meetings, nine people.' } });
    fireEvent.input(screen.getByRole('textbox', { name: /Is anyone better off\?/ }), { target: { value: 'Carers get letters on time.' } });
    const valuing = screen.getByRole('group', { name: 'Valuing people' });
    // Every point of the scale has words, not a number alone.
    expect(within(valuing).getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual([
      'Not at all',
      'A little',
      'Partly',
      'Well',
      'Very well',
      'Not rated',
    ]);
    expect((within(valuing).getByRole('radio', { name: 'Not rated' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(valuing).getByRole('radio', { name: 'Well' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Reciprocal recognition' })).getByRole('radio', { name: 'A little' }));
    fireEvent.input(screen.getByRole('textbox', { name: /Comment on reciprocal recognition/ }), { target: { value: 'Expenses are slow.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save review' }));

    expect(await screen.findByText('Review saved.')).toBeTruthy();
    const past = screen.getByRole('region', { name: 'Past reviews' });
    expect(await within(past).findByRole('heading', { name: 'Review of Thu 14 Mar 2030' })).toBeTruthy();
    expect(within(past).getByText('Four meetings, nine people.')).toBeTruthy();
    expect(within(past).getByText('Not answered')).toBeTruthy();
    const stored = (await getGroupReviews('group-1'))!.reviews;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      date: '2030-03-14',
      howMuch: 'Four meetings, nine people.',
      howWell: '',
      betterOff: 'Carers get letters on time.',
      principles: {
        'valuing-people': { rating: 4, comment: '' },
        'reciprocal-recognition': { rating: 2, comment: 'Expenses are slow.' },
        'building-capacity': { rating: null, comment: '' },
      },
    });
    // The form is empty again, for the next review.
    expect((screen.getByRole('textbox', { name: /How much did we do\?/ }) as HTMLTextAreaElement).value).toBe('');

    fireEvent.click(within(past).getByRole('button', { name: 'Edit the review of Thu 14 Mar 2030' }));
    expect(await screen.findByRole('heading', { name: 'Change the review of Thu 14 Mar 2030' })).toBeTruthy();
    const howWell = screen.getByRole('textbox', { name: /How well did we do it\?/ });
    fireEvent.input(howWell, { target: { value: 'Better than last time.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(async () => expect((await getGroupReviews('group-1'))!.reviews[0]!.howWell).toBe('Better than last time.'));
    const after = (await getGroupReviews('group-1'))!.reviews;
    // Changing a review replaces it: one review, first written when it was.
    expect(after).toHaveLength(1);
    expect(after[0]!.createdAt).toBe(stored[0]!.createdAt);
    expect(after[0]!.principles['valuing-people'].rating).toBe(4);
    expect(await within(past).findByText('Better than last time.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'A new review' })).toBeTruthy();
  });

  it('records which meeting a review was held at', async () => {
    await addGroup(makeGroup());
    await saveMeeting(makeMeeting(), []);
    await openReview();
    fireEvent.change(screen.getByRole('combobox', { name: /Held at a meeting/ }), { target: { value: 'meeting-1' } });
    fireEvent.click(within(screen.getByRole('group', { name: 'Building capacity' })).getByRole('radio', { name: 'Not at all' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save review' }));

    expect(await screen.findByText('At the meeting “Planning meeting”')).toBeTruthy();
    const [stored] = (await getGroupReviews('group-1'))!.reviews;
    expect(stored).toMatchObject({ meetingId: 'meeting-1', principles: { 'building-capacity': { rating: 1, comment: '' } } });
  });

  it('lists past reviews newest first', async () => {
    await addGroup(makeGroup());
    const { putGroupReview } = await import('../../src/db/arein-repo');
    const { emptyReviewDraft, makeReview } = await import('../../src/domain/arein');
    await putGroupReview(makeReview({ id: 'a', groupId: 'group-1', draft: { ...emptyReviewDraft('2030-01-09'), howMuch: 'First' }, at: 1 }));
    await putGroupReview(makeReview({ id: 'b', groupId: 'group-1', draft: { ...emptyReviewDraft('2030-05-02'), howMuch: 'Second' }, at: 2 }));
    await openReview();
    const past = screen.getByRole('region', { name: 'Past reviews' });
    await within(past).findByText('First');
    expect(within(past).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Review of Thu 2 May 2030', 'Review of Wed 9 Jan 2030']);
  });
});
