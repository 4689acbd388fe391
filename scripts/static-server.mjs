// Serves the built app: the one web server `npm start` and the browser tests use.
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content Security Policy Heard is served with. `connectSrc` adds the sync
 * server's origin when one is configured; nothing else may be reached.
 */
export function contentSecurityPolicy(connectSrc = []) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${connectSrc.join(' ')}`.trim(),
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The origins in HEARD_SYNC_ORIGIN (space- or comma-separated), each checked as a web address;
 * one that is not is said on the console and left out.
 */
export function syncOriginsFrom(text = '') {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((origin) => {
      try {
        return new URL(origin).origin;
      } catch {
        console.error(`HEARD_SYNC_ORIGIN: "${origin}" is not a web address; left out.`);
        return null;
      }
    })
    .filter(Boolean);
}

/**
 * The policy index.html carries as a <meta>, for a host that sends no header: the same directives,
 * but frame-ancestors, which a <meta> policy cannot carry (browsers ignore it there: only the header
 * stops Heard being framed). Built with HEARD_SYNC_ORIGIN set, connect-src names those origins;
 * without it the build cannot know the office's server, so it allows any https origin and a
 * server on the tablet itself (http only there, as the Sync screen requires). Where a host sends the
 * header too, a browser applies both, and the header's narrower connect-src wins.
 */
export function metaContentSecurityPolicy(syncOrigins = []) {
  const connectSrc = syncOrigins.length ? syncOrigins : ['https:', 'http://localhost:*', 'http://127.0.0.1:*'];
  return contentSecurityPolicy(connectSrc)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}

function headersFor(path, csp) {
  const headers = {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // Hashed files never change; everything else (index.html, sw.js, the manifest) must be
  // revalidated so a new version is found.
  headers['Cache-Control'] = path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  return headers;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt']);
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Text goes compressed (brotli, else gzip) to a browser that accepts it: on a slow connection a
 * first visit waits on bytes. Each file is compressed once for as long as it is unchanged.
 */
function compressor() {
  const cache = new Map();
  return async (path, info, body, acceptEncoding = '') => {
    if (!COMPRESSIBLE.has(extname(path)) || body.length < 1024) return null;
    const encoding = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : null;
    if (!encoding) return null;
    const key = `${encoding}:${path}:${info.mtimeMs}:${info.size}`;
    if (!cache.has(key)) {
      cache.set(key, encoding === 'br' ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }) : gzipped(body, { level: 9 }));
    }
    return { encoding, body: await cache.get(key) };
  };
}

/**
 * The file a request's path names, resolved, or the status that refuses it: 400 for a path that
 * does not decode or holds a NUL, 403 for one that leaves `base` (`/..%2fdist-private/x` decodes
 * to a sibling folder whose name merely starts with "dist": inside means `base` plus a separator).
 */
export function requestPath(base, requestUrl = '/') {
  let decoded;
  try {
    decoded = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return 400;
  }
  if (decoded.includes('\0')) return 400;
  const path = resolve(join(base, decoded));
  return path === base || path.startsWith(base + sep) ? path : 403;
}

/**
 * `tls` ({ key, cert }, PEM) serves HTTPS, over HTTP/2 where the browser speaks it, as any host a
 * tablet installs Heard from must (a service worker needs HTTPS everywhere but localhost).
 */
export async function startStaticServer({ root = 'dist', port = 0, host = '127.0.0.1', connectSrc = [], tls = null } = {}) {
  let base = resolve(root);
  const csp = contentSecurityPolicy(connectSrc);
  const compress = compressor();
  const handle = async (req, res) => {
    try {
      const path0 = requestPath(base, req.url);
      if (typeof path0 === 'number') {
        res.writeHead(path0).end();
        return;
      }
      let path = path0;
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) path = join(path, 'index.html');
      else if (!info) path = join(base, 'index.html');
      if (!info?.isFile()) info = await stat(path);
      const body = await readFile(path);
      const compressed = await compress(path, info, body, req.headers['accept-encoding']);
      const headers = headersFor(path, csp);
      if (COMPRESSIBLE.has(extname(path))) headers['Vary'] = 'Accept-Encoding';
      if (compressed) headers['Content-Encoding'] = compressed.encoding;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : (compressed?.body ?? body));
    } catch {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Server error');
    }
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
  const sessions = new Set();
  server.on('session', (session) => (sessions.add(session), session.on('close', () => sessions.delete(session))));
  await new Promise((done) => server.listen(port, host, done));
  const address = server.address();
  const url = `${tls ? 'https' : 'http'}://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/`;
  return {
    url,
    /** Serves another build from the same origin, as a deployment of a new version would. */
    setRoot: (next) => {
      base = resolve(next);
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        for (const session of sessions) session.destroy();
        server.close(() => done());
      }),
  };
}
