import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import type { MeetingState } from '../../src/domain/model';
import { updateStore } from '../../src/pwa/update';
import { UpdateBanner } from '../../src/ui/components/UpdateBanner';
import { makeGroup, makeMeeting } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

const initial = updateStore.getState();
let apply: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  apply = vi.fn<() => void>();
  updateStore.setState({ ready: false, offlineReady: false, apply }, true);
});
afterEach(() => {
  updateStore.setState(initial, true);
});

async function meetingIn(state: MeetingState) {
  await addGroup(makeGroup());
  await saveMeeting(makeMeeting({ state }), []);
}

describe('UpdateBanner', () => {
  it('shows nothing while no new version is waiting', async () => {
    await meetingIn('not-started');
    const { container } = render(<UpdateBanner />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.childElementCount).toBe(0);
    expect(screen.queryByText(/new version/i)).toBeNull();
  });

  it('appears when a new version becomes ready, and "Update now" applies it', async () => {
    await meetingIn('closed');
    render(<UpdateBanner />);
    act(() => updateStore.setState({ ready: true }));

    expect(await screen.findByRole('region', { name: 'A new version of Heard is ready.' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Update now' }));
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it.each<MeetingState>(['running', 'closing'])('waits, with no way to update, while a meeting is %s', async (state) => {
    updateStore.setState({ ready: true });
    await meetingIn('not-started');
    render(<UpdateBanner />);
    // First the offer is there: the database was read and no meeting is under way...
    await screen.findByRole('button', { name: 'Update now' });

    // ...then the meeting starts, and the offer is withdrawn until it is closed.
    await saveMeeting(makeMeeting({ state }), []);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Update now' })).toBeNull());
    expect(screen.getByText('A new version of Heard is ready. It will be offered when the meeting is closed.')).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();
  });

  it('waits when a meeting is already running as the page opens', async () => {
    updateStore.setState({ ready: true });
    await meetingIn('running');
    render(<UpdateBanner />);
    // These words are drawn from the live query's answer (a meeting is running): the same answer
    // decides the button, so only a change to the meeting could bring it now.
    await screen.findByText(/It will be offered when the meeting is closed/);
    expect(screen.queryByRole('button', { name: 'Update now' })).toBeNull();
  });
});
