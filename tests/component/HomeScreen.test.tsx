import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addGroup, getGroupDetail, listGroups } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { localMoment } from '../../src/domain/meeting-schedule';
import { setClockForTests } from '../../src/state/clock';
import { routeStore, startRouter } from '../../src/ui/routes';
import { HomeScreen } from '../../src/ui/screens/HomeScreen';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

let stopRouter: () => void = () => {};
beforeEach(() => {
  history.replaceState(null, '', '#/');
  stopRouter = startRouter();
  setClockForTests(() => localMoment('2030-03-14', '12:00'));
});
afterEach(() => {
  stopRouter();
  setClockForTests(null);
});

describe('HomeScreen, first run', () => {
  it('offers a new group and a sample group', async () => {
    render(<HomeScreen />);
    expect((await screen.findByRole('link', { name: 'New group' })).getAttribute('href')).toBe('#/groups/new');
    expect(screen.getByRole('button', { name: 'Try a sample group' })).toBeTruthy();
  });

  it('stores a sample group and opens it when the sample button is pressed', async () => {
    render(<HomeScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Try a sample group' }));

    await waitFor(() => expect(routeStore.getState().route.name).toBe('group'));
    const groups = await listGroups();
    expect(groups).toHaveLength(1);
    const stored = groups[0]!.group;
    expect(stored.sample).toBe(true);
    expect(routeStore.getState().route).toEqual({ name: 'group', groupId: stored.id });
    expect((await getGroupDetail(stored.id))?.meetingCount).toBe(1);
  });
});

describe('HomeScreen, with a group', () => {
  beforeEach(async () => {
    await addGroup(makeGroup(), [makePerson({ id: 'p1' }), makePerson({ id: 'p2', name: 'Grace Doherty' }), makePerson({ id: 'p3', status: 'left' })]);
    await saveMeeting(makeMeeting({ id: 'next', title: 'Planning meeting', date: '2030-03-21', startsAt: localMoment('2030-03-21', '10:00') }), []);
    await saveMeeting(makeMeeting({ id: 'last', title: 'Kick-off meeting', date: '2030-03-07', startsAt: localMoment('2030-03-07', '10:00') }), []);
  });

  it('shows upcoming meetings, groups and past meetings, each meeting with its own Open link', async () => {
    render(<HomeScreen />);
    const upcoming = await screen.findByRole('region', { name: 'Upcoming meetings' });
    const groups = screen.getByRole('region', { name: 'Groups' });
    const past = screen.getByRole('region', { name: 'Past meetings' });

    expect(within(upcoming).getByRole('link', { name: 'Open Planning meeting' }).getAttribute('href')).toBe('#/meetings/next');
    expect(within(past).getByRole('link', { name: 'Open Kick-off meeting' }).getAttribute('href')).toBe('#/meetings/last');
    // Each meeting is listed once, in the right section.
    expect(within(upcoming).queryByRole('link', { name: 'Open Kick-off meeting' })).toBeNull();
    expect(within(past).queryByRole('link', { name: 'Open Planning meeting' })).toBeNull();

    expect(within(groups).getByRole('link', { name: 'Hospital discharge workstream' }).getAttribute('href')).toBe('#/groups/group-1');
    expect(within(groups).getByText('2 people')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try a sample group' })).toBeNull();
  });

  it('shows a meeting added while the screen is open', async () => {
    render(<HomeScreen />);
    await screen.findByRole('region', { name: 'Upcoming meetings' });
    await saveMeeting(makeMeeting({ id: 'added', title: 'Follow-up', date: '2030-04-04', startsAt: localMoment('2030-04-04', '10:00') }), []);
    const upcoming = screen.getByRole('region', { name: 'Upcoming meetings' });
    expect(await within(upcoming).findByRole('link', { name: 'Open Follow-up' })).toBeTruthy();
  });
});
