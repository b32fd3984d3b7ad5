import { describe, expect, it } from 'vitest';
import { decodeScenarioLink, encodeScenarioLink, LINK_PREFIX, MAX_INFLATED_BYTES } from '../../src/state/share';
import { builtinDoc } from '../../models/scenario/index';

/** A link payload of raw bytes, deflated as the app deflates (CompressionStream 'deflate-raw'). */
async function linkOf(bytes: Uint8Array): Promise<string> {
  const packed = new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  return LINK_PREFIX + Buffer.from(packed).toString('base64url');
}

describe('share links', () => {
  it('carry a scenario there and back', async () => {
    const json = JSON.stringify(builtinDoc('belarus'));
    const url = await encodeScenarioLink(json, 'https://example.org/');
    expect(url.startsWith(`https://example.org/${LINK_PREFIX}`)).toBe(true);
    expect(await decodeScenarioLink(url.slice('https://example.org/'.length))).toEqual({ ok: true, json });
  });

  it('a hash without a scenario is not a link', async () => {
    expect(await decodeScenarioLink('#tab=edit')).toEqual({ ok: 'none' });
  });

  it.each([
    ['characters a link never has', async () => '#s=!!!not-a-link', 'link damaged: it contains characters a scenario link never has'],
    ['too long', async () => LINK_PREFIX + 'A'.repeat(250_000), 'link too long: 250,000 characters (the limit is 200,000)'],
    ['not deflated', async () => `${LINK_PREFIX}AAAA`, 'link damaged: it does not unpack to a scenario'],
    ['not UTF-8 inside', async () => linkOf(new Uint8Array([0xff, 0xfe, 0xfd])), 'link damaged: it does not unpack to a scenario'],
    ['unpacking to too much', async () => linkOf(new Uint8Array(MAX_INFLATED_BYTES + 1).fill(32)), 'link too large: it unpacks to more than 2,000,000 bytes'],
  ] as [string, () => Promise<string>, string][])('are refused, worded like any input problem: %s', async (_, hash, message) => {
    expect(await decodeScenarioLink(await hash())).toEqual({ ok: false, problems: [{ path: '', message }], problem: message });
  });
});
