import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { listGroups } from '../../src/db/groups-repo';
import { DEFAULT_PERSPECTIVES } from '../../src/domain/perspectives';
import { routeStore } from '../../src/ui/routes';
import { saveStatusStore } from '../../src/state/save-status';
import { SaveStatusBar } from '../../src/ui/components/SaveStatusBar';
import { GroupScreen } from '../../src/ui/screens/GroupScreen';
import { NewGroupScreen } from '../../src/ui/screens/NewGroupScreen';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

beforeEach(() => {
  history.replaceState(null, '', '#/groups/new');
  routeStore.setState({ route: { name: 'new-group' } }, true);
  saveStatusStore.setState({ phase: 'idle' }, true);
});

function submitName(name: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'Group name' }), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: 'Create group' }));
}

/**
 * The same form, given a good name and sent again: once that group is
 * stored it must be the only one, so a refused send that had saved anything
 * after all would show here.
 */
async function thenOnlyTheGoodOneIsSaved() {
  submitName('Carers’ support workstream');
  await waitFor(async () => expect((await listGroups()).map((g) => g.group.name)).toEqual(['Carers’ support workstream']), { timeout: 5000 });
}

describe('NewGroupScreen', () => {
  it.each(['', '   ', '\n\t '])('refuses the blank name %j with a summary, an inline error, and nothing saved', async (name) => {
    render(<NewGroupScreen />);
    submitName(name);

    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(screen.getByRole('link', { name: 'Enter group name' }).closest('[role="alert"]')).toBe(summary);
    // The field itself carries the message, for a screen reader landing on it.
    const field = screen.getByRole('textbox', { name: 'Group name', description: /Error:\s*Enter group name/ });
    expect(field.getAttribute('aria-invalid')).toBe('true');

    expect(routeStore.getState().route).toEqual({ name: 'new-group' });
    await thenOnlyTheGoodOneIsSaved();
  }, 15_000);

  it('refuses an 81-character name as too long', async () => {
    render(<NewGroupScreen />);
    submitName('a'.repeat(81));

    await screen.findByRole('alert', { name: 'There is a problem' });
    expect(screen.getByRole('link', { name: 'Group name must be 80 characters or fewer' })).toBeTruthy();
    await thenOnlyTheGoodOneIsSaved();
  }, 15_000);

  it('accepts an 80-character name', async () => {
    render(<NewGroupScreen />);
    submitName('a'.repeat(80));
    await waitFor(async () => expect((await listGroups()).map((g) => g.group.name)).toEqual(['a'.repeat(80)]));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves a tidied name with the six default perspectives, says it is saved, and opens the group', async () => {
    render(
      <>
        <SaveStatusBar />
        <NewGroupScreen />
      </>,
    );
    submitName('  Hospital   discharge workstream ');

    expect(await screen.findByText(/Saved on this device/)).toBeTruthy();
    const groups = await listGroups();
    expect(groups).toHaveLength(1);
    const group = groups[0]!.group;
    expect(group.name).toBe('Hospital discharge workstream');
    expect(group.sample).toBe(false);
    expect(group.perspectives).toEqual(DEFAULT_PERSPECTIVES);
    expect(routeStore.getState().route).toEqual({ name: 'group', groupId: group.id });
  });

  it('keeps HTML in a name as text, both when saved and when shown', async () => {
    const name = '<img src=x onerror=alert("pwned")> Carers <b>group</b>';
    const { unmount } = render(<NewGroupScreen />);
    submitName(name);
    await waitFor(() => expect(routeStore.getState().route.name).toBe('group'));
    unmount();

    const route = routeStore.getState().route;
    if (route.name !== 'group') throw new Error('expected the group route');
    const { container } = render(<GroupScreen groupId={route.groupId} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(name);
    expect(container.querySelector('img, b')).toBeNull();
    expect((await listGroups())[0]?.group.name).toBe(name);
  });
});
