import { render } from 'preact';
import { onVersionChange } from './db/connection';
import { recoverFromStaleChunks, startServiceWorker } from './pwa/update';
import { versionChangedStore } from './state/device';
import { startRouter } from './ui/routes';
import { App } from './ui/App';
import { chooseLocale, loadLocale } from './ui/strings/locale';
import './ui/styles.css';

function start() {
  startRouter();
  render(<App />, document.getElementById('app')!);
  startServiceWorker();
}

recoverFromStaleChunks();
onVersionChange((why) => versionChangedStore.setState({ mustReload: why }));
const locale = chooseLocale(location.search, navigator.languages);
if (locale === 'en-GB') start();
else
  // Another locale's words are fetched before the first screen is drawn; if they cannot be, Heard opens in en-GB.
  void loadLocale(locale).then(
    () => ((document.documentElement.lang = locale), start()),
    start,
  );
