/**
 * One port for the build and the rooms: dist/ files with their content types (.wasm as
 * application/wasm), the SPA fallback to index.html, 404 for a missing asset, nothing outside
 * dist/; Socket.IO on the same port. And the token bucket on its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenBucket, KeyedBuckets } from '../../server/limits';
import { belarusSetup, call, ok, start, tempDir, type Running } from './helpers';

let r: Running | undefined;
afterEach(async () => {
  await r?.stop(true);
  r = undefined;
});

function get(url: string, path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; cache: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    // A raw path (no normalisation by URL) so that traversal attempts reach the server as sent.
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], cache: res.headers['cache-control'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serving the build', () => {
  it('serves dist/ with content types, an SPA fallback and no way out of the folder, beside the rooms', async () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Coreplay</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'highs-1a2b.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
    r = await start({ distDir: dist });
    const index = await get(r.url, '/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', cache: 'no-cache' });
    expect(index.body).toContain('Coreplay');
    expect(await get(r.url, '/assets/index-abc123.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      cache: 'public, max-age=31536000, immutable',
    });
    expect(await get(r.url, '/assets/highs-1a2b.wasm')).toMatchObject({ status: 200, type: 'application/wasm' });
    const route = await get(r.url, '/room/ABCD2345');
    expect(route.status).toBe(200);
    expect(route.body).toContain('Coreplay');
    expect((await get(r.url, '/assets/missing.js')).status).toBe(404);
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json']) {
      const x = await get(r.url, path);
      expect(x.body, path).not.toMatch(/"name"|root:/);
      expect([200, 400, 403, 404], path).toContain(x.status);
    }
    expect((await get(r.url, '/', 'POST')).status).toBe(405);
    expect((await get(r.url, '/', 'HEAD')).status).toBe(200);
    // The rooms answer on the same port.
    const c = await r.connect();
    ok(await call(c, 'room:create', belarusSetup()));
  });

  it('without a build, pages answer 503 naming the build step, and the rooms still work', async () => {
    r = await start({ distDir: null });
    const x = await get(r.url, '/');
    expect(x.status).toBe(503);
    expect(x.body).toMatch(/npm run build/);
    const c = await r.connect();
    ok(await call(c, 'room:create', belarusSetup()));
  });
});

describe('token buckets', () => {
  it('allow a burst of `capacity`, then `perSecond`, and say how long to wait', () => {
    const b = new TokenBucket({ capacity: 3, perSecond: 2 }, 0);
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([0, 0, 0]);
    expect(b.take(0)).toBe(500);
    expect(b.take(499)).toBe(2);
    expect(b.take(500)).toBe(0);
    expect(b.wait(500)).toBe(500);
    expect(b.full(10_000)).toBe(true);
  });

  it('keyed buckets stay bounded', () => {
    const k = new KeyedBuckets({ capacity: 2, perSecond: 1 }, 100);
    for (let i = 0; i < 1000; i++) k.get(`10.0.0.${i}`, 0).take(0);
    expect(k.size).toBeLessThanOrEqual(100);
    k.prune(10_000);
    expect(k.size).toBe(0);
  });
});
