import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { get as httpGet } from 'node:http';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without type declarations
import { startStaticServer } from '../../scripts/static-server.mjs';

const tls = { key: readFileSync('tests/support/tls/key.pem'), cert: readFileSync('tests/support/tls/cert.pem') };
const PAGE = `<!doctype html><title>Heard</title>${'<p>Heard</p>'.repeat(200)}`;

let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'heard-site-'));
  writeFileSync(join(root, 'index.html'), PAGE);
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log("Heard");'.repeat(100));
  server = await startStaticServer({ root, tls });
});
afterAll(() => server?.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function overHttp2(path: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const session = connect(server.url, { ca: tls.cert });
    session.on('error', fail);
    const request = session.request({ ':path': path, 'accept-encoding': 'br' });
    const chunks: Buffer[] = [];
    let headers: Answer['headers'] = {};
    request.on('response', (h) => (headers = h));
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      session.close();
      done({ status: Number(headers[':status']), headers, body: Buffer.concat(chunks) });
    });
    request.on('error', fail);
    request.end();
  });
}

function overHttp1(path: string): Promise<Answer> {
  return new Promise((done, fail) => {
    get(new URL(path, server.url), { ca: tls.cert }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

describe('the static server over HTTPS', () => {
  it('gives an https address', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the app over HTTP/2, compressed, with its security headers', async () => {
    const page = await overHttp2('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toBe(PAGE);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await overHttp2('/assets/app-1234.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('still answers a browser that speaks only HTTP/1.1', async () => {
    const page = await overHttp1('/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe(PAGE);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
  });
});

describe('the static server keeps to its folder', () => {
  let plain: { url: string; close: () => Promise<void> };
  const SECRET = 'not for the web: a sibling folder of dist';
  beforeAll(async () => {
    const parent = mkdtempSync(join(tmpdir(), 'heard-traversal-'));
    mkdirSync(join(parent, 'dist'));
    writeFileSync(join(parent, 'dist', 'index.html'), PAGE);
    // A sibling whose name starts with the root's: a plain prefix test lets it through.
    mkdirSync(join(parent, 'dist-private'));
    writeFileSync(join(parent, 'dist-private', 'x'), SECRET);
    writeFileSync(join(parent, 'secret.txt'), SECRET);
    plain = await startStaticServer({ root: join(parent, 'dist') });
  });
  afterAll(() => plain?.close());

  /** Sent as written: Node's client does not tidy `..` or `%2f` away as a browser's URL would. */
  const raw = (path: string) =>
    new Promise<{ status: number; body: string }>((done, fail) => {
      httpGet({ host: '127.0.0.1', port: new URL(plain.url).port, path }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, body }));
      }).on('error', fail);
    });

  it.each([
    ['/..%2fdist-private/x', 403],
    ['/..%2Fdist-private%2Fx', 403],
    // The URL parser itself takes `%2e%2e/` as `..` and drops it: this one asks for dist's own
    // /dist-private/x, which is not there, so the app's page is the answer.
    ['/%2e%2e/dist-private/x', 200],
    ['/%2e%2e%2fsecret.txt', 403],
    ['/assets/..%2f..%2f..%2fsecret.txt', 403],
    ['/x%00.html', 400],
    ['/%E0%A4%A', 400],
  ])('answers %s with %i and shows nothing outside dist', async (path, status) => {
    const answer = await raw(path);
    expect(answer.status).toBe(status);
    expect(answer.body).not.toContain(SECRET);
  });

  it('still serves what is inside, and the app for an unknown path', async () => {
    expect(await raw('/index.html')).toMatchObject({ status: 200, body: PAGE });
    expect(await raw('/a/..%2findex.html')).toMatchObject({ status: 200, body: PAGE });
    expect(await raw('/meetings/123')).toMatchObject({ status: 200, body: PAGE });
  });
});
