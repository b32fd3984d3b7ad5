import { afterEach, describe, expect, it, vi } from 'vitest';
import { layoutBoxes } from '../../workers/layout';

afterEach(() => vi.restoreAllMocks());

describe('layoutBoxes', () => {
  it('lays out coalitions and their members without style warnings', () => {
    const warn = vi.spyOn(console, 'warn');
    const out = layoutBoxes({
      groups: ['coalition:content'],
      boxes: [
        { id: 'a', parent: 'coalition:content', x: 0, y: 0, w: 80, h: 60 },
        { id: 'b', parent: 'coalition:content', x: 10, y: 5, w: 80, h: 60 },
        { id: 'c', x: 40, y: 40, w: 60, h: 60 },
      ],
      links: [{ source: 'a', target: 'c', kind: 'alignment', weight: 0.9 }],
      groupPadding: 32,
    });
    expect(Object.keys(out).sort()).toEqual(['a', 'b', 'c']);
    for (const p of Object.values(out)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });
});
