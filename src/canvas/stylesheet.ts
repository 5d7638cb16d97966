/**
 * The Cytoscape stylesheet. Appearance lives here only: selection, hover
 * highlight, fading and filtering are classes toggled by the canvas, never
 * values written into the model.
 */
import type { StylesheetJson } from 'cytoscape';
import { RELATION_TYPES } from '../../graph';
import { RELATION_STYLES } from './encoding';
import { BLOC_COLORS, FACTION_COLORS, OTHER_BLOC_COLOR } from './palette';

export const MIN_NODE = 26;
export const MAX_NODE = 74;

export function stylesheet(): StylesheetJson {
  const rules: StylesheetJson = [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as never,
        'background-color': 'data(color)',
        'border-width': 1.5,
        'border-color': '#37474f',
        width: `mapData(size, 0, 1, ${MIN_NODE}, ${MAX_NODE})`,
        height: `mapData(size, 0, 1, ${MIN_NODE}, ${MAX_NODE})`,
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
