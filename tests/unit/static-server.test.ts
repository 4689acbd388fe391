import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
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
