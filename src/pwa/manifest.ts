import type { ManifestOptions } from 'vite-plugin-pwa';

export const THEME_COLOUR = '#1d4f91';

export const manifest: Partial<ManifestOptions> = {
  name: 'Heard',
  short_name: 'Heard',
  description: 'Run a co-produced meeting where everyone is heard, with or without a connection.',
  lang: 'en-GB',
  start_url: './',
  scope: './',
  display: 'standalone',
  orientation: 'any',
  theme_color: THEME_COLOUR,
  background_color: '#ffffff',
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
