import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/pwa/manifest.ts';
import pkg from './package.json' with { type: 'json' };
// @ts-expect-error: a plain .mjs module without type declarations
import { metaContentSecurityPolicy, syncOriginsFrom } from './scripts/static-server.mjs';

const version = [pkg.version, process.env.HEARD_BUILD_LABEL].filter(Boolean).join('+');

export default defineConfig({
  // Relative base so the build works from any path a venue's host serves it at.
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [
    preact(),
    {
      // The Content Security Policy as a <meta>, for hosts that send no header
      // (scripts/static-server.mjs sends the header; see metaContentSecurityPolicy there). Build only:
      // Vite's dev server injects scripts a strict policy would stop.
      name: 'heard-csp-meta',
      apply: 'build',
      // Right after the charset, before anything the policy covers.
      transformIndexHtml: (html: string) =>
        html.replace(
          /<meta charset="utf-8" \/>/,
          (charset) =>
            `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy(syncOriginsFrom(process.env.HEARD_SYNC_ORIGIN))}" />`,
        ),
    },
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
