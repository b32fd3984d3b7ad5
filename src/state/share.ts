/**
 * Scenario links: the scenario JSON, deflated (CompressionStream 'deflate-raw') and written in
 * base64url after `#s=`. Opening a link validates it like any imported file; a malformed or
 * oversize link is refused with a problem worded like any other input's (models/scenario/problems)
 * and loads nothing.
 */
import { refusal, type Refusal } from '../../models/scenario/problems';

export const LINK_PREFIX = '#s=';
/** Longest link payload accepted (characters after `#s=`). */
export const MAX_LINK_CHARS = 200_000;
/** Largest inflated scenario accepted from a link (bytes). */
export const MAX_INFLATED_BYTES = 2_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '==='.slice((b64.length + 3) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError(`link too large: it unpacks to more than ${limit.toLocaleString('en-GB')} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let k = 0;
  for (const c of chunks) {
    out.set(c, k);
    k += c.length;
  }
  return out;
}

export async function encodeScenarioLink(json: string, base: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `${base}${LINK_PREFIX}${toBase64Url(packed)}`;
}

export type LinkResult = { ok: true; json: string } | Refusal | { ok: 'none' };

/** Read the scenario from a location hash; `{ok:'none'}` when the hash carries no scenario. */
export async function decodeScenarioLink(hash: string): Promise<LinkResult> {
  if (!hash.startsWith(LINK_PREFIX)) return { ok: 'none' };
  const payload = hash.slice(LINK_PREFIX.length);
  if (payload.length > MAX_LINK_CHARS)
    return refusal([
      { path: '', message: `link too long: ${payload.length.toLocaleString('en-GB')} characters (the limit is ${MAX_LINK_CHARS.toLocaleString('en-GB')})` },
    ]);
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return refusal([{ path: '', message: 'link damaged: it contains characters a scenario link never has' }]);
  try {
    const bytes = await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), MAX_INFLATED_BYTES);
    return { ok: true, json: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (e) {
    return refusal([{ path: '', message: e instanceof RangeError ? e.message : 'link damaged: it does not unpack to a scenario' }]);
  }
}
