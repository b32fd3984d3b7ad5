/**
 * Minimal UTF-8 encoding and decoding without TextEncoder/TextDecoder (models/ has no DOM or
 * node typings). Used by the `.nfg` reader, which scans bytes, and by its callers.
 * Invalid sequences decode to U+FFFD.
 */

/** UTF-8 bytes of a string (lone surrogates become U+FFFD). */
export function utf8Encode(s: string): Uint8Array {
  let ascii = true;
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  if (ascii) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Decode bytes[start, end) as UTF-8. */
export function utf8Decode(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    let c: number;
    let need: number;
    if (b < 0x80) {
      c = b;
      need = 0;
    } else if (b >= 0xc2 && b < 0xe0) {
      c = b & 31;
      need = 1;
    } else if (b >= 0xe0 && b < 0xf0) {
      c = b & 15;
      need = 2;
    } else if (b >= 0xf0 && b < 0xf5) {
      c = b & 7;
      need = 3;
    } else {
      s += '\ufffd';
      i++;
      continue;
    }
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const t = bytes[i + k];
      if (t === undefined || i + k >= end || (t & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      c = (c << 6) | (t & 63);
    }
    if (!ok) {
      s += '\ufffd';
      i++;
      continue;
    }
    i += need + 1;
    s += String.fromCodePoint(c);
  }
  return s;
}
