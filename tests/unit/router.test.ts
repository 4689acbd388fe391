import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route } from '../../src/state/router';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { name: 'home' }],
    ['#', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/device', { name: 'device' }],
    ['#/groups/new', { name: 'new-group' }],
    ['#/groups/g-1', { name: 'group', groupId: 'g-1' }],
    ['#/groups/g-1/meetings/new', { name: 'new-meeting', groupId: 'g-1' }],
    ['#/meetings/new', { name: 'new-meeting', groupId: null }],
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
    { name: 'new-meeting', groupId: null },
    ...awkwardIds.flatMap((id): Route[] => [
      { name: 'group', groupId: id },
      { name: 'new-meeting', groupId: id },
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

  it('sends not-found to the home path', () => {
    expect(pathOf({ name: 'not-found' })).toBe('#/');
  });
});
