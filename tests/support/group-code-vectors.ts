/**
 * Group ids and the short codes made from them, pinned: the office's printed reports and the
 * chair's tablet must keep naming a group alike, so a change to how a code is made must be seen.
 * Checked against the app's import (tests/unit) and the server's (server/test).
 */
export const GROUP_CODES: [groupId: string, code: string][] = [
  ['group-1', 'G-UE4MM'],
  ['grp-b', 'G-GDPAX'],
  ['grp-7c1e', 'G-E2N82'],
  ['6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d', 'G-URR8E'],
  ['Siobhán’s group', 'G-R5CS5'],
];
