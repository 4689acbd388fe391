import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addGroup } from '../../src/db/groups-repo';
import { listMeetings } from '../../src/db/meeting-list';
import { getMeetingDetail } from '../../src/db/meetings-repo';
import { localMoment } from '../../src/domain/meeting-schedule';
import { setClockForTests } from '../../src/state/clock';
import { routeStore } from '../../src/ui/routes';
import { NewMeetingScreen } from '../../src/ui/screens/MeetingFormScreen';
import { makeGroup, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

beforeEach(async () => {
  history.replaceState(null, '', '#/groups/group-1/meetings/new');
  routeStore.setState({ route: { name: 'new-group-meeting', groupId: 'group-1' } }, true);
  setClockForTests(() => localMoment('2030-03-01', '09:00'));
  await addGroup(makeGroup(), [
    makePerson({ id: 'p-aoife', name: 'Aoife Byrne' }),
    makePerson({ id: 'p-grace', name: 'Grace Doherty', perspectiveId: 'carer' }),
    makePerson({ id: 'p-tom', name: 'Tom Reilly', perspectiveId: 'carer' }),
    makePerson({ id: 'p-left', name: 'Priya Shah', status: 'left' }),
  ]);
});
afterEach(() => setClockForTests(null));

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label, { exact: false }), { target: { value } });
}

async function openForm() {
  render(<NewMeetingScreen groupId="group-1" />);
  await screen.findByRole('textbox', { name: 'Meeting title' });
}

describe('NewMeetingScreen', () => {
  it('refuses an end time before the start time, saving nothing', async () => {
    await openForm();
    fill('Meeting title', 'Planning meeting');
    fill('Start time', '14:00');
    fill('End time', '13:30');
    fireEvent.click(screen.getByRole('button', { name: 'Create meeting' }));

    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain('The end time must be after the start time');
    expect(screen.getByLabelText('End time').getAttribute('aria-invalid')).toBe('true');
    // The same form, put right and sent again: once that meeting is stored, it is the only one.
    fill('End time', '15:30');
    fireEvent.click(screen.getByRole('button', { name: 'Create meeting' }));
    await waitFor(async () => expect(await listMeetings()).toHaveLength(1));
  });

  it('offers only people still in the group, all ticked to begin with', async () => {
    await openForm();
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    for (const name of ['Aoife Byrne', 'Grace Doherty', 'Tom Reilly']) {
      expect((screen.getByRole('checkbox', { name }) as HTMLInputElement).checked).toBe(true);
    }
    expect(screen.queryByRole('checkbox', { name: 'Priya Shah' })).toBeNull();
  });

  it('creates the meeting with the people left ticked as expected, and opens it', async () => {
    await openForm();
    fill('Meeting title', '  Planning   meeting ');
    fill('Date', '2030-03-14');
    fill('Start time', '10:00');
    fill('End time', '12:30');
    fill('Venue', 'St Columba’s church hall');
    fireEvent.change(screen.getByRole('combobox', { name: 'Chair' }), { target: { value: 'p-grace' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tom Reilly' }));
    expect((screen.getByRole('checkbox', { name: 'Tom Reilly' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Create meeting' }));

    await waitFor(() => expect(routeStore.getState().route.name).toBe('meeting'));
    const route = routeStore.getState().route;
    if (route.name !== 'meeting') throw new Error('expected the meeting route');
    const detail = await getMeetingDetail(route.meetingId);
    expect(detail?.meeting).toMatchObject({
      groupId: 'group-1',
      title: 'Planning meeting',
      date: '2030-03-14',
      startTime: '10:00',
      endTime: '12:30',
      startsAt: localMoment('2030-03-14', '10:00'),
      venue: 'St Columba’s church hall',
      chairId: 'p-grace',
      state: 'not-started',
    });
    expect(detail?.attendees.filter((a) => a.expected).map((a) => a.personId).sort()).toEqual(['p-aoife', 'p-grace']);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
