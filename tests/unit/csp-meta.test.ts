import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without type declarations
import { contentSecurityPolicy, metaContentSecurityPolicy, syncOriginsFrom } from '../../scripts/static-server.mjs';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d]));

describe('the Content Security Policy in index.html', () => {
  it('is the header’s, but frame-ancestors, which a <meta> cannot carry', () => {
    const header = directives(contentSecurityPolicy(['https://office.example.org']));
    const meta = directives(metaContentSecurityPolicy(['https://office.example.org']));
    expect(header.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it('built without HEARD_SYNC_ORIGIN, lets the page reach any https server and one on the tablet only', () => {
    expect(directives(metaContentSecurityPolicy(syncOriginsFrom(''))).get('connect-src')).toBe("connect-src 'self' https: http://localhost:* http://127.0.0.1:*");
    expect(directives(metaContentSecurityPolicy(syncOriginsFrom('https://a.example.org, nonsense'))).get('connect-src')).toBe("connect-src 'self' https://a.example.org");
  });

  it('has its place in index.html: the build puts it right after the charset', () => {
    // vite.config.ts finds this line to put the policy after; without it the build would carry none.
    expect(readFileSync('index.html', 'utf8')).toContain('<meta charset="utf-8" />');
  });
});
