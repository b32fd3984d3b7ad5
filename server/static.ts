/**
 * Serves the production build (dist/): files with their content types (`.wasm` as
 * application/wasm, which WebAssembly.instantiateStreaming needs), hashed assets cached for a
 * year, index.html never cached, and an SPA fallback: a GET for a path without a file
 * extension (a client-side route such as /room/ABCD2345) gets index.html. Nothing outside the
 * folder is ever read.
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.nfg': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'SAMEORIGIN' } as const;

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(text);
}

async function fileAt(path: string): Promise<Stats | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** A request handler for the build in `distDir` (or a 503 naming the missing build). */
export function staticHandler(distDir: string | null): (req: IncomingMessage, res: ServerResponse) => void {
  const root = distDir ? resolve(distDir) : null;
  return (req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return send(res, 405, 'method not allowed');
      }
      if (!root) return send(res, 503, 'no production build to serve: run `npm run build` first');
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      } catch {
        return send(res, 400, 'bad request path');
      }
      if (pathname.includes('\0')) return send(res, 400, 'bad request path');
      const rel = normalize(pathname).replace(/^([/\\])+/, '');
      let file = join(root, rel);
      if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
      let st = await fileAt(file);
      if (st === null && (rel === '' || rel.endsWith('/'))) st = await fileAt((file = join(file, 'index.html')));
      if (st === null) {
        if (extname(rel) !== '') return send(res, 404, 'not found');
        st = await fileAt((file = join(root, 'index.html')));
        if (st === null) return send(res, 503, 'no production build to serve: dist/index.html is missing (run `npm run build`)');
      }
      const ext = extname(file).toLowerCase();
      const immutable = file.startsWith(join(root, 'assets') + sep);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': ext === '.html' ? 'no-cache' : immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
        'Last-Modified': st.mtime.toUTCString(),
        ...SECURITY_HEADERS,
      });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  };
}
