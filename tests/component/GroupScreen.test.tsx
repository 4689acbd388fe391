import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { addGroup, getGroupDetail } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { GroupScreen } from '../../src/ui/screens/GroupScreen';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

async function openGroup() {
  render(<GroupScreen groupId="group-1" />);
  await screen.findByRole('heading', { level: 1, name: 'Hospital discharge workstream' });
}

function typeName(name: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: name } });
}

async function roster() {
  return ((await getGroupDetail('group-1'))?.people ?? []).map((p) => ({ name: p.name, perspectiveId: p.perspectiveId, status: p.status }));
}

describe('GroupScreen', () => {
  it('adds a person with the chosen perspective', async () => {
    await addGroup(makeGroup());
    await openGroup();

    typeName('  Grace   Doherty ');
    fireEvent.change(screen.getByRole('combobox', { name: 'Perspective' }), { target: { value: 'carer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));

    expect(await screen.findByRole('button', { name: 'Mark as left: Grace Doherty' })).toBeTruthy();
    expect(await roster()).toEqual([{ name: 'Grace Doherty', perspectiveId: 'carer', status: 'active' }]);
    // The form is ready for the next person.
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('');
  });

  it('warns about a name already in the group, then adds it on "Add anyway"', async () => {
    await addGroup(makeGroup(), [makePerson({ name: 'Aoife Byrne' })]);
    await openGroup();
    await screen.findByRole('button', { name: 'Mark as left: Aoife Byrne' });

    typeName('aoife BYRNE');
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));

    expect(await screen.findByText('There is already someone called “aoife BYRNE” in this group. Check it is a different person.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add person' })).toBeNull();
    // The warning alone stores nothing.
    expect(await roster()).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Add anyway' }));
    expect(await screen.findByRole('button', { name: 'Mark as left: aoife BYRNE' })).toBeTruthy();
    expect((await roster()).map((p) => p.name).sort()).toEqual(['Aoife Byrne', 'aoife BYRNE']);
    expect(screen.getByRole('button', { name: 'Add person' })).toBeTruthy();
  });

  it('marks a person as having left', async () => {
    await addGroup(makeGroup(), [makePerson({ name: 'Tom Reilly' })]);
    await openGroup();

    fireEvent.click(await screen.findByRole('button', { name: 'Mark as left: Tom Reilly' }));

    expect(await screen.findByRole('button', { name: 'Back in the group: Tom Reilly' })).toBeTruthy();
    expect(screen.getByText('Left the group')).toBeTruthy();
    expect(await roster()).toEqual([{ name: 'Tom Reilly', perspectiveId: 'lived', status: 'left' }]);
  });

  it('lets a person be removed while the group has no meetings', async () => {
    await addGroup(makeGroup(), [makePerson({ name: 'Tom Reilly' })]);
    await openGroup();

    fireEvent.click(await screen.findByRole('button', { name: 'Remove Tom Reilly' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark as left: Tom Reilly' })).toBeNull());
    expect(await roster()).toEqual([]);
  });

  it('offers no way to remove a person once the group has a meeting', async () => {
    await addGroup(makeGroup(), [makePerson({ name: 'Tom Reilly' })]);
    await saveMeeting(makeMeeting(), []);
    await openGroup();

    await screen.findByRole('button', { name: 'Mark as left: Tom Reilly' });
    expect(screen.queryByRole('button', { name: 'Remove Tom Reilly' })).toBeNull();
    expect(screen.getByText('This group has meetings, so nobody is removed: mark them as having left instead.')).toBeTruthy();
  });
});
