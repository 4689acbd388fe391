import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route, type RouteName } from '../../src/ui/routes';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { name: 'home' }],
    ['#', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/device', { name: 'device' }],
    ['#/groups/new', { name: 'new-group' }],
    ['#/groups/g-1', { name: 'group', groupId: 'g-1' }],
    ['#/groups/g-1/meetings/new', { name: 'new-group-meeting', groupId: 'g-1' }],
    ['#/meetings/new', { name: 'new-meeting' }],
    ['#/meetings/m-1', { name: 'meeting', meetingId: 'm-1' }],
    ['#/meetings/m-1/edit', { name: 'edit-meeting', meetingId: 'm-1' }],
    ['#/groups/a%2Fb%20c', { name: 'group', groupId: 'a/b c' }],
    ['#/groups/g-1/people/p-1', { name: 'person', groupId: 'g-1', personId: 'p-1' }],
    ['#/meetings/m-1/delete', { name: 'delete-meeting', meetingId: 'm-1' }],
    ['#/groups/g-1/delete', { name: 'delete-group', groupId: 'g-1' }],
    ['#/groups/g-1/retention', { name: 'retention', groupId: 'g-1' }],
    ['#/your-information', { name: 'your-information' }],
    ['#/app-lock', { name: 'app-lock' }],
  ])('%j is %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([
    '#/nowhere',
    '#/groups',
    '#/meetings',
    '#/device/extra',
    '#/groups/new/extra',
    '#/groups/g-1/extra',
    '#/groups/g-1/meetings',
    '#/groups/g-1/meetings/other',
    '#/groups/g-1/meetings/new/extra',
    '#/meetings/m-1/delete/extra',
    '#/groups/g-1/people',
    '#/meetings/m-1/edit/extra',
    '#/groups/%E0%A4%A', // malformed percent-encoding
    '#/meetings/%',
  ])('junk %j is not-found, never a crash', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'not-found' });
  });
});

describe('pathOf', () => {
  const awkwardIds = ['3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1b', 'a/b', 'two words', '100%', 'Seán’s', '#?&=', '..'];

  const routes: Route[] = [
    { name: 'home' },
    { name: 'new-group' },
    { name: 'device' },
    { name: 'new-meeting' },
    ...awkwardIds.flatMap((id): Route[] => [
      { name: 'group', groupId: id },
      { name: 'new-group-meeting', groupId: id },
      { name: 'meeting', meetingId: id },
      { name: 'edit-meeting', meetingId: id },
    ]),
  ];

  it.each(routes)('%j survives pathOf then parseRoute', (route) => {
    expect(parseRoute(pathOf(route))).toEqual(route);
  });

  it('writes hash paths, so every screen opens from the one cached page', () => {
    for (const route of routes) expect(pathOf(route)).toMatch(/^#\//);
  });

  // One of every screen (the type makes a new screen without an entry here a compile error):
  // each one's address reads back as the same route, with ids that need escaping.
  const id = 'a/b c%';
  const everyScreen: { [N in RouteName]: Extract<Route, { name: N }> } = {
    home: { name: 'home' },
    'new-group': { name: 'new-group' },
    group: { name: 'group', groupId: id },
    'new-meeting': { name: 'new-meeting' },
    'new-group-meeting': { name: 'new-group-meeting', groupId: id },
    meeting: { name: 'meeting', meetingId: id },
    'edit-meeting': { name: 'edit-meeting', meetingId: id },
    rules: { name: 'rules', groupId: id },
    'new-item': { name: 'new-item', meetingId: id },
    'edit-item': { name: 'edit-item', meetingId: id, itemId: 'new ' },
    run: { name: 'run', meetingId: id },
    register: { name: 'register', groupId: id },
    'you-said-we-did': { name: 'you-said-we-did', groupId: id },
    checkin: { name: 'checkin', meetingId: id },
    record: { name: 'record', meetingId: id },
    'group-review': { name: 'group-review', groupId: id },
    sync: { name: 'sync' },
    device: { name: 'device' },
    person: { name: 'person', groupId: id, personId: 'delete' },
    'delete-meeting': { name: 'delete-meeting', meetingId: id },
    'delete-group': { name: 'delete-group', groupId: id },
    retention: { name: 'retention', groupId: id },
    'your-information': { name: 'your-information' },
    'app-lock': { name: 'app-lock' },
    'not-found': { name: 'not-found' },
  };
  it.each(Object.values(everyScreen).filter((r) => r.name !== 'not-found'))('every screen: %j reads back from its address', (route) => {
    expect(parseRoute(pathOf(route))).toEqual(route);
  });

  it('prefers a literal segment to a parameter, whatever the order (groups/new is not a group)', () => {
    expect(parseRoute('#/groups/new')).toEqual({ name: 'new-group' });
    expect(parseRoute('#/meetings/m-1/items/new')).toEqual({ name: 'new-item', meetingId: 'm-1' });
    expect(parseRoute('#/meetings/m-1/items/new%20')).toEqual({ name: 'edit-item', meetingId: 'm-1', itemId: 'new ' });
  });

  it('sends not-found to the home path', () => {
    expect(pathOf({ name: 'not-found' })).toBe('#/');
  });
});
