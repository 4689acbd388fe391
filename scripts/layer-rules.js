// The layers of Heard's app code, lowest first. A module may import from its own layer and
// the layers below it, never above; `src/domain` also stays free of browser storage and UI
// libraries, and the app and the sync server never import each other, except that src/domain
// may use `server/src/shared/`: small pure functions (the CSV writer, a group's short code) that
// must give the same answer on the tablet and at the office, kept in one place.
const LAYERS = [
  { folder: 'domain', above: ['db', 'state', 'sync', 'pwa', 'ui'], packages: ['dexie', 'preact', 'preact/*', 'zustand', 'zustand/*', 'workbox-*'] },
  { folder: 'db', above: ['state', 'sync', 'pwa', 'ui'], packages: ['preact', 'preact/*', 'zustand', 'zustand/*'] },
  { folder: 'state', above: ['sync', 'pwa', 'ui'], packages: ['dexie'] },
  { folder: 'sync', above: ['pwa', 'ui'], packages: ['dexie', 'preact', 'preact/*'] },
  { folder: 'pwa', above: ['sync', 'ui'], packages: ['dexie'] },
  { folder: 'ui', above: [], packages: ['dexie'] },
];

/** One relative path into `folder` from anywhere under src/, however deep. */
const into = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

export const layerRules = [
  ...LAYERS.map(({ folder, above, packages }) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(above.length ? [{ regex: into(above), message: `src/${folder} sits below ${above.join(', ')}: move the code down, or pass what it needs in.` }] : []),
            {
              regex: folder === 'domain' ? '^(\\.\\./)+\\.\\./server(?!/src/shared/)(/|$)' : '^(\\.\\./)+\\.\\./server(/|$)',
              message: 'The app and the sync server share only server/src/shared/, and only src/domain imports it.',
            },
            { group: packages, message: `src/${folder} does not use this package: it belongs to another layer.` },
          ],
        },
      ],
    },
  })),
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./){2,}src(/|$)', message: 'The sync server shares no code with the app.' }] }],
    },
  },
];
