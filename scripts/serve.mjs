// `npm start`: serves the built app, starts the sync server (programme office) on its embedded
// database, and prints both addresses.
import { readFileSync } from 'node:fs';
import { startStaticServer, syncOriginsFrom } from './static-server.mjs';
import { startSyncServer } from '../server/dist/main.js';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const shownHost = host === '0.0.0.0' ? 'localhost' : host;
// With a certificate (PEM files), the app is served over HTTPS and HTTP/2: what a tablet needs to
// install Heard from this machine, as a service worker works only over HTTPS away from localhost.
const tls = readTls(process.env.HEARD_TLS_CERT, process.env.HEARD_TLS_KEY);
const appOrigin = `${tls ? 'https' : 'http'}://${shownHost}:${port}`;

function readTls(certPath, keyPath) {
  if (!certPath && !keyPath) return null;
  if (!certPath || !keyPath) {
    console.error('Set both HEARD_TLS_CERT and HEARD_TLS_KEY (PEM files) to serve over HTTPS, or neither.');
    process.exit(1);
  }
  try {
    return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
  } catch (error) {
    console.error(`Could not read the certificate or its key: ${error.message}`);
    process.exit(1);
  }
}

let sync = null;
try {
  sync = await startSyncServer({ HEARD_APP_ORIGIN: appOrigin, ...process.env });
} catch (error) {
  console.error(`The sync server did not start: ${error.message}`);
  console.error('Heard itself still works; summaries wait on the device until a server is there.');
}
const syncOrigin = sync ? new URL(sync.url).origin : null;
// The app's CSP lets it reach the sync server(s), and nothing else. HEARD_SYNC_ORIGIN lists the
// origins a chair may enter on the Sync screen (space- or comma-separated, e.g. the office's
// https://office.example.org); without it, only the local sync server started here.
const allowed = syncOriginsFrom(process.env.HEARD_SYNC_ORIGIN);
const connectSrc = allowed.length ? allowed : syncOrigin ? [syncOrigin] : [];
const app = await startStaticServer({ root: 'dist', port, host, connectSrc, tls });

console.log('');
console.log(`Heard is running at ${app.url}`);
console.log('Open it in Chromium, Chrome, Edge or Safari. Press Ctrl+C to stop.');
if (sync) {
  const where = sync.db.kind === 'pglite' ? `embedded database in ${sync.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log('');
  console.log(`Sync server (programme office) at ${sync.url} — office page: ${sync.url} — ${where}`);
  console.log('Make a device key for a tablet: npm run server -- key create "Community hall tablet"');
  console.log('and an office key to sign in to the office page: npm run server -- key create "Programme office" --role office');
}
console.log(`The app may send summaries to: ${connectSrc.join(' ') || 'no server (set HEARD_SYNC_ORIGIN)'}`);
console.log('');
const stop = () =>
  Promise.all([app.close(), sync?.close()]).then(
    () => process.exit(0),
    () => process.exit(1),
  );
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
