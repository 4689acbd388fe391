import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/pwa/manifest.ts';
import pkg from './package.json' with { type: 'json' };

const version = [pkg.version, process.env.HEARD_BUILD_LABEL].filter(Boolean).join('+');

export default defineConfig({
  // Relative base so the build works from any path a venue's host serves it at.
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [
    preact(),
    VitePWA({
      // Prompt, never autoUpdate: an update must not reload a running meeting.
      registerType: 'prompt',
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      injectRegister: false,
      manifest,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // A first visit over HTTP/1.1 on a slow connection waits for each further file. So: everything
        // the first screen runs (libraries and Heard's own code) is the one entry file; whatever two or
        // more screens share is one 'screens' file; each screen's own code is its file. A screen
        // opened first thus needs two files after the entry, not the dozens of small shared pieces
        // automatic splitting makes. After that first visit every file comes from the service worker.
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            { name: 'screens', minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
