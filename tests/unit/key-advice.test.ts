import { describe, expect, it } from 'vitest';
import { APP_ADDRESS_FIELD, APP_KEY_FIELD, APP_SENDING_SCREEN, APP_SERVER_PART, keyAdvice } from '../../server/src/key-advice.ts';
import { t } from '../../src/ui/strings/all';

/**
 * The server's key tool tells the chair where to paste a new device key. Its words must be the
 * app's own: a renamed screen or field here fails this test, not a chair looking for it.
 */
describe('the key tool names the tablet’s screen and fields as Heard does', () => {
  it.each([
    ['the sending screen’s title', APP_SENDING_SCREEN, t.sync.title],
    ['the link to it in every screen’s frame', APP_SENDING_SCREEN, t.syncStatus.link],
    ['the part of that screen', APP_SERVER_PART, t.sync.settingsTitle],
    ['the address field', APP_ADDRESS_FIELD, t.sync.serverUrl],
    ['the key field', APP_KEY_FIELD, t.sync.deviceKey],
  ])('%s', (_what, server, app) => {
    expect(server).toBe(app);
  });

  it('a device key’s advice names the screen, both fields and the Save button', () => {
    const said = keyAdvice('device').join(' ');
    for (const words of [`“${t.sync.title}”`, `“${t.sync.serverUrl}”`, `“${t.sync.deviceKey}”`, `choose ${t.sync.save}`]) expect(said).toContain(words);
  });
});
