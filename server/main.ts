/**
 * `tsx server/main.ts`: the production build and the rooms on one port.
 *
 *   HOST (default 127.0.0.1), PORT (default 5173; 0 picks a free port),
 *   DIST_DIR (default dist/ beside package.json), DATA_DIR (default data/ beside it: rooms.sqlite),
 *   ROOM_IDLE_MINUTES (default 360), TRUST_PROXY=1 (behind a reverse proxy that sets X-Forwarded-For),
 *   SQLITE_SYNCHRONOUS=FULL (an fsync per append: survives a power cut, not only a crash),
 *   RECOVERY_SECONDS (default 120: how long a dropped connection can recover its state; the
 *   server keeps every message sent for that long).
 *
 * Prints `listening on http://HOST:PORT` once it accepts connections; SIGINT/SIGTERM close it.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './server';
import { SqliteStore } from './sqliteStore';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const host = env.HOST || '127.0.0.1';
const port = env.PORT === undefined || env.PORT === '' ? 5173 : Number(env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
const distDir = resolve(env.DIST_DIR || resolve(root, 'dist'));
const dataDir = resolve(env.DATA_DIR || resolve(root, 'data'));
const idleMinutes = Number(env.ROOM_IDLE_MINUTES || 360);

const store = new SqliteStore({ dataDir, synchronous: env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL' });
const server = await createServer({
  store,
  distDir: existsSync(resolve(distDir, 'index.html')) ? distDir : null,
  idleMs: idleMinutes * 60_000,
  trustProxy: env.TRUST_PROXY === '1',
  recoveryMs: Number(env.RECOVERY_SECONDS || 120) * 1000,
});
const at = await server.listen(port, host);
console.log(
  `listening on ${at.url} (rooms: ${server.rooms.size} restored; data: ${store.file}${existsSync(resolve(distDir, 'index.html')) ? '' : '; no build in dist/: run `npm run build`'})`,
);
if (host === '0.0.0.0' || host === '::') {
  // Open to the classroom's network: the addresses the devices can open (the teacher opens the console there too, so its QR code points at it).
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => `http://${i!.address}:${at.port}`);
  if (lan.length) console.log(`on the class's network: ${lan.join('  ')}`);
}

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
