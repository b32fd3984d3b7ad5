/**
 * The coalition graph's layout, run off the main thread: fcose (Cytoscape headless) over boxes
 * the page has measured — each actor's node together with its label — starting from where the
 * boxes are now, so a new round moves the drawing rather than redrawing it. The page applies
 * the returned centres, tidies label overlaps and animates; the worker only places boxes.
 */
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';

export type LayoutEdgeKind = 'alignment' | 'incompatible' | 'compatible' | 'deal' | 'threat';

export interface LayoutBox {
  readonly id: string;
  /** The compound (coalition) the box sits in, if any. */
  readonly parent?: string;
  /** Centre and size of the node with its label, in model pixels. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface LayoutLink {
  readonly source: string;
  readonly target: string;
  readonly kind: LayoutEdgeKind;
  /** Alignment strength (0.75–1) for alignment links. */
  readonly weight?: number;
}

export interface LayoutRequest {
  readonly boxes: readonly LayoutBox[];
  /** Coalition ids (compound nodes); their size follows their members. */
  readonly groups: readonly string[];
  readonly links: readonly LayoutLink[];
  /** Padding inside a coalition box, including room for its title. */
  readonly groupPadding?: number;
}

/** New centre per box id. */
export type LayoutResult = Record<string, { x: number; y: number }>;

let registered = false;

function options(): FcoseLayoutOptions {
  return {
    name: 'fcose',
    quality: 'proof', // required when starting from the current positions (randomize: false)
    randomize: false,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    packComponents: false,
    nodeRepulsion: () => 12000,
    nodeSeparation: 100,
    idealEdgeLength: (edge: cytoscape.EdgeSingular) => {
      switch (edge.data('kind') as LayoutEdgeKind) {
        case 'alignment':
          return 160 - 200 * (Number(edge.data('weight')) - 0.75);
        case 'incompatible':
          return 200;
        case 'deal':
          return 130;
        case 'threat':
          return 170;
        default:
          return 150;
      }
    },
    edgeElasticity: (edge: cytoscape.EdgeSingular) => (edge.data('kind') === 'incompatible' ? 0.1 : 0.45),
    nestingFactor: 0.5,
    gravity: 0.6,
    gravityCompound: 1.0,
    numIter: 2500,
    tile: false,
  };
}

/** Lay the boxes out (deterministic for a given request: fcose starts from the given centres). */
export function layoutBoxes(req: LayoutRequest): LayoutResult {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const groups = new Set(req.groups);
  const ids = new Set(req.boxes.map((b) => b.id));
  const pad = req.groupPadding ?? 30;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [
      { selector: 'node', style: { shape: 'rectangle', 'border-width': 0, label: '' } },
      // Only the boxes carry a size: a coalition's follows its members (mapping it would warn).
      { selector: 'node[w][h]', style: { width: 'data(w)', height: 'data(h)' } },
      { selector: ':parent', style: { padding: `${pad}px` } },
    ],
    elements: [
      ...[...groups].map((id) => ({ group: 'nodes' as const, data: { id } })),
      ...req.boxes.map((b) => ({
        group: 'nodes' as const,
        data: { id: b.id, w: Math.max(b.w, 1), h: Math.max(b.h, 1), ...(b.parent && groups.has(b.parent) ? { parent: b.parent } : {}) },
        position: { x: b.x, y: b.y },
      })),
      ...req.links
        .filter((l) => l.kind !== 'compatible' && ids.has(l.source) && ids.has(l.target) && l.source !== l.target)
        .map((l, i) => ({ group: 'edges' as const, data: { id: `l${i}`, source: l.source, target: l.target, kind: l.kind, weight: l.weight ?? 0.75 } })),
    ],
  });
  try {
    if (req.boxes.length > 1) cy.layout(options()).run();
    const out: LayoutResult = {};
    for (const b of req.boxes) {
      const p = cy.getElementById(b.id).position();
      out[b.id] = { x: Number.isFinite(p.x) ? p.x : b.x, y: Number.isFinite(p.y) ? p.y : b.y };
    }
    return out;
  } finally {
    cy.destroy();
  }
}
