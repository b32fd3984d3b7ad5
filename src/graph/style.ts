/**
 * The Cytoscape stylesheet for the coalition graph. Colours come from the element data (the
 * posture fill and the actor's border are computed in models/graph); this file only decides
 * how each kind looks. Sizes are in model pixels; `fit` scales them with the view, so the
 * large-text mode raises font sizes relative to the nodes rather than zooming.
 */
import type { StylesheetJson } from 'cytoscape';
import { EDGE_STYLE } from '../../models/graph/elements';

export interface GraphStyleOptions {
  largeText: boolean;
  showCompatible: boolean;
}

/**
 * Unlabelled, undirected edges (compatibility, alignment) are drawn straight from centre to centre
 * ("haystack"): Cytoscape then skips the control points it computes for every other edge on every
 * frame of an animation. Deals and threats keep arrows and labels, so they stay bezier.
 */
const LIGHT = { 'curve-style': 'haystack', 'haystack-radius': 0 } as const;

export function graphStylesheet({ largeText, showCompatible }: GraphStyleOptions): StylesheetJson {
  const nodeFont = largeText ? 30 : 22;
  const edgeFont = largeText ? 24 : 17;
  const groupFont = largeText ? 28 : 20;
  return [
    {
      selector: 'node.actor',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        shape: 'data(shape)' as never,
        'background-color': 'data(colour)',
        'border-color': 'data(border)',
        'border-width': largeText ? 8 : 7,
        label: 'data(display)',
        'text-wrap': 'wrap',
        'text-max-width': '200px',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 6,
        'font-size': nodeFont,
        'font-weight': 'bold',
        'font-family': 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif',
        color: '#111111',
        'text-outline-color': '#ffffff',
        'text-outline-width': largeText ? 4 : 3,
        'line-height': 1.15,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node.posture-walkedAway', style: { 'background-opacity': 0.55, 'border-style': 'dashed' } },
    { selector: 'node.unacceptable', style: { 'border-style': 'double', 'border-width': largeText ? 12 : 10 } },
    {
      selector: 'node.coalition',
      style: {
        shape: 'round-rectangle',
        'background-color': '#e8eff9',
        'background-opacity': 0.7,
        'border-color': '#4a6f9e',
        'border-width': 2,
        'border-style': 'dashed',
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        // A group's label (who it holds) wraps rather than reach past its box, which would zoom the whole graph out.
        'text-wrap': 'wrap',
        'text-max-width': largeText ? '600px' : '480px',
        'font-size': groupFont,
        'font-weight': 'bold',
        color: '#1f3f66',
        'text-outline-color': '#ffffff',
        'text-outline-width': 3,
        padding: '22px',
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: 2,
        'line-color': '#999999',
        'font-size': edgeFont,
        color: '#111111',
        'text-wrap': 'wrap',
        'text-max-width': largeText ? '220px' : '170px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '3px',
        'text-background-shape': 'roundrectangle',
      },
    },
    {
      selector: 'edge.compatible',
      style: { ...LIGHT, 'line-color': EDGE_STYLE.compatible.colour, width: 1.5, opacity: 0.35, display: showCompatible ? 'element' : 'none' },
    },
    {
      selector: 'edge.incompatible',
      style: { ...LIGHT, 'line-color': EDGE_STYLE.incompatible.colour, 'line-style': 'dashed', 'line-dash-pattern': [10, 6], width: 3, opacity: 0.75 },
    },
    {
      selector: 'edge.alignment',
      style: { ...LIGHT, 'line-color': EDGE_STYLE.alignment.colour, width: 'mapData(weight, 0.75, 1, 2, 9)', opacity: 0.45 },
    },
    {
      selector: 'edge.deal',
      style: {
        'line-color': EDGE_STYLE.deal.colour,
        'target-arrow-color': EDGE_STYLE.deal.colour,
        'source-arrow-color': EDGE_STYLE.deal.colour,
        'target-arrow-shape': 'triangle',
        'source-arrow-shape': 'triangle',
        'arrow-scale': 1.6,
        width: 6,
        label: 'data(caption)',
        'font-weight': 'bold',
        color: EDGE_STYLE.deal.colour,
        'z-index': 10,
        'z-compound-depth': 'top',
      },
    },
    {
      selector: 'edge.threat',
      style: {
        'line-color': EDGE_STYLE.threat.colour,
        'target-arrow-color': EDGE_STYLE.threat.colour,
        'target-arrow-shape': 'triangle-tee',
        'arrow-scale': 1.6,
        width: 4,
        label: 'data(caption)',
        color: EDGE_STYLE.threat.colour,
        'z-index': 9,
        'z-compound-depth': 'top',
      },
    },
    { selector: 'node:selected', style: { 'overlay-color': '#ff9f1c', 'overlay-opacity': 0.25, 'overlay-padding': 8 } },
  ];
}
