// `npm start`: serves the built app and prints where to open it.
import { startStaticServer } from './static-server.mjs';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const app = await startStaticServer({ root: 'dist', port, host });
console.log('');
console.log(`Heard is running at ${app.url}`);
console.log('Open it in Chromium, Chrome, Edge or Safari. Press Ctrl+C to stop.');
console.log('');
const stop = () => app.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
