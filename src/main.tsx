import { render } from 'preact';
import { onVersionChange } from './db/connection';
import { recoverFromStaleChunks, startServiceWorker } from './pwa/update';
import { versionChangedStore } from './state/device';
import { startRouter } from './ui/routes';
import { App } from './ui/App';
import './ui/styles.css';

recoverFromStaleChunks();
onVersionChange((why) => versionChangedStore.setState({ mustReload: why }));
startRouter();
render(<App />, document.getElementById('app')!);
startServiceWorker();
