// @vitest-environment jsdom
/** The room's routes (the hash of a team's, the teacher's and the projector's link) and its QR code. */
import { render } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { parseRoomRoute } from '../../src/state/room';
import { QrCode } from '../../src/views/room/common';

describe('room routes', () => {
  it('reads the join, team, teacher and projector routes; anything else is the app', () => {
    expect(parseRoomRoute('#room')).toEqual({ kind: 'join' });
    expect(parseRoomRoute('#room/')).toEqual({ kind: 'join' });
    expect(parseRoomRoute('#room/abcd-efgh')).toEqual({ kind: 'team', code: 'ABCDEFGH' });
    expect(parseRoomRoute('#teach/ABCDEFGH')).toEqual({ kind: 'teacher', code: 'ABCDEFGH' });
    expect(parseRoomRoute('#projector/ABCDEFGH/k%2Bey_1')).toEqual({ kind: 'projector', code: 'ABCDEFGH', key: 'k+ey_1' });
    expect(parseRoomRoute('')).toBeNull();
    expect(parseRoomRoute('#s=eJx')).toBeNull();
    expect(parseRoomRoute('#rooms')).toBeNull();
  });
});

describe('QR code', () => {
  it('draws the code as one SVG path, no markup parsed', () => {
    const { container } = render(() => <QrCode text="http://192.168.1.20:5173/#room/ABCDEFGH" label="join" />);
    const svg = container.querySelector('svg.qr')!;
    expect(svg.getAttribute('aria-label')).toBe('join');
    const [, , w] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    expect(w).toBeGreaterThanOrEqual(25);
    expect(svg.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(1000);
  });
});
