/**
 * Vitest runs these tests with the "browser" resolve condition (vite-plugin-solid adds it to the
 * process), so `import "ws"` inside engine.io-client's Node WebSocket transport gets the `ws`
 * package's browser stub, which cannot connect. This transport is the same one with the real
 * `ws` client, loaded by path past the condition. Outside Vitest it behaves identically.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NodeWebSocket } from 'engine.io-client';

const req = createRequire(import.meta.url);
export const NodeWs = req(join(dirname(req.resolve('ws/package.json')), 'index.js')) as typeof import('ws');

export class WsTransport extends NodeWebSocket {
  override createSocket(uri: string, protocols: string | string[] | undefined, opts: Record<string, unknown>) {
    return new NodeWs.WebSocket(uri, protocols, opts) as never;
  }
}
