/**
 * The Cytoscape stylesheet. Appearance lives here only: selection, hover
 * highlight, fading and filtering are classes toggled by the canvas, never
 * values written into the model.
 */
import type { StylesheetJson } from 'cytoscape';
import { RELATION_TYPES } from '../../graph';
import { RELATION_STYLES } from './encoding';
import { BLOC_COLORS, FACTION_COLORS, OTHER_BLOC_COLOR } from './palette';
import type { ScaleKnobs } from './scale';

export const MIN_NODE = 26;
export const MAX_NODE = 74;
/** The largest actor of a large graph (src/canvas/scale.ts). */
export const LARGE_MAX_NODE = 260;

/** Without knobs (or for a small graph) the full-detail style; a large graph's knobs add the rules of largeGraphRules(). */
export function stylesheet(knobs?: ScaleKnobs): StylesheetJson {
  // A large graph's sizes spread wider: at the zoom that shows 10,000 actors, the hubs must stand out.
  // (One mapData() per property: a second rule mapping the same property trips Cytoscape 3.34's style triggers.)
  const maxNode = knobs?.large ? LARGE_MAX_NODE : MAX_NODE;
  const rules: StylesheetJson = [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as never,
        'background-color': 'data(color)',
        'border-width': 1.5,
        'border-color': '#37474f',
        width: `mapData(size, 0, 1, ${MIN_NODE}, ${maxNode})`,
        height: `mapData(size, 0, 1, ${MIN_NODE}, ${maxNode})`,
        label: 'data(name)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#1b1b1b',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        'control-point-step-size': 28,
        'arrow-scale': 1.1,
        opacity: 0.9,
      },
    },
  ];
  for (const type of RELATION_TYPES) {
    const s = RELATION_STYLES[type];
    rules.push({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': s.color,
        'target-arrow-color': s.color,
        'target-arrow-shape': s.arrow ? 'triangle' : 'none',
        'line-style': s.line,
        ...(s.line === 'dashed' ? { 'line-dash-pattern': [7, 4] } : {}),
      },
    });
  }
  if (knobs?.large) rules.push(...largeGraphRules(knobs));
  rules.push(
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.dimmed', style: { opacity: 0.12, 'text-opacity': 0.25 } },
    { selector: '.overlay-hidden', style: { display: 'none' } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#ff6f00' } },
    { selector: 'edge.focus', style: { width: 5, opacity: 1, 'z-index': 15 } },
    ...BLOC_COLORS.map((color, i) => ({ selector: `node.bloc-${i}`, style: { 'background-color': color } })),
    { selector: 'node.bloc-other', style: { 'background-color': OTHER_BLOC_COLOR } },
    { selector: 'node.faction-a', style: { 'border-width': 5, 'border-color': FACTION_COLORS[0], 'border-style': 'solid' } },
    { selector: 'node.faction-b', style: { 'border-width': 5, 'border-color': FACTION_COLORS[1], 'border-style': 'double' } },
    { selector: 'edge.frustrated', style: { width: 4.5, opacity: 1, 'underlay-color': '#ffd600', 'underlay-opacity': 0.6, 'underlay-padding': 4 } as never },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.25 } },
    { selector: 'node.highlighted', style: { 'border-width': 3, 'border-color': '#263238', 'z-index': 10 } },
    { selector: 'edge.highlighted', style: { width: 3.5, opacity: 1, 'z-index': 10 } },
    // Selection last, so it shows over every overlay and hover.
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ff6f00', 'z-index': 20 } },
    { selector: 'edge:selected', style: { width: 5, opacity: 1, 'z-index': 20, 'underlay-color': '#ff6f00', 'underlay-opacity': 0.35, 'underlay-padding': 3 } as never },
  );
  return rules;
}

/**
 * Level of detail for large graphs (src/canvas/scale.ts). They come right
 * after the base rules, so overlays, hover and selection still win;
 * `.landmark` marks the top actors.
 */
function largeGraphRules(knobs: ScaleKnobs): StylesheetJson {
  const rules: StylesheetJson = [];
  if (knobs.labelLevelOfDetail) {
    rules.push(
      // An actor's own label only once it is readable (11 px at zoom ≥ ~0.9); the box behind it costs a draw too.
      // No wrapping: measuring wrapped text for every label costs seconds at 10,000 actors.
      { selector: 'node', style: { 'min-zoomed-font-size': 10, 'text-background-opacity': 0, 'border-width': 1, 'text-wrap': 'none' } },
      // The top actors keep a label drawn large enough to read from far out.
      {
        selector: 'node.landmark',
        style: {
          // A fixed size: a mapData() font size trips Cytoscape 3.34's label z-order check (a number where it expects text).
          'font-size': 110,
          'font-weight': 'bold',
          'text-background-opacity': 0.8,
          'text-background-padding': '2px',
          'min-zoomed-font-size': 6,
          'text-max-width': '400px',
          'z-index': 5,
        },
      },
    );
  }
  if (knobs.haystack) {
    rules.push(
      // Straight, arrowless, solid: haystack edges skip per-edge curve and arrow geometry.
      { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, opacity: 0.45, 'line-style': 'solid' } as never },
    );
  } else {
    rules.push({ selector: 'edge', style: { width: 1, opacity: 0.45 } });
  }
  // The hovered, selected or focused neighbourhood is drawn in full again: arrows, dashes.
  const full: Record<string, unknown> = { 'curve-style': 'bezier', opacity: 1 };
  rules.push(
    { selector: 'edge.highlighted, edge:selected, edge.focus, edge.frustrated', style: full as never },
    { selector: 'edge[type = "suspected-supporter"].highlighted, edge[type = "suspected-supporter"]:selected', style: { 'line-style': 'dashed' } },
    { selector: 'node.highlighted, node:selected', style: { 'min-zoomed-font-size': 0, 'text-background-opacity': 0.8, 'z-index': 10 } },
  );
  return rules;
}
